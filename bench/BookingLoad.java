// Booking throughput: N virtual users, closed loop, each booking distinct slots (ids from a file, one per line)
// through POST /api/v1/slots/{id}/booking. Single-file Java program, no dependency.
//   java bench/BookingLoad.java BASE TOKEN SLOT_IDS_FILE USERS [ACKNOWLEDGED_FILE]
// With ACKNOWLEDGED_FILE, the id of each slot whose booking was acknowledged (201) is appended there
// as soon as the answer arrives (bench/crash.sh kills the application under this load).
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class BookingLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		List<String> ids = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
		int users = Integer.parseInt(args[3]);
		java.io.PrintWriter acknowledged = args.length > 4
				? new java.io.PrintWriter(Files.newBufferedWriter(Path.of(args[4]), java.nio.file.StandardOpenOption.CREATE,
						java.nio.file.StandardOpenOption.APPEND), true) : null;
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		String body = "{\"patientName\":\"Patient Banc\",\"patientBirthDate\":\"1960-01-01\",\"patientPhone\":\"0600000000\","
				+ "\"reason\":\"Charge\",\"consent\":true}";
		AtomicInteger next = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int u = 0; u < users; u++) {
				pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < ids.size()) {
						HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/slots/" + ids.get(i) + "/booking"))
							.header("Authorization", "Bearer " + token).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(body)).build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
							if (resp.statusCode() != 201) {
								errors.incrementAndGet();
							} else {
								if (acknowledged != null) {
									synchronized (acknowledged) {
										acknowledged.println(ids.get(i));
									}
								}
								micros.add((System.nanoTime() - t0) / 1000);
							}
						} catch (Exception e) {
							errors.incrementAndGet();
						}
					}
					return null;
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Long> all = new ArrayList<>(micros);
		Collections.sort(all);
		if (all.isEmpty()) {
			System.out.printf("0 bookings, %d errors%n", errors.get());
			return;
		}
		System.out.printf("%d bookings on distinct slots by %d users, closed loop: %.1f s, %.0f bookings/s, %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
				all.size(), users, seconds, all.size() / seconds, errors.get(), all.get(all.size() / 2) / 1000.0,
				all.get((int) (all.size() * 0.95)) / 1000.0, all.get((int) (all.size() * 0.99)) / 1000.0);
	}
}
