package fr.maillage.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once everything is started, where Maillage answers: the line a person waits for after "./maillage run". */
@Component
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger("fr.maillage");

	private final String baseUrl;

	ReadyLog(@Value("${maillage.base-url}") String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			String local = "http://localhost:" + web.getWebServer().getPort();
			log.info("Maillage est prêt sur {}{}", local, baseUrl.equals(local) || baseUrl.contains(":0") ? "" : " (adresse publique : " + baseUrl + ")");
		}
	}
}
