package fr.maillage.crisis.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Every quarter of an hour, the volunteers of a shift starting within a day are reminded, once per shift. */
@Configuration
public class ShiftReminders {

	public static final String KIND = "crisis.shift.reminder";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

	private final ShiftStore store;
	private final Notifications notifications;
	private final Messages messages;
	private final TransactionTemplate tx;

	ShiftReminders(ShiftStore store, Notifications notifications, Messages messages, TransactionTemplate tx) {
		this.store = store;
		this.notifications = notifications;
		this.messages = messages;
		this.tx = tx;
	}

	@Bean
	RecurringTask<Void> crisisShiftReminderTask() {
		return Tasks.recurring("crisis-shift-reminders", Schedules.fixedDelay(Duration.ofMinutes(15))).execute((instance, context) -> remind(Instant.now()));
	}

	/** Reminds the volunteers of the shifts starting within a day of {@code now}; how many reminders. */
	public int remind(Instant now) {
		Integer n = tx.execute(s -> {
			List<Object[]> due = store.claimReminders(now, now.plus(Duration.ofHours(24)));
			notifications.send(due.stream().map(r -> Notice.of((UUID) r[0], (UUID) r[4], KIND, messages.get("crisis.shift.reminder.title", (String) r[3]),
					messages.get("crisis.shift.reminder.body", WHEN.format((Instant) r[2]), (String) r[3]), "/crises/sites/" + store.siteOf((UUID) r[1])))
				.toList());
			return due.size();
		});
		return n == null ? 0 : n;
	}
}
