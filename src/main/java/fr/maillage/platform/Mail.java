package fr.maillage.platform;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text e-mail over SMTP, and absolute links into the application for them. Without SMTP
 * configured ({@code spring.mail.host}) nothing is sent and {@link #send} answers false, so the
 * caller can show the link to whoever acted instead. (The notifications module will route user
 * notifications through a durable outbox; this is for one-time links sent while the user waits.)
 */
@Component
public class Mail {

	private static final Logger log = LoggerFactory.getLogger(Mail.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final MssanteTransport mssante;
	private final String from;
	private final String baseUrl;

	Mail(ObjectProvider<JavaMailSender> sender, MssanteTransport mssante, @Value("${maillage.mail.from}") String from,
			@Value("${maillage.base-url}") String baseUrl) {
		this.sender = sender;
		this.mssante = mssante;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** The absolute address of a path of the application, for links in e-mails. */
	public String url(String path) {
		return baseUrl + path;
	}

	public boolean configured() {
		return sender.getIfAvailable() != null;
	}

	/** Sends a plain-text message; false when no SMTP server is configured or the send failed (logged). */
	public boolean send(String to, String subject, String body) {
		return send(sender.getIfAvailable(), from, to, subject, body);
	}

	/**
	 * The same to an MSSanté address (the caller knows it is one): through the MSSanté operator when
	 * it is configured (an MSSanté mailbox takes nothing from outside its trust space), else as any.
	 */
	public boolean sendToMssante(String to, String subject, String body) {
		return mssante.configured() ? send(mssante.sender(), mssante.from(), to, subject, body) : send(to, subject, body);
	}

	private boolean send(@org.jspecify.annotations.Nullable JavaMailSender mail, String from, String to, String subject, String body) {
		if (mail == null) {
			log.warn("Aucun serveur SMTP configuré (spring.mail.host) : e-mail « {} » à {} non envoyé", subject, to);
			return false;
		}
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
			mail.send(message);
			return true;
		}
		catch (Exception ex) {
			log.error("Envoi de l'e-mail « {} » à {} impossible", subject, to, ex);
			return false;
		}
	}
}
