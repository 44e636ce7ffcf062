package fr.maillage.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest, at 7:00 Paris time: for each user who chose "digest" for some kinds, one e-mail
 * listing their unread notifications of those kinds not yet digested, through the outbox.
 */
@Service
public class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final MssanteRouting routing;
	private final Messages messages;
	private final Mail mail;

	Digests(JdbcClient jdbc, Outbox outbox, MssanteRouting routing, Messages messages, Mail mail) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.routing = routing;
		this.messages = messages;
		this.mail = mail;
	}

	/** Writes the digests due now; answers how many e-mails were enqueued. */
	@Transactional
	public int run() {
		record Item(UUID id, UUID user, String title, String body, boolean aboutPatient) {
		}
		List<Item> items = jdbc.sql("""
				select n.id, n.user_id, n.title, n.body, n.about_patient from notification n
				join notification_preference p on p.user_id = n.user_id and p.kind = n.kind and p.mode = 'DIGEST'
				where n.read_at is null and n.digested_at is null and not n.urgent
				order by n.user_id, n.created_at for update of n skip locked""")
			.query((rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.list();
		Map<UUID, List<Item>> byUser = new LinkedHashMap<>();
		items.forEach(i -> byUser.computeIfAbsent(i.user(), k -> new ArrayList<>()).add(i));
		List<Outbox.Message> out = new ArrayList<>();
		Locale fr = Locale.FRENCH;
		Map<UUID, MssanteRouting.Route> routes = routing.of(byUser.keySet());
		byUser.forEach((user, list) -> java.util.Optional.ofNullable(routes.get(user)).ifPresent(route -> {
			StringBuilder lines = new StringBuilder();
			// what is about a patient is copied only into a digest that leaves through MSSanté
			list.forEach(i -> lines.append("• ").append(i.aboutPatient() && !route.secure() ? messages.get(fr, "notifications.digest.patientLine")
					: i.title() + " – " + i.body()).append("\n"));
			out.add(Outbox.Message.email(null, route.address(), messages.get(fr, "notifications.digest.subject", list.size()),
					messages.get(fr, "notifications.digest.body", lines.toString(), mail.url("/notifications"), mail.url("/notifications/preferences"))));
		}));
		outbox.enqueue(out);
		if (!items.isEmpty()) {
			jdbc.sql("update notification set digested_at = now() where id = any(:ids)").param("ids", items.stream().map(Item::id).toArray(UUID[]::new))
				.update();
		}
		if (!out.isEmpty()) {
			log.info("Résumé quotidien : {} e-mail(s) pour {} notification(s)", out.size(), items.size());
		}
		return out.size();
	}

	@Configuration
	static class Schedule {
		@Bean
		RecurringTask<Void> notificationDigestTask(Digests digests) {
			return Tasks.recurring("notification-digest", Schedules.daily(ZoneId.of("Europe/Paris"), LocalTime.of(7, 0)))
				.execute((instance, context) -> digests.run());
		}
	}
}
