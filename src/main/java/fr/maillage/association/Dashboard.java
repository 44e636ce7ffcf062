package fr.maillage.association;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The association at a glance, for its board: members by college and by profession over the last
 * years, fees collected against expected this year, the meetings to come, the mandates ending soon.
 */
@Service
public class Dashboard {

	/** Members at the end of each year (today for this one), by profession. */
	public record Growth(List<Integer> years, Map<String, List<Integer>> byProfession) {
	}

	public record Ending(UUID bodyId, String body, String member, Governance.Position position, LocalDate endsOn) {
	}

	public record View(Map<String, Integer> byCollege, Growth growth, Fees.Statement fees, List<Meetings.Meeting> upcoming, List<Ending> ending,
			int applications) {
	}

	static final int YEARS = 5;
	static final int ENDING_DAYS = 90;

	private final JdbcClient jdbc;
	private final Board board;
	private final Members members;
	private final Fees fees;
	private final Meetings meetings;

	Dashboard(JdbcClient jdbc, Board board, Members members, Fees fees, Meetings meetings) {
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.board = board;
		this.members = members;
		this.fees = fees;
	}

	public View view(UUID cptsId) {
		board.require(cptsId);
		LocalDate today = LocalDate.now(Board.PARIS);
		List<Members.Member> all = members.list(cptsId, null, null);
		Map<String, Integer> byCollege = new LinkedHashMap<>();
		all.stream().filter(m -> m.status() == Members.Status.ACTIVE).forEach(m -> byCollege.merge(m.collegeName(), 1, Integer::sum));
		// a member counts at the end of a year if they had joined by then and had not left yet (left: the day the status changed)
		Map<UUID, @Nullable LocalDate> left = new java.util.HashMap<>();
		jdbc.sql("select id, status_changed_at from member where cpts_id = :c and status in ('RESIGNED', 'EXCLUDED')").param("c", cptsId)
			.query((rs, n) -> left.put(rs.getObject(1, UUID.class), rs.getTimestamp(2) == null ? null
					: LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), Board.PARIS)))
			.list();
		List<Integer> years = new ArrayList<>();
		for (int y = today.getYear() - YEARS + 1; y <= today.getYear(); y++) {
			years.add(y);
		}
		Map<String, List<Integer>> byProfession = new TreeMap<>();
		for (Members.Member m : all) {
			String profession = m.profession() != null ? m.profession() : m.collegeName();
			List<Integer> counts = byProfession.computeIfAbsent(profession, k -> new ArrayList<>(java.util.Collections.nCopies(YEARS, 0)));
			for (int k = 0; k < years.size(); k++) {
				LocalDate end = years.get(k) == today.getYear() ? today : LocalDate.of(years.get(k), 12, 31);
				LocalDate gone = left.get(m.id());
				boolean counted = !m.since().isAfter(end) && (!left.containsKey(m.id()) || gone == null || gone.isAfter(end));
				if (counted) {
					counts.set(k, counts.get(k) + 1);
				}
			}
		}
		List<Meetings.Meeting> upcoming = jdbc.sql("""
				select id from meeting where cpts_id = :c and status in ('DRAFT', 'CONVENED') and ends_at > :now order by starts_at limit 5""")
			.param("c", cptsId).param("now", java.sql.Timestamp.from(Instant.now())).query(UUID.class).list().stream()
			.map(meetings::get).toList();
		List<Ending> ending = jdbc.sql("""
				select b.id, b.name, m.member_id, m.position, m.ends_on from mandate m join body b on b.id = m.body_id
				where b.cpts_id = :c and m.ends_on between :today and :until order by m.ends_on""")
			.param("c", cptsId).param("today", today).param("until", today.plusDays(ENDING_DAYS))
			.query((rs, n) -> new Ending(rs.getObject(1, UUID.class), rs.getString(2), members.get(rs.getObject(3, UUID.class)).name(),
					Governance.Position.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class)))
			.list();
		int applications = jdbc.sql("select count(*) from membership_application where cpts_id = :c and status = 'PENDING'").param("c", cptsId)
			.query(Integer.class).single();
		return new View(byCollege, new Growth(years, byProfession), fees.statement(cptsId, today.getYear()), upcoming, ending, applications);
	}
}
