package fr.maillage.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an uploaded file really is (a message's attachment, a document of the association's library), from its content (Apache Tika's detector, without the name): PDF,
 * images, office documents and plain text are accepted; anything else — an executable renamed
 * .pdf — is refused. The name is sanitised: no path, no control characters, at most 120
 * characters, and its extension follows the detected type.
 */
@Component
public class FileCheck {

	public record Checked(String name, String contentType) {
	}

	private static final Map<String, String> ALLOWED = Map.ofEntries(Map.entry("application/pdf", "pdf"), Map.entry("image/png", "png"),
			Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"), Map.entry("text/plain", "txt"),
			Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
			Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
			Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
			Map.entry("application/vnd.oasis.opendocument.text", "odt"), Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
			Map.entry("application/msword", "doc"), Map.entry("application/vnd.ms-excel", "xls"), Map.entry("application/x-tika-msoffice", "doc"),
			Map.entry("application/x-tika-ooxml", "docx"));

	private final Detector detector = new DefaultDetector();

	/** The sanitised name and the detected type, or null when the content is not an accepted type. */
	public @Nullable Checked check(String name, byte[] content) {
		MediaType type;
		try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(content))) {
			type = detector.detect(in, new Metadata());
		}
		catch (IOException ex) {
			return null;
		}
		String base = type.getBaseType().toString();
		String extension = ALLOWED.get(base);
		if (extension == null) {
			return null;
		}
		return new Checked(sanitise(name, extension), base.equals("application/x-tika-ooxml") ? "application/octet-stream" : base);
	}

	static String sanitise(String name, String extension) {
		String n = name == null ? "" : name;
		n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
		n = Normalizer.normalize(n, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = n.lastIndexOf('.');
		String stem = (dot > 0 ? n.substring(0, dot) : n).replaceAll("^\\.+", "").strip();
		if (stem.isEmpty()) {
			stem = "piece-jointe";
		}
		if (stem.length() > 110) {
			stem = stem.substring(0, 110);
		}
		return stem + "." + extension;
	}
}
