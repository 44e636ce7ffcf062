package fr.maillage.directory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * An RPPS extraction saved on disk: the published .zip (whose Personne_activite entry is read,
 * and whose SavoirFaire entry, when present, is joined) or the .txt itself. The encoding is
 * found by a first pass (UTF-8 unless a byte sequence is not UTF-8, then Latin-1); reading
 * streams, line by line, without holding the file in memory.
 */
final class RppsFile {

	private final Path path;
	private final boolean zip;
	final Charset charset;
	final long lines;

	private RppsFile(Path path, boolean zip, Charset charset, long lines) {
		this.path = path;
		this.zip = zip;
		this.charset = charset;
		this.lines = lines;
	}

	static boolean isActivityEntry(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.endsWith(".txt") && n.contains("personne_activite");
	}

	static boolean isSkillEntry(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.endsWith(".txt") && n.contains("savoirfaire");
	}

	/** Opens a saved upload; null when it is a zip without a Personne_activite entry. */
	static @Nullable RppsFile open(Path path) throws IOException {
		boolean zip;
		try (InputStream in = Files.newInputStream(path)) {
			byte[] magic = in.readNBytes(4);
			zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
		if (zip) {
			try (InputStream in = entry(path, RppsFile::isActivityEntry)) {
				if (in == null) {
					return null;
				}
			}
		}
		Charset charset = StandardCharsets.UTF_8;
		long lines;
		try (InputStream in = zip ? entry(path, RppsFile::isActivityEntry) : Files.newInputStream(path)) {
			lines = countIfUtf8(in);
		}
		if (lines < 0) {
			charset = StandardCharsets.ISO_8859_1;
			try (InputStream in = zip ? entry(path, RppsFile::isActivityEntry) : Files.newInputStream(path)) {
				lines = countLines(in);
			}
		}
		return new RppsFile(path, zip, charset, lines);
	}

	BufferedReader activities() throws IOException {
		InputStream in = zip ? entry(path, RppsFile::isActivityEntry) : Files.newInputStream(path);
		return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
	}

	/** The SavoirFaire entry of a zip, if any, in its own encoding. */
	@Nullable BufferedReader skills() throws IOException {
		if (!zip) {
			return null;
		}
		Charset skillCharset;
		try (InputStream in = entry(path, RppsFile::isSkillEntry)) {
			if (in == null) {
				return null;
			}
			skillCharset = countIfUtf8(in) < 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
		}
		return new BufferedReader(new InputStreamReader(entry(path, RppsFile::isSkillEntry), skillCharset), 1 << 16);
	}

	private static @Nullable InputStream entry(Path path, Predicate<String> wanted) throws IOException {
		ZipInputStream zip = new ZipInputStream(Files.newInputStream(path), StandardCharsets.UTF_8);
		try {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (!e.isDirectory() && wanted.test(Path.of(e.getName()).getFileName().toString())) {
					return zip;
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			zip.close();
			throw new IOException("unreadable zip", ex);
		}
		zip.close();
		return null;
	}

	/** Lines in the stream if it is valid UTF-8, else -1. */
	private static long countIfUtf8(InputStream in) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
			long n = 0;
			while (reader.readLine() != null) {
				n++;
			}
			return n;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return -1;
		}
		catch (UncheckedIOException ex) {
			return -1;
		}
	}

	private static long countLines(InputStream in) throws IOException {
		long n = 0;
		byte[] buffer = new byte[1 << 16];
		int read;
		int last = '\n';
		while ((read = in.read(buffer)) > 0) {
			for (int i = 0; i < read; i++) {
				if (buffer[i] == '\n') {
					n++;
				}
			}
			last = buffer[read - 1];
		}
		return last == '\n' ? n : n + 1;
	}
}
