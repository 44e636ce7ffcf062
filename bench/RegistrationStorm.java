// Registration storm on a popular public event (issue 19): CLIENTS clients (each its own address through
// the trusted proxy's X-Forwarded-For), TOTAL registrations to one event through the public
// POST /api/v1/events/{id}/registrations. Paced: the TOTAL spread evenly over SECONDS (each client waits
// between its requests); SECONDS = 0: closed loop, no wait (saturation). Single-file Java program.
//   java bench/RegistrationStorm.java BASE EVENT_ID CLIENTS TOTAL SECONDS TAG
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public class RegistrationStorm {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String event = args[1];
		int clients = Integer.parseInt(args[2]);
		int total = Integer.parseInt(args[3]);
		double seconds = Double.parseDouble(args[4]);
		String tag = args[5];
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		AtomicInteger next = new AtomicInteger();
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		ConcurrentHashMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		int perClient = (total + clients - 1) / clients;
		long gapNanos = seconds <= 0 ? 0 : (long) (seconds * 1e9 / perClient);
		long start = System.nanoTime();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				pool.submit(() -> {
					// the clients start spread over the first gap, as people arriving
					long t = start + (gapNanos == 0 ? 0 : gapNanos * client / clients);
					int i;
					while ((i = next.getAndIncrement()) < total) {
						long wait = t - System.nanoTime();
						if (wait > 0) {
							try {
								Thread.sleep(Duration.ofNanos(wait));
							}
							catch (InterruptedException ex) {
								return;
							}
						}
						String body = "{\"name\":\"Personne " + i + "\",\"email\":\"p" + i + "." + tag + "@banc.test\",\"consent\":true}";
						HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + event + "/registrations"))
							.header("Content-Type", "application/json").header("X-Forwarded-For", "10." + (client / 250) + "." + (client % 250) + ".1")
							.timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
							micros.add((System.nanoTime() - t0) / 1000);
							statuses.computeIfAbsent(resp.statusCode(), k -> new AtomicInteger()).incrementAndGet();
							String b = resp.body();
							outcomes.computeIfAbsent(b.contains("\"REGISTERED\"") ? "REGISTERED" : b.contains("\"WAITING\"") ? "WAITING" : "other",
									k -> new AtomicInteger()).incrementAndGet();
						}
						catch (Exception ex) {
							statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
						}
						t += gapNanos;
					}
				});
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		System.out.printf("%d registrations from %d clients in %.1f s (%.0f req/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; HTTP %s; %s%n",
				sorted.size(), clients, elapsed, sorted.size() / elapsed, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
				sorted.isEmpty() ? 0 : sorted.getLast() / 1000.0, statuses, outcomes);
	}

	static double at(List<Long> sorted, double q) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
	}
}
