package fr.maillage.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** One GreenMail SMTP server per test JVM: the real SMTP path, received in memory. */
public final class Mail {

	public static final int SMTP_PORT = 3925;
	private static final GreenMail SERVER = start();

	private Mail() {
	}

	private static GreenMail start() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	/** Imported by the test context so the SMTP server runs before the application sends anything. */
	@org.springframework.boot.test.context.TestConfiguration
	public static class Started {
		@org.springframework.context.annotation.Bean
		GreenMail greenMail() {
			return SERVER;
		}
	}

	public static GreenMail server() {
		return SERVER;
	}

	/** Messages received for an address, waiting up to five seconds for at least one. */
	public static List<MimeMessage> to(String address) {
		long deadline = System.currentTimeMillis() + 5000;
		while (true) {
			List<MimeMessage> found = Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			}).toList();
			if (!found.isEmpty() || System.currentTimeMillis() > deadline) {
				return found;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}

	/** The latest message to an address whose subject contains {@code subjectPart}, waiting up to ten seconds for it (deliveries are asynchronous). */
	public static MimeMessage awaitSubject(String address, String subjectPart) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			List<MimeMessage> found = Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))
							&& m.getSubject() != null && m.getSubject().contains(subjectPart);
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			}).toList();
			if (!found.isEmpty()) {
				return found.getLast();
			}
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("no e-mail to " + address + " with « " + subjectPart + " » in its subject within 10 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** The text of a message (its plain-text part when it has attachments). */
	public static String text(MimeMessage message) {
		try {
			return text(message.getContent());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object content) throws Exception {
		if (content instanceof jakarta.mail.Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				jakarta.mail.BodyPart part = parts.getBodyPart(i);
				if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
					return text(part.getContent());
				}
			}
		}
		return String.valueOf(content);
	}
}
