package fr.maillage.unscheduledcare.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.unscheduledcare.Slots;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every night, recurring rules are materialised up to the rolling horizon (cluster-safe through db-scheduler). */
@Configuration
class RuleHorizon {

	private static final Logger log = LoggerFactory.getLogger(RuleHorizon.class);

	@Bean
	RecurringTask<Void> slotHorizonTask(Slots slots) {
		return Tasks.recurring("snp-rule-horizon", Schedules.daily(LocalTime.of(2, 41))).execute((instance, context) -> {
			int added = slots.materialiseAll();
			log.info("Soins non programmés : {} créneaux ajoutés à l'horizon des règles", added);
		});
	}
}
