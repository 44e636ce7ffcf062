package fr.maillage.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP SMS gateway for tests (the application's {@code maillage.sms.url} points here):
 * records what it receives, and answers 500 for numbers ending in 99 to exercise retries.
 */
public final class SmsStub {

	public static final int PORT = 3926;
	private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
	private static final HttpServer SERVER = start();

	private SmsStub() {
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
			server.createContext("/sms", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
				boolean refuse = body.matches("(?s).*\\\"to\\\"\\s*:\\s*\\\"[^\\\"]*99\\\".*") || !auth.equals("Bearer test-sms-key");
				if (!refuse) {
					RECEIVED.add(body);
				}
				exchange.sendResponseHeaders(refuse ? 500 : 202, -1);
				exchange.close();
			});
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Imported by the test context so the stub runs before the application sends anything. */
	@org.springframework.boot.test.context.TestConfiguration
	public static class Started {
		@org.springframework.context.annotation.Bean
		HttpServer smsStub() {
			return SERVER;
		}
	}

	/** The JSON bodies received for a number, waiting up to ten seconds for at least one. */
	public static List<String> to(String international) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			List<String> found = RECEIVED.stream().filter(b -> b.contains("\"" + international + "\"")).toList();
			if (!found.isEmpty() || System.currentTimeMillis() > deadline) {
				return found;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}
}
