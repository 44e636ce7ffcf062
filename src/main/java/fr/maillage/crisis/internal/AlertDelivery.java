package fr.maillage.crisis.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.crisis.Crises;
import fr.maillage.crisis.Crisis;
import fr.maillage.crisis.CrisisAlert;
import fr.maillage.crisis.CrisisEvents;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a crisis alert: recipients are claimed in batches, each batch marked notified in the
 * transaction that writes their notifications (urgent: SMS where possible, e-mail at once), so a
 * crash between batches loses nobody and notifies nobody twice; the event publication registry
 * replays the rest after a restart. Every few minutes, the silent recipients of open alerts past
 * their delay are reminded once.
 */
@Configuration
public class AlertDelivery {

	public static final String KIND = "crisis.alert";
	public static final String KIND_CONVENED = "crisis.convened";

	private final AlertStore alerts;
	private final CrisisStore crises;
	private final Crises service;
	private final Notifications notifications;
	private final Messages messages;
	private final TransactionTemplate tx;
	private final int batch;

	AlertDelivery(AlertStore alerts, CrisisStore crises, Crises service, Notifications notifications, Messages messages, TransactionTemplate tx,
			@Value("${maillage.crisis.alert-batch:1000}") int batch) {
		this.alerts = alerts;
		this.crises = crises;
		this.service = service;
		this.notifications = notifications;
		this.messages = messages;
		// each batch commits on its own, even inside the listener's transaction: a crash keeps what was delivered
		this.tx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
		this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.batch = batch;
	}

	@ApplicationModuleListener
	void on(CrisisEvents.AlertSent e) {
		deliver(e.alertId());
	}

	/** Notifies every recipient not yet notified, batch by batch; how many. */
	public int deliver(UUID alertId) {
		CrisisAlert a = alerts.find(alertId).orElse(null);
		if (a == null) {
			return 0;
		}
		Crisis c = crises.find(a.crisisId()).orElseThrow();
		String title = messages.get("crisis.alert.notice.title", service.label(c));
		String body = a.message().length() > 280 ? a.message().substring(0, 280) + "…" : a.message();
		int total = 0;
		while (true) {
			Integer n = tx.execute(s -> {
				List<UUID> users = alerts.claimUnnotified(alertId, batch);
				notifications.send(users.stream().map(u -> new Notice(u, c.cptsId(), KIND, title, body, "/crises/alertes/" + alertId, true)).toList());
				return users.size();
			});
			if (n == null || n == 0) {
				break;
			}
			total += n;
			fr.maillage.platform.CrashPoint.reached("crisis.alert.batch"); // the crash test halts here, a batch committed
		}
		tx.executeWithoutResult(s -> alerts.delivered(alertId));
		return total;
	}

	@Bean
	RecurringTask<Void> crisisAlertReminderTask() {
		return Tasks.recurring("crisis-alert-reminders", Schedules.fixedDelay(Duration.ofMinutes(2))).execute((instance, context) -> remind(Instant.now()));
	}

	/** Reminds, once, the silent recipients of open alerts past their delay; how many. */
	public int remind(Instant now) {
		Integer n = tx.execute(s -> {
			List<Object[]> due = alerts.claimReminders(now);
			Map<UUID, CrisisAlert> byId = new HashMap<>();
			Map<UUID, Crisis> crisisOf = new HashMap<>();
			List<Notice> notices = due.stream().map(row -> {
				UUID alertId = (UUID) row[0];
				CrisisAlert a = byId.computeIfAbsent(alertId, id -> alerts.find(id).orElseThrow());
				Crisis c = crisisOf.computeIfAbsent(a.crisisId(), id -> crises.find(id).orElseThrow());
				return new Notice((UUID) row[1], c.cptsId(), KIND, messages.get("crisis.alert.reminder.title", service.label(c)),
						messages.get("crisis.alert.reminder.body"), "/crises/alertes/" + alertId, true);
			}).toList();
			notifications.send(notices);
			return notices.size();
		});
		return n == null ? 0 : n;
	}
}
