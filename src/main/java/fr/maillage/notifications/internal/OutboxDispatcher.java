package fr.maillage.notifications.internal;

import fr.maillage.platform.MssanteTransport;

import fr.maillage.notifications.SmsProvider;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: {@code maillage.notifications.workers} virtual threads per node claim due
 * messages (ten at a time, a lease of two minutes), send each, and mark each sent at once. A node
 * is named {@code maillage.node-name} (host name and port by default): at start it takes back what
 * it had claimed before a crash, and other nodes take over an expired lease.
 */
@Component
public class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
	private static final Duration LEASE = Duration.ofMinutes(2);

	private final Outbox outbox;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final MssanteTransport mssante;
	private final SmsProvider sms;
	private final String from;
	private final int workers;
	private final String node;
	private final boolean autoStart;
	private final List<Thread> threads = new ArrayList<>();
	private volatile boolean running;

	OutboxDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> mailSender, MssanteTransport mssante, SmsProvider sms, @Value("${maillage.mail.from}") String from,
			@Value("${maillage.notifications.workers:4}") int workers, @Value("${maillage.node-name:}") String nodeName,
			@Value("${server.port:8080}") String port, @Value("${maillage.notifications.dispatch:true}") boolean autoStart) {
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.mssante = mssante;
		this.sms = sms;
		this.from = from;
		this.workers = Math.max(1, workers);
		this.node = nodeName.isBlank() ? host() + ":" + port : nodeName;
		this.autoStart = autoStart;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "maillage";
		}
	}

	public String node() {
		return node;
	}

	private void work() {
		while (running) {
			try {
				List<Outbox.Claimed> batch = outbox.claim(10, node, LEASE, channels());
				if (batch.isEmpty()) {
					outbox.awaitWork(Duration.ofSeconds(1));
					continue;
				}
				for (Outbox.Claimed c : batch) {
					if (!running) {
						return;
					}
					deliver(c);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				if (running) {
					log.warn("Envoi des messages en attente interrompu, reprise dans 1 s", ex);
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException ie) {
						return;
					}
				}
			}
		}
	}

	/**
	 * What this node can send: without an SMTP server (or without MSSanté), those e-mails stay
	 * queued (said once, at start), rather than failing again and again; they leave once a server
	 * is configured.
	 */
	java.util.Set<Outbox.Channel> channels() {
		java.util.Set<Outbox.Channel> out = java.util.EnumSet.of(Outbox.Channel.SMS);
		if (mailSender.getIfAvailable() != null) {
			out.add(Outbox.Channel.EMAIL);
		}
		if (mssante.configured()) {
			out.add(Outbox.Channel.MSSANTE);
		}
		return out;
	}

	void deliver(Outbox.Claimed c) {
		try {
			switch (c.channel()) {
				case EMAIL -> email(c, mailSender.getIfAvailable(), from);
				case MSSANTE -> email(c, mssante.sender(), mssante.from());
				case SMS -> sms.send(c.recipient(), c.body());
			}
			outbox.markSent(c.id());
		}
		catch (Exception ex) {
			log.warn("Envoi {} à {} impossible (essai {}) : {}", c.channel(), c.recipient(), c.attempts(), ex.getMessage());
			outbox.markFailed(c, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private void email(Outbox.Claimed c, @org.jspecify.annotations.Nullable JavaMailSender sender, String from) throws Exception {
		if (sender == null) {
			throw new IllegalStateException("aucun serveur SMTP configuré pour " + c.channel());
		}
		MimeMessage message = sender.createMimeMessage();
		List<Outbox.Attachment> files = outbox.attachmentsOf(c.id());
		MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
		helper.setFrom(from);
		helper.setTo(c.recipient());
		helper.setSubject(c.subject() == null ? "" : c.subject());
		helper.setText(c.body(), false);
		for (Outbox.Attachment f : files) {
			helper.addAttachment(f.name(), new org.springframework.core.io.ByteArrayResource(f.content()), f.contentType());
		}
		// the same Message-ID on every attempt: a copy sent again after a crash is recognisable
		message.setHeader("Message-ID", c.messageId());
		sender.send(message);
	}

	@Override
	public void start() {
		if (!autoStart) {
			return;
		}
		int released = outbox.releaseClaimsOf(node);
		if (released > 0) {
			log.info("{} message(s) réclamé(s) avant l'arrêt repris par {}", released, node);
		}
		if (mailSender.getIfAvailable() == null) {
			log.warn("Aucun serveur SMTP configuré (SPRING_MAIL_HOST) : les e-mails restent en attente et partiront dès qu'un serveur sera configuré");
		}
		running = true;
		for (int i = 0; i < workers; i++) {
			threads.add(Thread.ofVirtual().name("outbox-" + i).start(this::work));
		}
	}

	@Override
	public void stop() {
		running = false;
		outbox.wake();
		threads.forEach(Thread::interrupt);
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
