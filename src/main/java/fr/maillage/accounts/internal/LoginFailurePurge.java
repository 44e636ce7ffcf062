package fr.maillage.accounts.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed logins only matter for the throttling window: older rows are removed every hour. */
@Configuration
class LoginFailurePurge {

	@Bean
	RecurringTask<Void> loginFailurePurgeTask(JdbcClient jdbc) {
		return Tasks.recurring("login-failure-purge", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> jdbc.sql("delete from login_failure where at < now() - interval '1 day'").update());
	}
}
