// Live display benchmark (issue 4): N users hold the live stream (GET /api/v1/live, SSE) of node B;
// senders post into their direct conversations on node A at RATE messages a second for SECONDS;
// the latency is from just before the post to the moment the receiver's stream on node B gets the
// "conversation-<id>" event. Single-file Java program, no dependency:
//   java bench/LiveLoad.java BASE_A BASE_B RECEIVERS SENDERS RATE SECONDS
// Tokens are "live-r<i>" (receivers, 1..RECEIVERS) and "live-s<j>" (senders), their accounts
// r<i>@live.bench / s<j>@live.bench members of one CPTS (bench/live.sh inserts them).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class LiveLoad {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

	public static void main(String[] args) throws Exception {
		String a = args[0], b = args[1];
		int receivers = Integer.parseInt(args[2]), senders = Integer.parseInt(args[3]);
		double rate = Double.parseDouble(args[4]);
		int seconds = Integer.parseInt(args[5]);
		int pairs = Math.min(receivers, 200);

		// one direct conversation per pair (sender j % senders, receiver k), created on node A
		String[] conversation = new String[pairs];
		for (int k = 0; k < pairs; k++) {
			String body = "{\"email\":\"r" + (k + 1) + "@live.bench\"}";
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(a + "/api/v1/conversations")).header("Authorization", "Bearer live-s" + (k % senders + 1))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 201) {
				throw new IllegalStateException("conversation: HTTP " + r.statusCode() + " " + r.body());
			}
			conversation[k] = r.body().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
		}
		Map<String, Integer> pairOf = new ConcurrentHashMap<>();
		for (int k = 0; k < pairs; k++) {
			pairOf.put(conversation[k], k);
		}

		// every receiver holds its live stream on node B
		Map<Integer, ConcurrentLinkedQueue<Long>> sent = new ConcurrentHashMap<>();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch open = new CountDownLatch(receivers);
		AtomicInteger events = new AtomicInteger();
		List<java.util.concurrent.CompletableFuture<?>> streams = new ArrayList<>();
		for (int i = 1; i <= receivers; i++) {
			streams.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(b + "/api/v1/live")).header("Authorization", "Bearer live-r" + i)
				.header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
					boolean first = true;

					public void onSubscribe(Flow.Subscription s) {
						s.request(Long.MAX_VALUE);
					}

					public void onNext(String line) {
						long now = System.nanoTime();
						if (first) {
							first = false;
							open.countDown();
						}
						if (line.startsWith("event:conversation-")) {
							Integer k = pairOf.get(line.substring("event:conversation-".length()));
							ConcurrentLinkedQueue<Long> q = k == null ? null : sent.get(k);
							Long t0 = q == null ? null : q.poll();
							if (t0 != null) {
								latencies.add((now - t0) / 1000);
								events.incrementAndGet();
							}
						}
					}

					public void onError(Throwable t) {
					}

					public void onComplete() {
					}
				})));
		}
		if (!open.await(120, TimeUnit.SECONDS)) {
			throw new IllegalStateException("only " + (receivers - open.getCount()) + " streams opened");
		}
		System.out.printf("%d live streams open on %s%n", receivers, b);

		// senders post at the given rate on node A
		List<Long> postMicros = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		long periodNanos = (long) (1e9 / rate);
		long start = System.nanoTime();
		int total = (int) (rate * seconds);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int n = 0; n < total; n++) {
				long due = start + n * periodNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				int k = n % pairs;
				pool.submit(() -> {
					HttpRequest post = HttpRequest.newBuilder(URI.create(a + "/api/v1/conversations/" + conversation[k] + "/messages"))
						.header("Authorization", "Bearer live-s" + (k % senders + 1)).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Message de charge\"}")).build();
					long t0 = System.nanoTime();
					sent.computeIfAbsent(k, x -> new ConcurrentLinkedQueue<>()).add(t0);
					try {
						HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
						postMicros.add((System.nanoTime() - t0) / 1000);
						if (r.statusCode() != 201) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					return null;
				});
			}
		}
		Thread.sleep(3000); // the last events
		System.out.printf("%d posts on node A in %d s (%.1f/s), %d errors; POST %s%n", total, seconds, total / (double) seconds, errors.get(), stats(postMicros));
		System.out.printf("post -> live event on node B: %d of %d received; %s%n", events.get(), total, stats(latencies));
		streams.forEach(s -> s.cancel(true));
		System.exit(0);
	}

	static String stats(List<Long> micros) {
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "no sample";
		}
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
				sorted.getLast() / 1000.0);
	}

	static double at(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
	}
}
