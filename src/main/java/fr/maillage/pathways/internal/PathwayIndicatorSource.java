package fr.maillage.pathways.internal;

import fr.maillage.missions.Indicator.Aggregation;
import fr.maillage.missions.Indicator.Kind;
import fr.maillage.missions.Indicator.Unit;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.OfferedIndicator;
import fr.maillage.missions.Measure;
import fr.maillage.missions.Mission;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pathways mission: patients enrolled and followed, steps done on time (within their grace
 * period) among the steps due, ruptures (a step gone past its grace period undone). Counts only.
 */
@Component
class PathwayIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("pathways.enrolled", Mission.PATHWAYS, Kind.ACTION, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("pathways.active", Mission.PATHWAYS, Kind.MEANS, Unit.PATIENTS, Aggregation.LAST, false),
			new OfferedIndicator("pathways.onTime", Mission.PATHWAYS, Kind.RESULT, Unit.PERCENT, Aggregation.RATIO, false),
			new OfferedIndicator("pathways.ruptures", Mission.PATHWAYS, Kind.RESULT, Unit.COUNT, Aggregation.SUM, true));

	private final JdbcClient jdbc;

	PathwayIndicatorSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<OfferedIndicator> offered() {
		return OFFERED;
	}

	@Override
	public Map<String, Measure> measure(UUID cptsId, LocalDate from, LocalDate to) {
		Map<String, Measure> m = new LinkedHashMap<>();
		jdbc.sql("""
				select count(*) filter (where start_date >= :fd and start_date < :td) as enrolled,
				  count(*) filter (where start_date < :td and (ended_at is null or ended_at >= :t)) as active
				from pathway_enrolment where cpts_id = :c""")
			.param("c", cptsId).param("fd", from).param("td", to).param("t", IndicatorSource.at(to)).query(rs -> {
				m.put("pathways.enrolled", Measure.count(rs.getLong("enrolled")));
				m.put("pathways.active", Measure.count(rs.getLong("active")));
			});
		jdbc.sql("""
				select count(*) filter (where s.due_date >= :fd and s.due_date < :td and s.status <> 'CANCELLED') as due,
				  count(*) filter (where s.due_date >= :fd and s.due_date < :td and s.status = 'DONE' and s.done_date <= s.due_date + s.grace_days) as on_time,
				  count(*) filter (where s.overdue_at >= :f and s.overdue_at < :t) as ruptures
				from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id
				where e.cpts_id = :c and ((s.due_date >= :fd and s.due_date < :td) or (s.overdue_at >= :f and s.overdue_at < :t))""")
			.param("c", cptsId).param("fd", from).param("td", to).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to))
			.query(rs -> {
				m.put("pathways.onTime", Measure.ratio(rs.getLong("on_time"), rs.getLong("due")));
				m.put("pathways.ruptures", Measure.count(rs.getLong("ruptures")));
			});
		return m;
	}
}
