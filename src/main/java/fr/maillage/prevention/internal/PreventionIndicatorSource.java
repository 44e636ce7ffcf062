package fr.maillage.prevention.internal;

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
 * Prevention for the contract's prevention mission: campaign actions done in the period and what
 * they achieved (people reached, screenings, vaccinations), the people present at its events, the
 * prevention consultations declared in its communes, the patients enrolled in its therapeutic
 * education programmes. Counts only.
 */
@Component
class PreventionIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("prevention.actions", Mission.PREVENTION, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("prevention.reached", Mission.PREVENTION, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("prevention.screenings", Mission.PREVENTION, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("prevention.vaccinations", Mission.PREVENTION, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("prevention.attendees", Mission.PREVENTION, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("prevention.consultations", Mission.PREVENTION, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false),
			new OfferedIndicator("prevention.etpPatients", Mission.PREVENTION, Kind.RESULT, Unit.PATIENTS, Aggregation.SUM, false));

	private final JdbcClient jdbc;
	private final OfferStore offers;
	private final fr.maillage.cpts.CptsService cpts;

	PreventionIndicatorSource(JdbcClient jdbc, OfferStore offers, fr.maillage.cpts.CptsService cpts) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.cpts = cpts;
	}

	@Override
	public List<OfferedIndicator> offered() {
		return OFFERED;
	}

	@Override
	public Map<String, Measure> measure(UUID cptsId, LocalDate from, LocalDate to) {
		Map<String, Measure> m = new LinkedHashMap<>();
		jdbc.sql("""
				select count(*), coalesce(sum(a.people_reached), 0), coalesce(sum(a.screenings_done), 0), coalesce(sum(a.vaccinations), 0)
				from campaign_action a join campaign c on c.id = a.campaign_id
				where c.cpts_id = :c and a.done and a.on_date >= :f and a.on_date < :t""")
			.param("c", cptsId).param("f", from).param("t", to).query(rs -> {
				m.put("prevention.actions", Measure.count(rs.getLong(1)));
				m.put("prevention.reached", Measure.count(rs.getLong(2)));
				m.put("prevention.screenings", Measure.count(rs.getLong(3)));
				m.put("prevention.vaccinations", Measure.count(rs.getLong(4)));
			});
		m.put("prevention.attendees", Measure.count(jdbc.sql("""
				select count(*) from event_registration r join prevention_event e on e.id = r.event_id
				where e.cpts_id = :c and r.attended_at is not null and e.starts_at >= :f and e.starts_at < :t""")
			.param("c", cptsId).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to)).query(Long.class).single()));
		// prevention consultations declared by the professionals of the territory, for the calendar months that start in the period
		List<String> territory = cpts.publicIdentity(cptsId).map(c -> cpts.publicTerritory(c.slug()).communes().stream()
			.map(fr.maillage.cpts.Territory.TerritoryCommune::inseeCode).toList()).orElse(List.of());
		m.put("prevention.consultations", Measure.count(offers.doneIn(territory, from, to)));
		m.put("prevention.etpPatients", Measure.count(jdbc.sql("""
				select count(*) from etp_participant x join etp_programme p on p.id = x.programme_id
				where p.cpts_id = :c and x.enrolled_on >= :f and x.enrolled_on < :t""")
			.param("c", cptsId).param("f", from).param("t", to).query(Long.class).single()));
		return m;
	}
}
