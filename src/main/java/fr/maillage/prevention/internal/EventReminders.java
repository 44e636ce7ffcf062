package fr.maillage.prevention.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.prevention.RegistrationEvents;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Every quarter of an hour, those registered to an event starting within a day are reminded, once. */
@Configuration
public class EventReminders {

	private final EventStore store;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	EventReminders(EventStore store, ApplicationEventPublisher events, TransactionTemplate tx) {
		this.store = store;
		this.events = events;
		this.tx = tx;
	}

	@Bean
	RecurringTask<Void> eventReminderTask() {
		return Tasks.recurring("prevention-event-reminders", Schedules.fixedDelay(Duration.ofMinutes(15))).execute((instance, context) -> remind(Instant.now()));
	}

	/** Claims and announces the reminders due at {@code now}; how many. */
	public int remind(Instant now) {
		Integer n = tx.execute(status -> {
			var due = store.claimReminders(now, now.plus(Duration.ofHours(24)));
			due.forEach(id -> events.publishEvent(new RegistrationEvents.ReminderDue(id)));
			return due.size();
		});
		return n == null ? 0 : n;
	}
}
