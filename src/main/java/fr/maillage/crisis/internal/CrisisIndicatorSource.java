package fr.maillage.crisis.internal;

import fr.maillage.missions.Indicator.Aggregation;
import fr.maillage.missions.Indicator.Kind;
import fr.maillage.missions.Indicator.Unit;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Measure;
import fr.maillage.missions.Mission;
import fr.maillage.missions.OfferedIndicator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The crisis mission for the contract: a plan reviewed within the last twelve months (on the
 * period's last day), crises and exercises activated, professionals mobilised (signed up for a
 * shift, or answered available), hours of volunteer shifts, doses and consultations counted at the
 * sites. Counts only.
 */
@Component
class CrisisIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("crisis.planReviewed", Mission.CRISIS, Kind.MEANS, Unit.COUNT, Aggregation.LAST, false),
			new OfferedIndicator("crisis.exercises", Mission.CRISIS, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("crisis.activations", Mission.CRISIS, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("crisis.mobilised", Mission.CRISIS, Kind.RESULT, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("crisis.shiftHours", Mission.CRISIS, Kind.RESULT, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("crisis.doses", Mission.CRISIS, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false));

	private final JdbcClient jdbc;

	CrisisIndicatorSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<OfferedIndicator> offered() {
		return OFFERED;
	}

	@Override
	public Map<String, Measure> measure(UUID cptsId, LocalDate from, LocalDate to) {
		Map<String, Measure> m = new LinkedHashMap<>();
		var f = IndicatorSource.at(from);
		var t = IndicatorSource.at(to);
		m.put("crisis.planReviewed", Measure.count(jdbc.sql("""
				select count(*) from (select max(created_at) as last from crisis_plan_version where cpts_id = :c and created_at < :t) v
				where v.last >= cast(:t as timestamptz) - interval '12 months'""").param("c", cptsId).param("t", t).query(Long.class).single()));
		jdbc.sql("""
				select count(*) filter (where exercise), count(*) filter (where not exercise) from crisis
				where cpts_id = :c and activated_at >= :f and activated_at < :t""").param("c", cptsId).param("f", f).param("t", t).query(rs -> {
			m.put("crisis.exercises", Measure.count(rs.getLong(1)));
			m.put("crisis.activations", Measure.count(rs.getLong(2)));
		});
		m.put("crisis.mobilised", Measure.count(jdbc.sql("""
				select count(distinct u) from (
				  select g.user_id as u from crisis_shift_signup g join crisis_shift s on s.id = g.shift_id join crisis_site x on x.id = s.site_id
				  join crisis k on k.id = x.crisis_id where k.cpts_id = :c and s.starts_at >= :f and s.starts_at < :t
				  union
				  select r.user_id from crisis_alert_recipient r join crisis_alert a on a.id = r.alert_id join crisis k on k.id = a.crisis_id
				  where k.cpts_id = :c and r.answer in ('NOW', 'WITHIN_24H') and r.answered_at >= :f and r.answered_at < :t) x""")
			.param("c", cptsId).param("f", f).param("t", t).query(Long.class).single()));
		// volunteer hours: each sign-up counts its shift's length
		m.put("crisis.shiftHours", Measure.count(Math.round(jdbc.sql("""
				select coalesce(sum(extract(epoch from s.ends_at - s.starts_at) / 3600), 0) from crisis_shift_signup g
				join crisis_shift s on s.id = g.shift_id join crisis_site x on x.id = s.site_id join crisis k on k.id = x.crisis_id
				where k.cpts_id = :c and s.starts_at >= :f and s.starts_at < :t""").param("c", cptsId).param("f", f).param("t", t).query(Double.class)
			.single())));
		m.put("crisis.doses", Measure.count(jdbc.sql("""
				select coalesce(sum(s.doses), 0) from crisis_shift s join crisis_site x on x.id = s.site_id join crisis k on k.id = x.crisis_id
				where k.cpts_id = :c and s.starts_at >= :f and s.starts_at < :t""").param("c", cptsId).param("f", f).param("t", t).query(Long.class).single()));
		return m;
	}
}
