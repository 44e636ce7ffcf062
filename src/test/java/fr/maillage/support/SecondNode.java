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

	private SecondNode(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts a node named {@code nodeName} and waits until it answers its health check (90 s at most). */
	public static SecondNode start(DataSource dataSource, String nodeName, String logName, String... extraArgs) throws Exception {
		String url;
		try (var c = dataSource.getConnection()) {
			url = c.getMetaData().getURL();
		}
		int port;
		try (var s = new java.net.ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(logName + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				MaillageApplication.class.getName(), "--server.port=" + port, "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + Mail.SMTP_PORT, "--maillage.node-name=" + nodeName, "--db-scheduler.enabled=false",
				"--logging.level.root=WARN"));
		command.addAll(List.of(extraArgs));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().remove("MAILLAGE_DEMO");
		Process p = pb.start();
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.currentTimeMillis() + 90_000;
		while (System.currentTimeMillis() < deadline) {
			if (!p.isAlive()) {
				throw new IllegalStateException("the second node stopped; see " + log.toAbsolutePath() + "\n" + Files.readString(log));
			}
			try {
				var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return new SecondNode(p, port);
				}
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		p.destroyForcibly();
		throw new IllegalStateException("the second node did not start in 90 s; see " + log.toAbsolutePath());
	}

	public int port() {
		return port;
	}

	/** Kills the process with SIGKILL: no graceful stop. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}
}
