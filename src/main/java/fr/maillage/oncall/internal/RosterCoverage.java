package fr.maillage.oncall.internal;

import fr.maillage.oncall.RosterKind;
import fr.maillage.platform.Messages;
import fr.maillage.unscheduledcare.OnCallCoverage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On-call coverage per roster for the unscheduled-care indicators: turns in the period, turns with someone on duty. */
@Component
class RosterCoverage implements OnCallCoverage {

	private final JdbcClient jdbc;
	private final Messages messages;

	RosterCoverage(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<Row> coverage(UUID cptsId, Instant from, Instant to) {
		return jdbc.sql("""
				select r.name, r.kind, count(s.id) as turns, count(s.assignee_label) as covered from oncall_roster r
				left join oncall_shift s on s.roster_id = r.id and s.starts_at >= :f and s.starts_at < :t
				where r.cpts_id = :c and r.active group by r.id, r.name, r.kind order by r.kind, r.name""")
			.param("c", cptsId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
			.query((rs, n) -> new Row(rs.getString("name"), messages.get(RosterKind.valueOf(rs.getString("kind")).labelKey()), rs.getLong("turns"),
					rs.getLong("covered")))
			.list();
	}
}
