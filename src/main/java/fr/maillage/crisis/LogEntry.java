package fr.maillage.crisis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the crisis log (main courante): numbered in order, timestamped, by whom; never
 * changed — a correction is a new entry that points to the one it corrects.
 */
public record LogEntry(UUID id, UUID crisisId, int seq, Kind kind, String text, @Nullable UUID corrects, @Nullable Integer correctsSeq, String author,
		Instant at, List<Attachment> attachments) {

	/** A file joined to an entry (an order, a photo of the site, a stock sheet); its content is read apart. */
	public record Attachment(UUID id, String name, String contentType, int size) {
	}

	/** An attachment's content, to download. */
	public record File(String name, String contentType, byte[] content) {
	}

	public enum Kind {
		DECISION, INFORMATION, REQUEST, ACTION;

		public String labelKey() {
			return "crisis.log.kind." + name();
		}
	}
}
