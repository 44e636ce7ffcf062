package fr.maillage.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup is one zip: the rows of every table (PostgreSQL's binary COPY, read in one snapshot,
 * so the copy is consistent while the application runs), the sequences' values, the schema
 * version (Flyway) and the uploaded files. A restore rebuilds the schema with the migrations up to
 * that version and loads the rows as they were (ids, audit seals), triggers and foreign-key checks
 * off while loading; then later migrations apply. No pg_dump: the embedded PostgreSQL 17 ships
 * none, and the distribution's client is older than the server (decision 0012).
 */
public final class Backups {

	static final String FORMAT = "maillage-backup-1";
	/** Not copied: Flyway rebuilds its history, sessions are transient. */
	private static final List<String> SKIPPED = List.of("flyway_schema_history", "spring_session", "spring_session_attributes");

	private Backups() {
	}

	/** Writes the backup of the database behind {@code owner} (a connection as the schema's owner) and of {@code files}. */
	public static Properties backup(Connection owner, Path files, OutputStream out) throws SQLException, IOException {
		owner.setAutoCommit(false);
		try (Statement s = owner.createStatement()) {
			s.execute("set transaction isolation level repeatable read, read only");
			Properties manifest = new Properties();
			manifest.setProperty("format", FORMAT);
			manifest.setProperty("created", Instant.now().toString());
			manifest.setProperty("schema.version", schemaVersion(s));
			List<String> tables = tables(s);
			manifest.setProperty("tables", String.join(",", tables));
			try (ResultSet rs = s.executeQuery("select schemaname || '.' || sequencename, coalesce(last_value, 0), last_value is not null "
					+ "from pg_sequences where schemaname = 'public'")) {
				while (rs.next()) {
					manifest.setProperty("sequence." + rs.getString(1), rs.getLong(2) + "," + rs.getBoolean(3));
				}
			}
			CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				for (String table : tables) {
					String columns = columns(s, table);
					manifest.setProperty("columns." + table, columns);
					zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
					long rows = copy.copyOut("copy " + quote(table) + " (" + columns + ") to stdout (format binary)", zip);
					manifest.setProperty("rows." + table, Long.toString(rows));
					zip.closeEntry();
				}
				if (Files.isDirectory(files)) {
					try (Stream<Path> all = Files.walk(files)) {
						for (Path f : all.filter(Files::isRegularFile).toList()) {
							zip.putNextEntry(new ZipEntry("files/" + files.relativize(f).toString().replace('\\', '/')));
							Files.copy(f, zip);
							zip.closeEntry();
						}
					}
				}
				StringWriter text = new StringWriter();
				manifest.store(text, "Maillage backup");
				zip.putNextEntry(new ZipEntry("manifest.properties"));
				zip.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			owner.commit();
			return manifest;
		}
	}

	/** The manifest and the table copies of a backup, read into memory table by table as the restore needs them. */
	public record Contents(Properties manifest, Map<String, byte[]> tables, Map<String, byte[]> files) {
	}

	public static Contents read(InputStream in) throws IOException {
		Properties manifest = new Properties();
		Map<String, byte[]> tables = new LinkedHashMap<>();
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				byte[] bytes = zip.readAllBytes();
				if (e.getName().equals("manifest.properties")) {
					manifest.load(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
				}
				else if (e.getName().startsWith("tables/")) {
					tables.put(e.getName().substring(7, e.getName().length() - 5), bytes);
				}
				else if (e.getName().startsWith("files/") && !e.getName().contains("..")) {
					files.put(e.getName().substring(6), bytes);
				}
			}
		}
		if (!FORMAT.equals(manifest.getProperty("format"))) {
			throw new IllegalArgumentException("Ce fichier n'est pas une sauvegarde de Maillage (" + FORMAT + ").");
		}
		return new Contents(manifest, tables, files);
	}

	/**
	 * Loads the rows into a database whose schema was just migrated to the backup's version and holds
	 * nothing yet, as a superuser owner (triggers and foreign keys off while loading), in one transaction.
	 */
	public static void restoreRows(Connection owner, Contents backup) throws SQLException, IOException {
		owner.setAutoCommit(false);
		try (Statement s = owner.createStatement()) {
			s.execute("set local session_replication_role = replica");
			CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
			for (String table : backup.manifest().getProperty("tables").split(",")) {
				if (table.isBlank()) {
					continue;
				}
				s.execute("delete from " + quote(table));
				byte[] rows = backup.tables().get(table);
				copy.copyIn("copy " + quote(table) + " (" + backup.manifest().getProperty("columns." + table) + ") from stdin (format binary)",
						new ByteArrayInputStream(rows));
			}
			for (String key : backup.manifest().stringPropertyNames()) {
				if (key.startsWith("sequence.")) {
					String[] v = backup.manifest().getProperty(key).split(",");
					try (var ps = owner.prepareStatement("select setval(?::regclass, ?, ?)")) {
						ps.setString(1, key.substring(9));
						ps.setLong(2, Math.max(1, Long.parseLong(v[0])));
						ps.setBoolean(3, Boolean.parseBoolean(v[1]));
						ps.execute();
					}
				}
			}
			owner.commit();
		}
		catch (SQLException | IOException | RuntimeException ex) {
			owner.rollback();
			throw ex;
		}
	}

	public static void restoreFiles(Contents backup, Path files) throws IOException {
		for (var e : backup.files().entrySet()) {
			Path target = files.resolve(e.getKey()).normalize();
			if (!target.startsWith(files.normalize())) {
				continue;
			}
			Files.createDirectories(target.getParent());
			Files.write(target, e.getValue());
		}
	}

	private static String schemaVersion(Statement s) throws SQLException {
		try (ResultSet rs = s.executeQuery("select version from flyway_schema_history where success and version is not null "
				+ "order by installed_rank desc limit 1")) {
			return rs.next() ? rs.getString(1) : "0";
		}
	}

	private static List<String> tables(Statement s) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by tablename")) {
			while (rs.next()) {
				if (!SKIPPED.contains(rs.getString(1))) {
					tables.add(rs.getString(1));
				}
			}
		}
		return tables;
	}

	private static String columns(Statement s, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet rs = s.executeQuery("select attname from pg_attribute where attrelid = " + literal("public." + quote(table))
				+ "::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
			while (rs.next()) {
				columns.add(quote(rs.getString(1)));
			}
		}
		return String.join(", ", columns);
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}
}
