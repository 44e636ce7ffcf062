package fr.maillage.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for an MSSanté operator's SMTP server in tests: it speaks SMTP up to STARTTLS
 * (refusing anything else first), upgrades to TLS with its certificate from a test authority,
 * requires a client certificate signed by that authority, then hands the session over to
 * GreenMail, which receives the message. (GreenMail has no STARTTLS of its own: its issue #135.)
 * It records the subject of every client certificate it accepted and counts the handshakes it
 * refused. Certificates: {@code src/test/resources/mssante/make-certificates.sh}.
 */
public final class MssanteSmtp {

	public static final int PORT = 3928;
	public static final String FROM = "cpts-test@cpts-test.mssante.fr";
	private static final List<String> CLIENTS = new CopyOnWriteArrayList<>();
	private static final AtomicInteger REFUSED = new AtomicInteger();
	private static final ServerSocket SERVER = start();

	private MssanteSmtp() {
	}

	/** The application's properties for this server (the same for a second node). */
	public static List<String> properties() {
		return List.of("maillage.mssante.host=127.0.0.1", "maillage.mssante.port=" + PORT, "maillage.mssante.from=" + FROM,
				"maillage.mssante.keystore=classpath:mssante/client.p12", "maillage.mssante.keystore-password=changeit",
				"maillage.mssante.truststore=classpath:mssante/ca.p12", "maillage.mssante.truststore-password=changeit");
	}

	private static ServerSocket start() {
		try {
			SSLContext tls = context();
			ServerSocket server = new ServerSocket(PORT, 50, InetAddress.getByName("127.0.0.1"));
			Thread.ofVirtual().name("mssante-smtp").start(() -> {
				while (!server.isClosed()) {
					try {
						Socket s = server.accept();
						Thread.ofVirtual().start(() -> session(s, tls));
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ignored) {
					// stopping anyway
				}
			}));
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SSLContext context() throws Exception {
		char[] password = "changeit".toCharArray();
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store("server.p12"), password);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store("ca.p12"));
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
		return context;
	}

	public static KeyStore store(String name) throws Exception {
		try (InputStream in = MssanteSmtp.class.getResourceAsStream("/mssante/" + name)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, "changeit".toCharArray());
			return store;
		}
	}

	private static void session(Socket plain, SSLContext tls) {
		try (plain) {
			InputStream in = plain.getInputStream();
			OutputStream out = plain.getOutputStream();
			write(out, "220 mssante.test ESMTP\r\n");
			while (true) {
				String line = readLine(in);
				if (line == null) {
					return;
				}
				String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" -> write(out, "250-mssante.test\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
					case "HELO" -> write(out, "250 mssante.test\r\n");
					case "QUIT" -> {
						write(out, "221 2.0.0 Bye\r\n");
						return;
					}
					case "STARTTLS" -> {
						write(out, "220 2.0.0 Ready to start TLS\r\n");
						secured(plain, tls);
						return;
					}
					default -> write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void secured(Socket plain, SSLContext tls) throws IOException {
		SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
		secure.setUseClientMode(false);
		secure.setNeedClientAuth(true);
		try {
			secure.startHandshake();
		}
		catch (IOException ex) {
			REFUSED.incrementAndGet();
			return;
		}
		CLIENTS.add(((X509Certificate) secure.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
		try (secure; Socket back = new Socket("127.0.0.1", Mail.SMTP_PORT)) {
			InputStream backIn = back.getInputStream();
			String greeting;
			do {
				greeting = readLine(backIn); // GreenMail's own greeting: the client already had ours
			} while (greeting != null && !greeting.startsWith("220 "));
			Thread up = Thread.ofVirtual().start(() -> pipe(secure, back));
			pipe(back, secure);
			up.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pipe(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			try {
				to.shutdownOutput();
			}
			catch (IOException | UnsupportedOperationException ex) {
				// SSLSocket cannot half-close: closing comes with the try block
			}
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				return line.toString(StandardCharsets.US_ASCII).strip();
			}
			line.write(b);
		}
		return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** The subjects of the client certificates accepted so far, in order. */
	public static List<String> clients() {
		return List.copyOf(CLIENTS);
	}

	/** Handshakes refused so far (no client certificate, or one from an unknown authority). */
	public static int refused() {
		return REFUSED.get();
	}

	/** Imported by the test context so the server runs before the application sends anything. */
	@org.springframework.boot.test.context.TestConfiguration
	public static class Started {
		@org.springframework.context.annotation.Bean
		ServerSocket mssanteSmtp() {
			return SERVER;
		}
	}
}
