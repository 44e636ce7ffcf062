package fr.maillage.unscheduledcare.internal;

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

/** Unscheduled care for the access mission: slots opened, booked, honoured, and who opens them. Counts only. */
@Component
class SnpIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("snp.opened", Mission.ACCESS, Kind.MEANS, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("snp.booked", Mission.ACCESS, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("snp.honoured", Mission.ACCESS, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("snp.professionals", Mission.ACCESS, Kind.MEANS, Unit.COUNT, Aggregation.LAST, false));

	private final JdbcClient jdbc;

	SnpIndicatorSource(JdbcClient jdbc) {
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
				select count(*) as opened,
				  count(b.id) as booked,
				  count(b.id) filter (where b.outcome = 'HONORE') as honoured,
				  count(distinct coalesce(s.practitioner_id, s.organization_id)) as professionals
				from snp_slot s left join snp_booking b on b.slot_id = s.id and b.cancelled_at is null
				where s.cpts_id = :c and s.starts_at >= :f and s.starts_at < :t and s.cancelled_at is null""")
			.param("c", cptsId).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to)).query(rs -> {
				m.put("snp.opened", Measure.count(rs.getLong("opened")));
				m.put("snp.booked", Measure.count(rs.getLong("booked")));
				m.put("snp.honoured", Measure.count(rs.getLong("honoured")));
				m.put("snp.professionals", Measure.count(rs.getLong("professionals")));
			});
		return m;
	}
}
