package fr.maillage.gpaccess.internal;

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

/** The access mission's figures from the register of requests for a médecin traitant: counts only, no patient read. */
@Component
class GpIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("gpaccess.registered", Mission.ACCESS, Kind.ACTION, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("gpaccess.oriented", Mission.ACCESS, Kind.ACTION, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("gpaccess.found", Mission.ACCESS, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("gpaccess.found.ald", Mission.ACCESS, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("gpaccess.found.c2s", Mission.ACCESS, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("gpaccess.waiting", Mission.ACCESS, Kind.RESULT, Unit.PATIENTS, Aggregation.LAST, true));

	private final JdbcClient jdbc;

	GpIndicatorSource(JdbcClient jdbc) {
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
				select count(*) filter (where filed_at >= :f and filed_at < :t) as registered,
				  count(*) filter (where status = 'DECLARED' and declared_at >= :f and declared_at < :t) as found,
				  count(*) filter (where status = 'DECLARED' and declared_at >= :f and declared_at < :t and ald) as found_ald,
				  count(*) filter (where status = 'DECLARED' and declared_at >= :f and declared_at < :t and c2s) as found_c2s,
				  count(*) filter (where filed_at < :t and (declared_at is null or declared_at >= :t) and (withdrawn_at is null or withdrawn_at >= :t)) as waiting,
				  (select count(distinct e.request_id) from gp_request_event e join gp_request r on r.id = e.request_id
				    where r.cpts_id = :c and e.kind = 'PROPOSED' and e.at >= :f and e.at < :t) as oriented
				from gp_request where cpts_id = :c""")
			.param("c", cptsId).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to)).query(rs -> {
				m.put("gpaccess.registered", Measure.count(rs.getLong("registered")));
				m.put("gpaccess.oriented", Measure.count(rs.getLong("oriented")));
				m.put("gpaccess.found", Measure.count(rs.getLong("found")));
				m.put("gpaccess.found.ald", Measure.count(rs.getLong("found_ald")));
				m.put("gpaccess.found.c2s", Measure.count(rs.getLong("found_c2s")));
				m.put("gpaccess.waiting", Measure.count(rs.getLong("waiting")));
			});
		return m;
	}
}
