package fr.maillage.platform;

import java.io.InputStream;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The MSSanté operator's SMTP server, when {@code maillage.mssante.host} is set: STARTTLS required
 * (never plain text), the server's certificate checked against the trust store and its name, and
 * the structure's client certificate (PKCS#12, the IGC-Santé "serveur applicatif" certificate
 * the operator delivered) presented during the handshake. A wrong key store stops the start with
 * a message that says which, rather than failing on the first patient's message.
 */
@Component
public class MssanteTransport {

	private static final Logger log = LoggerFactory.getLogger(MssanteTransport.class);

	private final @Nullable JavaMailSender sender;
	private final String from;

	MssanteTransport(ResourceLoader resources, @Value("${maillage.mssante.host:}") String host, @Value("${maillage.mssante.port:587}") int port,
			@Value("${maillage.mssante.from:}") String from, @Value("${maillage.mssante.username:}") String username,
			@Value("${maillage.mssante.password:}") String password, @Value("${maillage.mssante.keystore:}") String keystore,
			@Value("${maillage.mssante.keystore-password:}") String keystorePassword, @Value("${maillage.mssante.truststore:}") String truststore,
			@Value("${maillage.mssante.truststore-password:}") String truststorePassword) {
		this.from = from;
		if (host.isBlank()) {
			this.sender = null;
			return;
		}
		if (from.isBlank()) {
			throw new IllegalStateException("MSSanté : MAILLAGE_MSSANTE_FROM (l'adresse MSSanté de la structure qui envoie) est obligatoire");
		}
		if (keystore.isBlank()) {
			throw new IllegalStateException("MSSanté : MAILLAGE_MSSANTE_KEYSTORE (le certificat client de la structure, PKCS#12) est obligatoire");
		}
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost(host);
		mail.setPort(port);
		mail.setDefaultEncoding("UTF-8");
		if (!username.isBlank()) {
			mail.setUsername(username);
			mail.setPassword(password);
		}
		Properties props = new Properties();
		props.put("mail.transport.protocol", "smtp");
		props.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		props.put("mail.smtp.starttls.enable", "true");
		props.put("mail.smtp.starttls.required", "true");
		props.put("mail.smtp.ssl.checkserveridentity", "true");
		props.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
		props.put("mail.smtp.ssl.socketFactory", context(resources, keystore, keystorePassword, truststore, truststorePassword).getSocketFactory());
		props.put("mail.smtp.connectiontimeout", "10000");
		props.put("mail.smtp.timeout", "30000");
		props.put("mail.smtp.writetimeout", "30000");
		mail.setJavaMailProperties(props);
		this.sender = mail;
		log.info("MSSanté : envoi par {}:{} (STARTTLS, certificat client) depuis {}", host, port, from);
	}

	private static SSLContext context(ResourceLoader resources, String keystore, String keystorePassword, String truststore,
			String truststorePassword) {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(resources, keystore, keystorePassword, "MAILLAGE_MSSANTE_KEYSTORE"), keystorePassword.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(truststore.isBlank() ? null : load(resources, truststore, truststorePassword, "MAILLAGE_MSSANTE_TRUSTSTORE"));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("MSSanté : certificats inutilisables (" + ex.getMessage() + ")", ex);
		}
	}

	private static KeyStore load(ResourceLoader resources, String location, String password, String variable) {
		Resource resource = resources.getResource(location.contains(":") ? location : "file:" + location);
		try (InputStream in = resource.getInputStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password.toCharArray());
			return store;
		}
		catch (Exception ex) {
			throw new IllegalStateException("MSSanté : " + variable + " (" + location + ") illisible : " + ex.getMessage()
					+ " (un fichier PKCS#12 et son mot de passe sont attendus)", ex);
		}
	}

	public boolean configured() {
		return sender != null;
	}

	/** The sender, when configured. */
	public @Nullable JavaMailSender sender() {
		return sender;
	}

	/** The structure's MSSanté address, the sender of every message that leaves this way. */
	public String from() {
		return from;
	}
}
