package fr.maillage.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The embedded database's two roles and their generated passwords, kept beside its data folder
 * ({@code data/postgres.credentials}, readable by its owner only): {@code postgres}, the owner that
 * migrates the schema and seals the audit log, and {@code maillage}, the application's role, which
 * reads and writes rows but cannot alter a table, disable a trigger or rewrite the audit log.
 */
public record EmbeddedCredentials(String ownerPassword, String appPassword) {

	public static final String OWNER = "postgres";
	public static final String APP = "maillage";
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	public static Path fileFor(Path dataDirectory) {
		Path dir = dataDirectory.toAbsolutePath().normalize();
		return dir.resolveSibling(dir.getFileName() + ".credentials");
	}

	/** The stored credentials of this data folder, if any. */
	public static java.util.Optional<EmbeddedCredentials> read(Path dataDirectory) {
		Path file = fileFor(dataDirectory);
		if (!Files.isRegularFile(file)) {
			return java.util.Optional.empty();
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			p.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return java.util.Optional.of(new EmbeddedCredentials(p.getProperty("owner.password"), p.getProperty("app.password")));
	}

	static EmbeddedCredentials readOrCreate(Path dataDirectory, boolean fresh) {
		if (!fresh) {
			var stored = read(dataDirectory);
			if (stored.isPresent()) {
				return stored.get();
			}
		}
		EmbeddedCredentials created = new EmbeddedCredentials(generate(), generate());
		Path file = fileFor(dataDirectory);
		Properties p = new Properties();
		p.setProperty("owner.user", OWNER);
		p.setProperty("owner.password", created.ownerPassword());
		p.setProperty("app.user", APP);
		p.setProperty("app.password", created.appPassword());
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (Writer out = Files.newBufferedWriter(file)) {
				p.store(out, "Maillage: roles of the embedded PostgreSQL (generated; keep with the data folder)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Fichier " + file + " impossible à écrire", ex);
		}
		return created;
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	@Override
	public String toString() {
		return "EmbeddedCredentials[hidden]";
	}
}
