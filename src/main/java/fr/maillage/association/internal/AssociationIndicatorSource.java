package fr.maillage.association.internal;

import fr.maillage.directory.DirectorySearch;
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
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The association's figures: members and the professions they bring (the CPTS's dynamics of
 * inclusion: the professions are the directory's), meetings held with their attendance, case review meetings (RCP) for the pathways.
 */
@Component
class AssociationIndicatorSource implements IndicatorSource {

	private static final List<OfferedIndicator> OFFERED = List.of(
			new OfferedIndicator("association.members", Mission.SUPPORT, Kind.MEANS, Unit.COUNT, Aggregation.LAST, false),
			new OfferedIndicator("association.professions", Mission.SUPPORT, Kind.MEANS, Unit.COUNT, Aggregation.LAST, false),
			new OfferedIndicator("association.meetings", Mission.SUPPORT, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false),
			new OfferedIndicator("association.attendance", Mission.SUPPORT, Kind.RESULT, Unit.PERCENT, Aggregation.RATIO, false),
			new OfferedIndicator("association.rcp", Mission.PATHWAYS, Kind.ACTION, Unit.COUNT, Aggregation.SUM, false));

	private final JdbcClient jdbc;
	private final DirectorySearch directory;

	AssociationIndicatorSource(JdbcClient jdbc, DirectorySearch directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@Override
	public List<OfferedIndicator> offered() {
		return OFFERED;
	}

	@Override
	public Map<String, Measure> measure(UUID cptsId, LocalDate from, LocalDate to) {
		Map<String, Measure> m = new LinkedHashMap<>();
		// a member counts on the period's last day when they had joined and were active (or left after it)
		List<Optional<UUID>> members = jdbc.sql("""
				select mb.practitioner_id from member mb
				where mb.cpts_id = :c and mb.since < :td
				  and (mb.status = 'ACTIVE' or (mb.status_changed_at is not null and mb.status_changed_at >= :t))""")
			.param("c", cptsId).param("td", to).param("t", IndicatorSource.at(to))
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).list();
		m.put("association.members", Measure.count(members.size()));
		List<UUID> practitioners = members.stream().flatMap(Optional::stream).toList();
		m.put("association.professions", Measure.count(directory.professionCodes(practitioners).values().stream().distinct().count()));
		jdbc.sql("""
				select count(distinct mt.id) filter (where mt.kind <> 'RCP') as meetings,
				  count(distinct mt.id) filter (where mt.kind = 'RCP') as rcp,
				  count(i.member_id) filter (where mt.kind <> 'RCP') as invited,
				  count(i.member_id) filter (where mt.kind <> 'RCP' and i.attended) as attended
				from meeting mt left join meeting_invitee i on i.meeting_id = mt.id
				where mt.cpts_id = :c and mt.status = 'HELD' and mt.starts_at >= :f and mt.starts_at < :t""")
			.param("c", cptsId).param("f", IndicatorSource.at(from)).param("t", IndicatorSource.at(to)).query(rs -> {
				m.put("association.meetings", Measure.count(rs.getLong("meetings")));
				m.put("association.rcp", Measure.count(rs.getLong("rcp")));
				m.put("association.attendance", Measure.ratio(rs.getLong("attended"), rs.getLong("invited")));
			});
		return m;
	}
}
