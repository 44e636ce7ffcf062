package fr.maillage.audit.internal;

import fr.maillage.audit.AuditChain;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Seals the audit log every few seconds on every node (one sealer at a time in the database: the others skip). */
@Component
class AuditSealer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private final AuditChain chain;
	private final Duration interval;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("audit-sealer").factory());

	AuditSealer(AuditChain chain, @Value("${maillage.audit.seal-interval:5s}") Duration interval) {
		this.chain = chain;
		this.interval = interval;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		executor.scheduleWithFixedDelay(this::sealOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void sealOnce() {
		try {
			chain.sealPending();
		}
		catch (RuntimeException ex) {
			log.warn("Scellement du journal d'audit reporté", ex);
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
