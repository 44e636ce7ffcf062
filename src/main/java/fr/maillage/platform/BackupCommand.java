package fr.maillage.platform;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * {@code ./maillage backup FILE} and {@code ./maillage restore FILE}, without starting the
 * application. The database is the external one ({@code SPRING_DATASOURCE_URL}, its owner from
 * {@code SPRING_FLYWAY_USER}/{@code PASSWORD}) or the embedded one: for a backup, the running
 * instance's or started for it; a restore needs the application stopped and an empty database
 * (the embedded folder absent or empty). The same {@code MAILLAGE_*_DIRECTORY} settings as the
 * application's.
 */
public final class BackupCommand {

	private BackupCommand() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2 || !List.of("backup", "restore").contains(args[0])) {
			System.err.println("usage : ./maillage backup FICHIER | ./maillage restore FICHIER");
			System.exit(2);
		}
		Path file = Path.of(args[1]).toAbsolutePath();
		Path files = Path.of(setting("MAILLAGE_FILES_DIRECTORY", "data/files")).toAbsolutePath();
		try {
			if (args[0].equals("backup")) {
				backup(file, files);
			}
			else {
				restore(file, files);
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println(ex.getMessage());
			EmbeddedDatabase.stopAll();
			System.exit(1);
		}
		EmbeddedDatabase.stopAll();
		System.exit(0);
	}

	private static void backup(Path file, Path files) throws Exception {
		Path partial = file.resolveSibling(file.getFileName() + ".partiel");
		try (Connection owner = ownerConnection(false); OutputStream out = Files.newOutputStream(partial)) {
			var manifest = Backups.backup(owner, files, out);
			long rows = manifest.stringPropertyNames().stream().filter(k -> k.startsWith("rows.")).mapToLong(k -> Long.parseLong(manifest.getProperty(k)))
				.sum();
			System.out.printf("Sauvegarde écrite dans %s : %d tables, %d lignes, schéma version %s, fichiers de %s.%n", file,
					manifest.getProperty("tables").split(",").length, rows, manifest.getProperty("schema.version"), files);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void restore(Path file, Path files) throws Exception {
		Backups.Contents backup;
		try (InputStream in = Files.newInputStream(file)) {
			backup = Backups.read(in);
		}
		String version = backup.manifest().getProperty("schema.version");
		try (Connection owner = ownerConnection(true)) {
			try (var s = owner.createStatement(); var rs = s.executeQuery(
					"select count(*) from pg_tables where schemaname = 'public' and tablename = 'flyway_schema_history'")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException("La base de destination n'est pas vide : une restauration se fait dans une base neuve "
							+ "(dossier de la base intégrée absent, ou base externe vide).");
				}
			}
			String url = owner.getMetaData().getURL();
			String user = owner.getMetaData().getUserName();
			Flyway.configure().dataSource(url, user, ownerPassword()).locations("classpath:db/migration").target(version)
				.placeholders(Map.of("appRole", appRole())).load().migrate();
			Backups.restoreRows(owner, backup);
			Flyway.configure().dataSource(url, user, ownerPassword()).locations("classpath:db/migration")
				.placeholders(Map.of("appRole", appRole())).load().migrate();
		}
		Backups.restoreFiles(backup, files);
		System.out.printf("Sauvegarde du %s restaurée (schéma version %s, %d tables, %d fichiers).%n", backup.manifest().getProperty("created"),
				version, backup.tables().size(), backup.files().size());
	}

	private static Connection ownerConnection(boolean forRestore) throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			return DriverManager.getConnection(url, setting("SPRING_FLYWAY_USER", setting("SPRING_DATASOURCE_USERNAME", "")), ownerPassword());
		}
		Path directory = Path.of(setting("MAILLAGE_DATABASE_DIRECTORY", "data/postgres"));
		Optional<Integer> running = runningPort(directory);
		if (running.isPresent()) {
			if (forRestore) {
				throw new IllegalStateException("Maillage tourne sur " + directory + " : arrêtez-le avant de restaurer.");
			}
			return DriverManager.getConnection(EmbeddedRoles.url(running.get()), EmbeddedCredentials.OWNER, ownerPassword());
		}
		if (forRestore && Files.exists(directory.resolve("PG_VERSION"))) {
			throw new IllegalStateException("Le dossier " + directory + " contient déjà une base : restaurez dans un dossier neuf "
					+ "(MAILLAGE_DATABASE_DIRECTORY) ou déplacez celui-ci.");
		}
		EmbeddedDatabase.Started db = EmbeddedDatabase.start(directory, false, 0);
		return DriverManager.getConnection(db.jdbcUrl(), EmbeddedCredentials.OWNER, db.credentials().ownerPassword());
	}

	private static Optional<Integer> runningPort(Path directory) throws Exception {
		Path pid = directory.resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pid);
		boolean alive = lines.size() > 3 && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
		return alive ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
	}

	private static String ownerPassword() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			return setting("SPRING_FLYWAY_PASSWORD", setting("SPRING_DATASOURCE_PASSWORD", ""));
		}
		return EmbeddedCredentials.read(Path.of(setting("MAILLAGE_DATABASE_DIRECTORY", "data/postgres")))
			.orElseThrow(() -> new IllegalStateException("Mots de passe de la base intégrée introuvables")).ownerPassword();
	}

	private static String appRole() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		return url != null && !url.isBlank() ? setting("SPRING_DATASOURCE_USERNAME", "") : EmbeddedCredentials.APP;
	}

	private static String setting(String name, String fallback) {
		String v = System.getenv(name);
		if (v == null || v.isBlank()) {
			v = System.getProperty(name);
		}
		return v == null || v.isBlank() ? fallback : v;
	}
}
