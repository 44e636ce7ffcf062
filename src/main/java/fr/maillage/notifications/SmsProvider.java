package fr.maillage.notifications;

/**
 * Sends a text message to a phone. The application ships an HTTP gateway
 * ({@code maillage.sms.url}, {@code maillage.sms.key}; off when no URL is set); an installation
 * may supply another bean.
 */
public interface SmsProvider {

	boolean enabled();

	/** Sends or throws: the outbox retries what throws. */
	void send(String phone, String text) throws Exception;
}
