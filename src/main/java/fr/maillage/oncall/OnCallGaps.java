package fr.maillage.oncall;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gaps announced before they happen: every active roster's turns are written a month ahead (a day
 * nobody prepared becomes a visible gap), then each turn starting within {@link #NOTICE} with
 * nobody on it is claimed once, in one statement, and announced to the coordinators and the
 * roster's managers. Running it twice, or on two nodes at once, announces each gap once.
 */
@Service
public class OnCallGaps {

	public static final String KIND_GAP = "oncall.gap";
	/** How long before a turn its gap is announced. */
	public static final Duration NOTICE = Duration.ofDays(7);
	/** How far ahead the turns of active rosters are written. */
	public static final Duration AHEAD = Duration.ofDays(35);

	public record Run(int turnsWritten, int gapsAnnounced) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH'h'mm", Locale.FRENCH).withZone(RosterPattern.PARIS);

	private final JdbcClient jdbc;
	private final Rosters rosters;
	private final Accounts accounts;
	private final Notifications notifications;
	private final Messages messages;
	private final TransactionTemplate tx;

	OnCallGaps(JdbcClient jdbc, Rosters rosters, Accounts accounts, Notifications notifications, Messages messages, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.rosters = rosters;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.tx = tx;
	}

	public Run run() {
		return run(Instant.now());
	}

	/** One pass as if it were {@code now} (tests move the clock this way). */
	public Run run(Instant now) {
		int written = 0;
		YearMonth first = YearMonth.from(now.atZone(RosterPattern.PARIS));
		YearMonth last = YearMonth.from(now.plus(AHEAD).atZone(RosterPattern.PARIS));
		for (UUID id : jdbc.sql("select id from oncall_roster where active").query(UUID.class).list()) {
			Rosters.Roster r = rosters.load(id);
			for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
				YearMonth month = m;
				written += tx.execute(s -> rosters.writeTurns(r, month));
			}
		}
		Integer announced = tx.execute(s -> announce(now));
		return new Run(written, announced == null ? 0 : announced);
	}

	private record Gap(UUID rosterId, UUID cptsId, String roster, Instant startsAt) {
	}

	int announce(Instant now) {
		// one announcer at a time across nodes: a concurrent run waits, then finds the gaps already claimed
		jdbc.sql("select pg_advisory_xact_lock(7324001)").query(Object.class).single();
		List<Gap> gaps = jdbc.sql("""
				update oncall_shift s set gap_notified_at = now() from oncall_roster r
				where r.id = s.roster_id and r.active and s.assignee_label is null and s.gap_notified_at is null
				  and s.starts_at < :until and s.ends_at > :now
				returning s.roster_id, r.cpts_id, r.name, s.starts_at""")
			.param("now", java.sql.Timestamp.from(now)).param("until", java.sql.Timestamp.from(now.plus(NOTICE)))
			.query((rs, n) -> new Gap(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
		Map<UUID, List<Gap>> byCpts = new LinkedHashMap<>();
		gaps.stream().sorted(java.util.Comparator.comparing(Gap::startsAt)).forEach(g -> byCpts.computeIfAbsent(g.cptsId(), k -> new ArrayList<>()).add(g));
		List<Notice> notices = new ArrayList<>();
		for (var e : byCpts.entrySet()) {
			Set<UUID> people = new LinkedHashSet<>(accounts.holdersOf(e.getKey(), Role.COORDINATOR));
			people.addAll(jdbc.sql("select user_id from oncall_roster_manager where roster_id = any(:r)")
				.param("r", e.getValue().stream().map(Gap::rosterId).distinct().toArray(UUID[]::new)).query(UUID.class).list());
			List<String> lines = e.getValue().stream().limit(20).map(g -> g.roster() + " — " + DAY.format(g.startsAt())).toList();
			String body = String.join("\n", lines) + (e.getValue().size() > 20 ? "\n…" : "");
			for (UUID u : people) {
				notices.add(Notice.of(u, e.getKey(), KIND_GAP, messages.get("oncall.gap.notice.title", e.getValue().size()), body,
						"/cpts/" + e.getKey() + "/gardes"));
			}
		}
		notifications.send(notices);
		return gaps.size();
	}
}
