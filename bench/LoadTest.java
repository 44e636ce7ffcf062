// Maillage load generator: runs on the same machine as the application and its database.
// Single-file Java program (java bench/LoadTest.java …), no dependency.
//
//   preview  BASE TOKEN CPTS_ID LIST_FILE REPEAT                 sequential territory previews of one list
//   users    BASE TOKEN QUERIES_FILE USERS THINK_MS SECONDS PATH  N virtual users, each waiting THINK_MS between requests
//
// TOKEN "-": anonymous requests (public pages and API).
// "users" with THINK_MS=1000 is the "N concurrent users" figure; with THINK_MS=0 it is the
// closed-loop saturation run. Reports the request count, errors, throughput and latency percentiles.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

public class LoadTest {

	/** {@code -Dpages=true}: each virtual user is a browser asking for HTML pages and keeping its session cookie. */
	static final boolean PAGES = Boolean.getBoolean("pages");

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newVirtualThreadPerTaskExecutor()).build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "preview" -> preview(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]));
			case "users" -> users(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]),
					Integer.parseInt(args[6]), args[7]);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static void preview(String base, String token, String cpts, Path list, int repeat) throws Exception {
		String text = Files.readString(list);
		List<Long> micros = new ArrayList<>();
		String last = "";
		for (int i = 0; i < repeat + 5; i++) {
			HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/cpts/" + cpts + "/territory/preview"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(text)).build();
			long t0 = System.nanoTime();
			HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
			long us = (System.nanoTime() - t0) / 1000;
			if (resp.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + resp.statusCode() + " " + resp.body());
			}
			last = resp.body();
			if (i >= 5) { // the first five warm the JIT
				micros.add(us);
			}
		}
		long lines = text.lines().filter(l -> !l.isBlank()).count();
		System.out.printf("preview of %d lines, %d runs after 5 warm-up: %s%n", lines, repeat, stats(micros));
		System.out.printf("  answer: %d bytes; resolved=%d ambiguous=%d unresolved=%d%n", last.length(),
				count(last, "\"resolved\""), count(last, "\"ambiguous\""), count(last, "\"unresolved\""));
	}

	static int count(String json, String key) {
		int i = json.indexOf(key + ":[");
		if (i < 0) {
			return -1;
		}
		int depth = 0, n = 0;
		for (int k = i + key.length() + 1; k < json.length(); k++) {
			char c = json.charAt(k);
			if (c == '[' || c == '{') {
				depth++;
				if (c == '{' && depth == 2) {
					n++;
				}
			}
			else if (c == ']' || c == '}') {
				depth--;
				if (depth == 0) {
					break;
				}
			}
		}
		return n;
	}

	/**
	 * {@code token} is one bearer token, or {@code @file}: one token per line, user u taking line u modulo their number.
	 * {@code base} may name several nodes, comma-separated: the requests alternate between them. The
	 * expected status is 200 unless {@code -Dexpect=404} (denied reads) says otherwise.
	 */
	static void users(String baseList, String token, Path queriesFile, int users, long thinkMs, int seconds, String path) throws Exception {
		String[] bases = baseList.split(",");
		int expect = Integer.getInteger("expect", 200);
		java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
		List<String> queries = Files.readAllLines(queriesFile).stream().filter(s -> !s.isBlank()).toList();
		List<String> tokens = token.startsWith("@") ? Files.readAllLines(Path.of(token.substring(1))).stream().filter(s -> !s.isBlank()).toList()
				: List.of(token);
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		AtomicLong errors = new AtomicLong();
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int u = 0; u < users; u++) {
				String mine = tokens.get(u % tokens.size());
				pool.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					if (thinkMs > 0) {
						sleep(random.nextLong(thinkMs)); // spread the users' first requests
					}
					String cookie = null;
					while (System.nanoTime() < end) {
						String q = queries.get(random.nextInt(queries.size()));
						String base = bases[Math.floorMod(turn.getAndIncrement(), bases.length)];
						HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + URLEncoder.encode(q, StandardCharsets.UTF_8)))
							.header("Accept", PAGES ? "text/html" : "application/json").timeout(Duration.ofSeconds(30));
						// "-": anonymous, as the public pages and API are used
						if (!mine.equals("-")) {
							b.header("Authorization", "Bearer " + mine);
						}
						if (cookie != null) {
							b.header("Cookie", cookie);
						}
						HttpRequest r = b.GET().build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
							long us = (System.nanoTime() - t0) / 1000;
							if (PAGES) { // a browser: keeps its session cookie
								String set = resp.headers().firstValue("set-cookie").orElse(null);
								cookie = set == null ? cookie : set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
							}
							if (resp.statusCode() != expect) {
								errors.incrementAndGet();
							}
							else if (t0 > warmupEnd) {
								micros.add(us);
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						if (thinkMs > 0) {
							sleep(thinkMs);
						}
					}
					return null;
				});
			}
		}
		List<Long> all = new ArrayList<>(micros);
		System.out.printf("%d users, think %d ms, %d s measured (after 5 s warm-up) on %s%s: %d requests, %d errors, %.0f req/s; %s%n",
				users, thinkMs, seconds, path, bases.length > 1 ? " alternating between " + bases.length + " nodes" : "", all.size(),
				errors.get(), all.size() / (double) seconds, stats(all));
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String stats(List<Long> micros) {
		List<Long> s = new ArrayList<>(micros);
		Collections.sort(s);
		if (s.isEmpty()) {
			return "no sample";
		}
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", pct(s, 50), pct(s, 95), pct(s, 99), s.getLast() / 1000.0);
	}

	static double pct(List<Long> sorted, double p) {
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1000.0;
	}
}
