// Availability answers to a crisis alert (issue 20): CLIENTS clients post the answers of the
// professionals whose API tokens are in TOKENS (one per line), closed loop, through
// POST /api/v1/crises/{crisis}/alerts/{alert}/answer; meanwhile the referent's board
// (GET /api/v1/crises/{crisis}/availability) is read every 250 ms. SECONDS > 0 spreads the answers
// evenly over that time (each client waits between its requests); 0: closed loop. Single-file Java.
//   java bench/CrisisStorm.java BASE CRISIS ALERT TOKENS CLIENTS REFERENT_TOKEN [SECONDS]
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

public class CrisisStorm {

	static final String[] ANSWERS = {"NOW", "WITHIN_24H", "UNAVAILABLE"};

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String crisis = args[1];
		String alert = args[2];
		List<String> tokens = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
		int clients = Integer.parseInt(args[4]);
		String referent = args[5];
		double seconds = args.length > 6 ? Double.parseDouble(args[6]) : 0;
		int perClient = (tokens.size() + clients - 1) / clients;
		long gapNanos = seconds <= 0 ? 0 : (long) (seconds * 1e9 / perClient);
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		AtomicInteger next = new AtomicInteger();
		AtomicBoolean done = new AtomicBoolean();
		ConcurrentLinkedQueue<Long> answers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> boards = new ConcurrentLinkedQueue<>();
		ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		ConcurrentHashMap<Integer, AtomicInteger> boardStatuses = new ConcurrentHashMap<>();
		Thread board = Thread.ofVirtual().start(() -> {
			while (!done.get()) {
				HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/crises/" + crisis + "/availability"))
					.header("Authorization", "Bearer " + referent).timeout(Duration.ofSeconds(30)).GET().build();
				long t0 = System.nanoTime();
				try {
					HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
					boards.add((System.nanoTime() - t0) / 1000);
					boardStatuses.computeIfAbsent(resp.statusCode(), k -> new AtomicInteger()).incrementAndGet();
					Thread.sleep(250);
				}
				catch (Exception ex) {
					boardStatuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
				}
			}
		});
		long start = System.nanoTime();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				pool.submit(() -> {
					long t = start + (gapNanos == 0 ? 0 : gapNanos * client / clients);
					int i;
					while ((i = next.getAndIncrement()) < tokens.size()) {
						long wait = t - System.nanoTime();
						if (wait > 0) {
							try {
								Thread.sleep(Duration.ofNanos(wait));
							}
							catch (InterruptedException ex) {
								return;
							}
						}
						t += gapNanos;
						String body = "{\"answer\":\"" + ANSWERS[i % 3] + "\"}";
						HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/crises/" + crisis + "/alerts/" + alert + "/answer"))
							.header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get(i))
							.timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<Void> resp = http.send(r, HttpResponse.BodyHandlers.discarding());
							answers.add((System.nanoTime() - t0) / 1000);
							statuses.computeIfAbsent(resp.statusCode(), k -> new AtomicInteger()).incrementAndGet();
						}
						catch (Exception ex) {
							statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
						}
					}
				});
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		done.set(true);
		board.join();
		List<Long> a = new ArrayList<>(answers);
		Collections.sort(a);
		List<Long> b = new ArrayList<>(boards);
		Collections.sort(b);
		System.out.printf("%d answers from %d clients in %.1f s (%.0f req/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; HTTP %s%n", a.size(), clients, elapsed,
				a.size() / elapsed, at(a, 0.50), at(a, 0.95), at(a, 0.99), statuses);
		System.out.printf("board read %d times during the storm: p50 %.1f ms, p95 %.1f ms, max %.1f ms; HTTP %s%n", b.size(), at(b, 0.50), at(b, 0.95),
				b.isEmpty() ? 0 : b.getLast() / 1000.0, boardStatuses);
	}

	static double at(List<Long> sorted, double q) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
	}
}
