package fr.maillage.accounts;

import fr.maillage.platform.Messages;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends invitation and password-reset links by e-mail over SMTP. Without SMTP configured
 * ({@code spring.mail.host}), nothing is sent and the caller shows the link to the administrator.
 */
@Component
public class AccountMailer {

	private static final Logger log = LoggerFactory.getLogger(AccountMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final Messages messages;
	private final String from;
	private final String baseUrl;

	AccountMailer(ObjectProvider<JavaMailSender> sender, Messages messages, @Value("${maillage.mail.from}") String from,
			@Value("${maillage.base-url}") String baseUrl) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	public String url(String path) {
		return baseUrl + path;
	}

	public boolean configured() {
		return sender.getIfAvailable() != null;
	}

	/** Sends the invitation; false when no SMTP server is configured or the send failed. */
	public boolean sendInvitation(String to, String cptsName, String roleLabel, String secret) {
		String link = url("/invitation/" + secret);
		return send(to, messages.get("mail.invitation.subject", cptsName),
				messages.get("mail.invitation.body", cptsName, roleLabel, link, Math.toIntExact(7)));
	}

	public boolean sendPasswordReset(String to, String secret) {
		String link = url("/mot-de-passe/" + secret);
		return send(to, messages.get("mail.reset.subject"), messages.get("mail.reset.body", link));
	}

	private boolean send(String to, String subject, String body) {
		JavaMailSender mail = sender.getIfAvailable();
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
