package fr.maillage.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Annuaire Santé FHIR API: serves recorded searchset bundles
 * ({@code src/test/resources/annuaire/<set>/page-N.json}, shaped after the ANS IG fhir-annuaire
 * profiles) under {@code /fhir/<set>}, the first page for {@code PractitionerRole?…}, the next ones
 * for {@code ?_getpages=…&_pageId=N} as the real API links them. It wants the key
 * {@code test-annuaire-key} in {@code ESANTE-API-KEY} (401 otherwise) and answers a first request
 * for page 3 with 429 and {@code Retry-After: 1}, as the gateway does past 17 calls a second, and the
 * request that follows it with the page: every run meets the 429 once, whatever ran before. It
 * records what it was asked, as "set page status".
 */
public final class AnnuaireStub {

	public static final int PORT = 3929;
	public static final String KEY = "test-annuaire-key";
	private static final Pattern PAGE = Pattern.compile("_pageId=(\\d+)");
	private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
	/** Per set: the last request was page 3 refused with 429 (the next one for page 3 gets it). */
	private static final Map<String, Boolean> REFUSED_LAST = new ConcurrentHashMap<>();
	private static final HttpServer SERVER = start();

	private AnnuaireStub() {
	}

	/** The API's base address for a set of recorded pages ("a": all identified; "b": one professional without identifier). */
	public static String base(String set) {
		return "http://127.0.0.1:" + PORT + "/fhir/" + set;
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
			server.createContext("/fhir/", AnnuaireStub::handle);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = String.valueOf(exchange.getRequestURI().getRawQuery());
		String set = path.replaceFirst("^/fhir/([^/]+).*$", "$1");
		int page = 1;
		Matcher m = PAGE.matcher(query);
		if (m.find()) {
			page = Integer.parseInt(m.group(1));
		}
		else if (!path.endsWith("/PractitionerRole")) {
			page = 0;
		}
		int status;
		byte[] body = new byte[0];
		InputStream recorded = page == 0 ? null : AnnuaireStub.class.getResourceAsStream("/annuaire/" + set + "/page-" + page + ".json");
		if (!KEY.equals(exchange.getRequestHeaders().getFirst("ESANTE-API-KEY"))) {
			status = 401;
		}
		else if (recorded == null) {
			status = 404;
		}
		else if (page == 3 && !REFUSED_LAST.getOrDefault(set, false)) {
			status = 429;
			exchange.getResponseHeaders().add("Retry-After", "1");
		}
		else {
			status = 200;
			body = new String(recorded.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", base(set)).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/fhir+json;charset=UTF-8");
		}
		if (recorded != null) {
			recorded.close();
		}
		REFUSED_LAST.put(set, status == 429);
		REQUESTS.add(set + " " + page + " " + status);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	/** What was asked so far, in order ("b 3 429"). */
	public static List<String> requests() {
		return List.copyOf(REQUESTS);
	}

	/** Imported by the test context so the stub runs before the application calls it. */
	@org.springframework.boot.test.context.TestConfiguration
	public static class Started {
		@org.springframework.context.annotation.Bean
		HttpServer annuaireStub() {
			return SERVER;
		}
	}
}
