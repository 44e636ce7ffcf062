// A minimal SMTP sink for benchmarks: accepts every message on 127.0.0.1:PORT, counts them, and
// when COUNT messages have arrived prints the time from the first to the last and the rate.
// Single-file Java program:  java bench/SmtpSink.java PORT COUNT
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class SmtpSink {

	static final AtomicInteger received = new AtomicInteger();
	static final AtomicLong first = new AtomicLong();
	static final ConcurrentHashMap<String, Integer> messageIds = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int expected = Integer.parseInt(args[1]);
		try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress()); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			System.out.println("SMTP sink listening on 127.0.0.1:" + port);
			while (true) {
				Socket s = server.accept();
				pool.submit(() -> session(s, expected));
			}
		}
	}

	static void session(Socket s, int expected) {
		try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)); OutputStream out = s.getOutputStream()) {
			reply(out, "220 sink");
			String line;
			while ((line = in.readLine()) != null) {
				String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (cmd) {
					case "EHLO", "HELO" -> reply(out, "250 sink");
					case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
					case "DATA" -> {
						reply(out, "354 go");
						String id = null;
						while ((line = in.readLine()) != null && !line.equals(".")) {
							if (id == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								id = line.substring(11).strip();
							}
						}
						int n = received.incrementAndGet();
						long now = System.nanoTime();
						first.compareAndSet(0, now);
						if (id != null) {
							messageIds.merge(id, 1, Integer::sum);
						}
						reply(out, "250 queued");
						if (n == expected) {
							double seconds = (now - first.get()) / 1e9;
							long duplicates = messageIds.values().stream().filter(c -> c > 1).count();
							System.out.printf("%d messages, first to last %.1f s, %.0f messages/s, %d Message-ID(s) seen twice%n", n, seconds,
									(n - 1) / seconds, duplicates);
						}
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 OK");
				}
			}
		}
		catch (Exception ex) {
			// client went away
		}
	}

	static void reply(OutputStream out, String text) throws java.io.IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}
}
