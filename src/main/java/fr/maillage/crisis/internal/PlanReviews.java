package fr.maillage.crisis.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.crisis.CrisisPlan;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan is reviewed every year: each morning, the CPTS whose latest version is eleven months
 * old remind their coordinators, referent and deputies, then not again for a month.
 */
@Configuration
public class PlanReviews {

	public static final String KIND = "crisis.review";

	private final PlanStore plans;
	private final Accounts accounts;
	private final Notifications notifications;
	private final Messages messages;
	private final TransactionTemplate tx;

	PlanReviews(PlanStore plans, Accounts accounts, Notifications notifications, Messages messages, TransactionTemplate tx) {
		this.plans = plans;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.tx = tx;
	}

	@Bean
	RecurringTask<Void> crisisPlanReviewTask() {
		return Tasks.recurring("crisis-plan-review", Schedules.daily(LocalTime.of(7, 30))).execute((instance, context) -> remind(Instant.now()));
	}

	/** Reminds the CPTS whose plan is due for review at {@code now}; how many CPTS. */
	public int remind(Instant now) {
		Integer n = tx.execute(s -> {
			List<UUID> due = plans.dueForReview(now.minus(Duration.ofDays(335)), now.minus(Duration.ofDays(30)));
			for (UUID cpts : due) {
				Set<UUID> users = new LinkedHashSet<>(accounts.holdersOf(cpts, Role.COORDINATOR));
				plans.current(cpts).ifPresent(v -> v.plan().cell().stream().filter(m -> m.role() != CrisisPlan.CellRole.MEMBER)
					.forEach(m -> users.add(m.userId())));
				String version = plans.current(cpts).map(v -> Integer.toString(v.version())).orElse("");
				notifications.send(users.stream().map(u -> Notice.of(u, cpts, KIND, messages.get("crisis.review.title"),
						messages.get("crisis.review.body", version), "/cpts/" + cpts + "/crise/plan")).toList());
				plans.reminded(cpts, now);
			}
			return due.size();
		});
		return n == null ? 0 : n;
	}
}
