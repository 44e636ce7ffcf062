package fr.maillage.messaging.internal;

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
 * Announcements for the crisis mission (reaching every professional fast): how many were sent, and
 * of the recipients asked to acknowledge one sent in the period, how many did. Counts only.
 */
@Component
class AnnouncementIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("messaging.announcements", Mission.CRISIS, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("messaging.acknowledged", Mission.CRISIS, Kind.RESULT, Unit.PERCENT, Aggregation.RATIO, false));

	private final JdbcClient jdbc;

	AnnouncementIndicatorSource(JdbcClient jdbc) {
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
				select count(distinct a.id) as sent,
				  count(r.id) filter (where a.ask_ack) as asked,
				  count(r.id) filter (where a.ask_ack and r.acknowledged_at is not null) as acknowledged
				from announcement a left join announcement_recipient r on r.announcement_id = a.id
				where a.cpts_id = :c and a.created_at >= :f and a.created_at < :t""")
			.param("c", cptsId).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to)).query(rs -> {
				m.put("messaging.announcements", Measure.count(rs.getLong("sent")));
				m.put("messaging.acknowledged", Measure.ratio(rs.getLong("acknowledged"), rs.getLong("asked")));
			});
		return m;
	}
}
