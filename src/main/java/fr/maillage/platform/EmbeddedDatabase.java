package fr.maillage.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per data directory and per JVM: application contexts started by
 * tests share it, and it stops when the JVM exits.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	private static final Map<Path, Started> RUNNING = new ConcurrentHashMap<>();
	private static final java.util.List<EmbeddedPostgres> SERVERS = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** A running embedded database: its address (without credentials) and its two roles. */
	public record Started(String jdbcUrl, int port, EmbeddedCredentials credentials) {
	}

	private EmbeddedDatabase() {
	}

	public static Started start(Path directory, boolean clean, int port) {
		return start(directory, clean, port, "128MB");
	}

	/** {@code sharedBuffers}: PostgreSQL's cache ("128MB" by default; a region's server gives it a quarter of its memory). */
	public static Started start(Path directory, boolean clean, int port, String sharedBuffers) {
		return RUNNING.computeIfAbsent(directory.toAbsolutePath().normalize(), dir -> launch(dir, clean, port, sharedBuffers));
	}

	/** Stops the databases this JVM started: for the commands that run without an application context. */
	public static void stopAll() {
		for (EmbeddedPostgres postgres : SERVERS) {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				log.warn("Arrêt de PostgreSQL intégré incomplet", ex);
			}
		}
		SERVERS.clear();
		RUNNING.clear();
	}

	private static Started launch(Path directory, boolean clean, int port, String sharedBuffers) {
		try {
			// a throw-away folder (tests) starts from nothing; a kept one keeps its passwords
			EmbeddedCredentials credentials = EmbeddedCredentials.readOrCreate(directory, clean || !Files.exists(directory.resolve("PG_VERSION")));
			Files.createDirectories(directory);
			OrphanPostmaster.stopIfAny(directory);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(clean)
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", System.getProperty("maillage.database.max-connections", "100"))
				.setServerConfig("fsync", clean ? "off" : "on")
				// zonky turns it off by default: a commit acknowledged to a user must be on disk
				.setServerConfig("synchronous_commit", clean ? "off" : "on")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("shared_buffers", sharedBuffers)
				.setServerConfig("password_encryption", "scram-sha-256")
				// zonky checks the server is up by logging in as the owner: with the password once trust is gone
				.setConnectConfig("password", credentials.ownerPassword());
			if (port > 0) {
				builder.setPort(port);
			}
			// after a crash PostgreSQL replays its journal before it answers: on a loaded machine that
			// outlasts zonky's 10 s, and a start that gives up needs a person; its own messages (why it
			// would not start) go to a file beside the folder, where nothing else records them
			builder.setPGStartupWait(org.springframework.boot.convert.DurationStyle.detectAndParse(
					System.getProperty("maillage.database.startup-wait", "300s")));
			ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(directory.resolveSibling(directory.getFileName() + ".log").toFile());
			builder.setOutputRedirector(serverLog).setErrorRedirector(serverLog);
			EmbeddedPostgres postgres = builder.start();
			SERVERS.add(postgres);
			EmbeddedRoles.secure(directory, postgres.getPort(), credentials);
			log.info("PostgreSQL intégré démarré sur le port {} (données : {})", postgres.getPort(), directory);
			// Spring's shutdown handlers run after every application context has closed, so the
			// database outlives the connection pool and the event registry that use it.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Arrêt de PostgreSQL intégré incomplet", ex);
				}
			});
			return new Started(EmbeddedRoles.url(postgres.getPort()), postgres.getPort(), credentials);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL intégré n'a pas pu démarrer dans " + directory, ex);
		}
	}
}
