package fr.maillage.oncall.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.oncall.OnCallGaps;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every morning, the coming turns are written and the coordinators told of those with nobody (cluster-safe through db-scheduler). */
@Configuration
class GapWatch {

	private static final Logger log = LoggerFactory.getLogger(GapWatch.class);

	@Bean
	RecurringTask<Void> onCallGapTask(OnCallGaps gaps) {
		return Tasks.recurring("oncall-gaps", Schedules.daily(LocalTime.of(6, 17))).execute((instance, context) -> {
			OnCallGaps.Run run = gaps.run();
			log.info("Gardes : {} tours écrits, {} trous annoncés", run.turnsWritten(), run.gapsAnnounced());
		});
	}
}
