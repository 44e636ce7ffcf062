package fr.maillage.pathways.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.pathways.Ruptures;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every morning, steps past their grace period become ruptures and their circles are told (cluster-safe through db-scheduler). */
@Configuration
class RuptureWatch {

	private static final Logger log = LoggerFactory.getLogger(RuptureWatch.class);

	@Bean
	RecurringTask<Void> pathwayRuptureTask(Ruptures ruptures) {
		return Tasks.recurring("pathway-ruptures", Schedules.daily(LocalTime.of(6, 31))).execute((instance, context) -> {
			long t0 = System.nanoTime();
			Ruptures.Run run = ruptures.run();
			log.info("Parcours : {} étapes en rupture, {} notifications, en {} ms", run.marked(), run.notified(), (System.nanoTime() - t0) / 1_000_000);
		});
	}
}
