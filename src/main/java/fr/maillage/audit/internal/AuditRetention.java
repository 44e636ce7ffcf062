package fr.maillage.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door out of the audit log: every night, rows older than the configured retention
 * (MAILLAGE_AUDIT_RETENTION, at least six months; the database refuses less) are purged, and
 * the purge itself is audited.
 */
@Service
public class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;
	private final Period retention;

	AuditRetention(JdbcClient jdbc, @Value("${maillage.audit.retention}") Period retention) {
		if (retention.toTotalMonths() < 6) {
			throw new IllegalStateException("MAILLAGE_AUDIT_RETENTION doit valoir au moins 6 mois (P6M), pas " + retention);
		}
		this.jdbc = jdbc;
		this.retention = retention;
	}

	@Transactional
	public long purge() {
		long purged = jdbc.sql("select purge_audit_events(cast(:retention as interval))").param("retention", retention.toString())
			.query(Long.class).single();
		jdbc.sql("insert into audit_event (actor_label, action, subject_type, details) values ('système', 'audit.purged', 'audit_event', :d)")
			.param("d", purged + " lignes de plus de " + retention).update();
		log.info("Journal d'audit : {} lignes de plus de {} purgées", purged, retention);
		return purged;
	}

	@Configuration
	static class Schedule {
		@Bean
		RecurringTask<Void> auditRetentionTask(AuditRetention retention) {
			return Tasks.recurring("audit-retention", Schedules.daily(LocalTime.of(3, 17))).execute((instance, context) -> retention.purge());
		}
	}
}
