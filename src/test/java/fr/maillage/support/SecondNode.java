package fr.maillage.support;

import fr.maillage.MaillageApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Another application node, in a process of its own, on the test's database (and GreenMail): for
 * what must hold across nodes (live updates) and across a crash (the outbox).
 */
public final class SecondNode implements AutoCloseable {

	private final Process process;
	private final int port;
	private final Path log;

	private SecondNode(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts a node named {@code nodeName} on the test's database and waits until it answers its health check (90 s at most). */
	public static SecondNode start(DataSource dataSource, String nodeName, String logName, String... extraArgs) throws Exception {
		return start(dataSource, nodeName, logName, List.of(), extraArgs);
	}

	/** The same, with JVM options such as {@code -Dmaillage.crash-at=…} ({@link fr.maillage.platform.CrashPoint}). */
	public static SecondNode start(DataSource dataSource, String nodeName, String logName, List<String> jvmArgs, String... extraArgs)
			throws Exception {
		String url;
		try (var c = dataSource.getConnection()) {
			url = c.getMetaData().getURL();
		}
		var hikari = (com.zaxxer.hikari.HikariDataSource) dataSource;
		var owner = fr.maillage.platform.EmbeddedCredentials.read(Path.of("target", "test-postgres")).orElseThrow();
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + hikari.getUsername(),
				"--spring.datasource.password=" + hikari.getPassword(), "--spring.flyway.user=" + fr.maillage.platform.EmbeddedCredentials.OWNER,
				"--spring.flyway.password=" + owner.ownerPassword(), "--maillage.node-name=" + nodeName, "--db-scheduler.enabled=false",
				"--maillage.security.totp-required-for=PARTNER"));
		args.addAll(List.of(extraArgs));
		return launch(jvmArgs, args, logName);
	}

	/**
	 * Starts the application in a process of its own with these options and arguments (a free port,
	 * GreenMail as SMTP server are added) and waits until it answers its health check (90 s at most).
	 */
	public static SecondNode launch(List<String> jvmArgs, List<String> appArgs, String logName) throws Exception {
		SecondNode node = spawn(jvmArgs, appArgs, logName);
		node.awaitHealthy();
		return node;
	}

	/** Starts the process without waiting: for a start that is expected to fail. */
	public static SecondNode spawn(List<String> jvmArgs, List<String> appArgs, String logName) throws Exception {
		int port;
		try (var s = new java.net.ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(logName + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
		command.addAll(jvmArgs);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), MaillageApplication.class.getName(), "--server.port=" + port,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Mail.SMTP_PORT, "--logging.level.root=WARN"));
		MssanteSmtp.properties().forEach(p -> command.add("--" + p));
		command.addAll(appArgs);
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().remove("MAILLAGE_DEMO");
		pb.environment().remove("SPRING_DATASOURCE_URL");
		return new SecondNode(pb.start(), port, log);
	}

	private void awaitHealthy() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.currentTimeMillis() + 90_000;
		while (System.currentTimeMillis() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the node stopped; see " + log.toAbsolutePath() + "\n" + Files.readString(log));
			}
			try {
				var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the node did not start in 90 s; see " + log.toAbsolutePath() + "\n" + Files.readString(log));
	}

	public Process process() {
		return process;
	}

	public Path log() {
		return log;
	}

	public int port() {
		return port;
	}

	/** Kills the process with SIGKILL: no graceful stop. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** A graceful stop (SIGTERM: Spring's shutdown, then the embedded database's), killed after 60 s. */
	public void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}
}
