package fr.maillage.oncall.internal;

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

/** On-call duty for the access mission: how many turns of the rosters had someone on duty, and the gaps. */
@Component
class OnCallIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("oncall.coverage", Mission.ACCESS, Kind.RESULT, Unit.PERCENT, Aggregation.RATIO, false),
			new OfferedIndicator("oncall.gaps", Mission.ACCESS, Kind.RESULT, Unit.COUNT, Aggregation.SUM, true));

	private final JdbcClient jdbc;

	OnCallIndicatorSource(JdbcClient jdbc) {
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
				select count(*) as turns, count(*) filter (where s.assignee_label is not null) as covered
				from oncall_shift s join oncall_roster r on r.id = s.roster_id
				where r.cpts_id = :c and s.starts_at >= :f and s.starts_at < :t""")
			.param("c", cptsId).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to)).query(rs -> {
				long turns = rs.getLong("turns");
				long covered = rs.getLong("covered");
				m.put("oncall.coverage", Measure.ratio(covered, turns));
				m.put("oncall.gaps", Measure.count(turns - covered));
			});
		return m;
	}
}
