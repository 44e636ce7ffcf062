package fr.maillage.messaging.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.messaging.Conversations;
import fr.maillage.notifications.Announcements;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MAILLAGE_DEMO=true: a few fictional conversations between the demo coordinator and member (one
 * urgent request for advice) and an announcement with acknowledgement, so the messaging and the
 * dashboard have something to show. Written once.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoMessaging {

	private static final Logger log = LoggerFactory.getLogger(DemoMessaging.class);

	private final Accounts accounts;
	private final Conversations conversations;
	private final Announcements announcements;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final fr.maillage.accounts.CptsAccess access;

	DemoMessaging(Accounts accounts, Conversations conversations, Announcements announcements, JdbcClient jdbc, TransactionTemplate tx,
			fr.maillage.accounts.CptsAccess access) {
		this.access = access;
		this.accounts = accounts;
		this.conversations = conversations;
		this.announcements = announcements;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var member = accounts.userIdByEmail("membre@demo.maillage.fr");
		if (coordinator.isEmpty() || member.isEmpty() || jdbc.sql("select exists (select 1 from conversation where created_by = :u)")
			.param("u", coordinator.get()).query(Boolean.class).single()) {
			return;
		}
		accounts.runAs(coordinator.get(), () -> tx.executeWithoutResult(s -> {
			UUID direct = conversations.startDirect("membre@demo.maillage.fr");
			conversations.post(direct, "Bonjour, la réunion du groupe « parcours santé mentale » est déplacée au jeudi 14 h, à la MSP de Forcalquier (démo).",
					false, List.of());
			UUID group = conversations.startGroup("Groupe de travail soins non programmés (démo)", List.of("membre@demo.maillage.fr"));
			conversations.post(group, "Premier point : recenser les plages de soins non programmés des deux MSP.", false, List.of());
		}));
		accounts.runAs(member.get(), () -> tx.executeWithoutResult(s -> {
			UUID direct = conversations.startDirect("coordination@demo.maillage.fr");
			conversations.post(direct, "Demande d'avis (démo) : patiente suivie au CMP, sortie d'hospitalisation hier sans compte rendu ; qui contacter ?",
					true, List.of());
		}));
		accounts.runAs(coordinator.get(), () -> access.requireUser().roles().keySet().stream().findFirst()
			.ifPresent(demoCpts -> announcements.publish(demoCpts, new Announcements.Draft("Plan canicule : point de situation (démo)",
					"Le plan canicule est déclenché pour le département. Merci de confirmer votre lecture et d'indiquer vos disponibilités pour des visites à domicile ce week-end.",
					"members", null, true, true, false))));
		log.info("Démonstration : conversations et annonce fictives créées");
	}
}
