package fr.maillage.accounts;

import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import org.springframework.stereotype.Component;

/**
 * Sends invitation, password-reset and unlock links by e-mail. Without SMTP configured, nothing is sent
 * and the caller shows the link to the administrator.
 */
@Component
public class AccountMailer {

	private final Mail mail;
	private final Messages messages;

	AccountMailer(Mail mail, Messages messages) {
		this.mail = mail;
		this.messages = messages;
	}

	public String url(String path) {
		return mail.url(path);
	}

	public boolean configured() {
		return mail.configured();
	}

	/** Sends the invitation; false when no SMTP server is configured or the send failed. */
	public boolean sendInvitation(String to, String cptsName, String roleLabel, String secret) {
		String link = url("/invitation/" + secret);
		return mail.send(to, messages.get("mail.invitation.subject", cptsName),
				messages.get("mail.invitation.body", cptsName, roleLabel, link, Math.toIntExact(7)));
	}

	public boolean sendUnlock(String to, String secret) {
		String link = url("/connexion/deblocage/" + secret);
		return mail.send(to, messages.get("mail.unlock.subject"), messages.get("mail.unlock.body", link));
	}

	public boolean sendPasswordReset(String to, String secret) {
		String link = url("/mot-de-passe/" + secret);
		return mail.send(to, messages.get("mail.reset.subject"), messages.get("mail.reset.body", link));
	}
}
