package fr.maillage.platform.web;

import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The administrators' card of background jobs (db-scheduler): those failing, those late (due
 * more than ten minutes ago and not run: no node is picking jobs), those a dead node holds.
 */
@Component
class JobsHomeCards implements HomeCard.Provider {

	private final Jobs jobs;

	JobsHomeCards(Jobs jobs) {
		this.jobs = jobs;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		if (!viewer.admin()) {
			return List.of();
		}
		List<Jobs.Job> all = jobs.list();
		List<Jobs.Job> troubled = all.stream().filter(Jobs.Job::troubled).toList();
		return List.of(HomeCard.of(Audience.ADMINISTRATION, 30, "home.jobs.title", JobsController.PATH, troubled.size(),
				troubled.isEmpty() ? Tone.CALM : Tone.ALERT, troubled.isEmpty() ? "home.jobs.none" : "home.jobs.text", all.size(), troubled.size())
			.withLines(troubled.stream().limit(3).map(j -> new Line(j.name(), j.lastFailure(), JobsController.PATH)).toList()));
	}

	/** The jobs' table, read by the card and the page. */
	@org.springframework.stereotype.Repository
	static class Jobs {

		record Job(String name, String instance, Instant nextRun, @Nullable Instant lastSuccess,
				@Nullable Instant lastFailure, int failures, boolean late, boolean stuck) {

			public boolean troubled() {
				return failures > 0 || late || stuck;
			}
		}

		private final JdbcClient jdbc;

		Jobs(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		List<Job> list() {
			return jdbc.sql("""
					select task_name, task_instance, execution_time, last_success, last_failure, coalesce(consecutive_failures, 0),
					  not picked and execution_time < now() - interval '10 minutes', picked and last_heartbeat < now() - interval '5 minutes'
					from scheduled_tasks order by task_name, task_instance limit 500""")
				.query((rs, n) -> new Job(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
						rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8)))
				.list();
		}
	}
}
