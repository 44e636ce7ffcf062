package fr.maillage.association.internal;

import fr.maillage.association.Members;
import fr.maillage.missions.AssociationFacts;
import fr.maillage.missions.AssociationSummary;
import fr.maillage.platform.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bureau and the council with their current seats, the year's meetings held, the members by college, for the projet de santé. */
@Component
class AssociationSummaries implements AssociationFacts {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;
	private final Members members;
	private final Messages messages;

	AssociationSummaries(JdbcClient jdbc, Members members, Messages messages) {
		this.jdbc = jdbc;
		this.members = members;
		this.messages = messages;
	}

	@Override
	public AssociationSummary summary(UUID cptsId, int year) {
		LocalDate today = LocalDate.now(PARIS);
		record SeatRow(UUID bodyId, String body, String kind, UUID memberId, String position) {
		}
		List<SeatRow> seats = jdbc.sql("""
				select b.id, b.name, b.kind, m.member_id, m.position from body b join mandate m on m.body_id = b.id
				where b.cpts_id = :c and b.kind in ('BUREAU', 'CONSEIL') and m.starts_on <= :d and (m.ends_on is null or m.ends_on >= :d)
				order by b.kind, b.name, m.position""")
			.param("c", cptsId).param("d", today)
			.query((rs, n) -> new SeatRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5)))
			.list();
		Map<UUID, Members.Member> names = members.byIds(seats.stream().map(SeatRow::memberId).toList());
		Map<UUID, AssociationSummary.Body> bodies = new LinkedHashMap<>();
		for (SeatRow s : seats) {
			AssociationSummary.Body b = bodies.computeIfAbsent(s.bodyId(),
					k -> new AssociationSummary.Body(s.body(), messages.get("association.body.kind." + s.kind()), new ArrayList<>()));
			Members.Member m = names.get(s.memberId());
			b.seats().add(new AssociationSummary.Seat(m == null ? "" : m.name(), messages.get("association.position." + s.position())));
		}
		List<AssociationSummary.HeldMeeting> meetings = jdbc.sql("""
				select mt.starts_at, mt.title, mt.kind, count(i.member_id) as invited, count(i.member_id) filter (where i.attended) as attended
				from meeting mt left join meeting_invitee i on i.meeting_id = mt.id
				where mt.cpts_id = :c and mt.status = 'HELD' and mt.starts_at >= :f and mt.starts_at < :t
				group by mt.id order by mt.starts_at""")
			.param("c", cptsId).param("f", LocalDate.of(year, 1, 1).atStartOfDay(PARIS).toOffsetDateTime())
			.param("t", LocalDate.of(year + 1, 1, 1).atStartOfDay(PARIS).toOffsetDateTime())
			.query((rs, n) -> new AssociationSummary.HeldMeeting(rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(PARIS).toLocalDate(),
					rs.getString(2), messages.get("association.meeting.kind." + rs.getString(3)), rs.getLong(4), rs.getLong(5)))
			.list();
		List<AssociationSummary.College> colleges = jdbc.sql("""
				select c.name, count(m.id) filter (where m.status = 'ACTIVE') from college c left join member m on m.college_id = c.id
				where c.cpts_id = :c group by c.id order by c.position, c.name""")
			.param("c", cptsId).query((rs, n) -> new AssociationSummary.College(rs.getString(1), rs.getLong(2))).list();
		return new AssociationSummary(new ArrayList<>(bodies.values()), meetings, colleges);
	}
}
