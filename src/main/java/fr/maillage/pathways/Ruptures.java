package fr.maillage.pathways;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.Role;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pathway ruptures: every day, the steps past their grace period and not done (optional ones
 * aside) are marked overdue in one statement, each once, and the care circles and coordinators
 * told; running it twice, or on two nodes at once, alerts once (an advisory lock serialises the
 * runs, and a row is claimed only while it has no mark). Notices name no patient: they link to the
 * circle's page, where reading is audited.
 */
@Service
public class Ruptures {

	public static final String KIND = "pathways.rupture";

	public record Run(int marked, int notified) {
	}

	/** An open rupture as the coordinator lists it (no patient name here: the link leads to the audited page). */
	public record Open(UUID stepId, UUID enrolmentId, String pathway, String title, PathwayRole role, LocalDate dueDate, long daysLate) {
	}

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final Accounts accounts;
	private final Notifications notifications;
	private final Messages messages;
	private final TransactionTemplate tx;
	private final CptsAccess access;

	Ruptures(JdbcClient jdbc, AccountLinks links, Accounts accounts, Notifications notifications, Messages messages, TransactionTemplate tx,
			CptsAccess access) {
		this.jdbc = jdbc;
		this.links = links;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.tx = tx;
		this.access = access;
	}

	public Run run() {
		return run(LocalDate.now(Enrolments.PARIS));
	}

	/** One pass as if it were {@code today} (tests move the clock this way). */
	public Run run(LocalDate today) {
		Run run = tx.execute(s -> mark(today));
		return run == null ? new Run(0, 0) : run;
	}

	private record Marked(UUID enrolment, UUID cpts, boolean circleOnly) {
	}

	private Run mark(LocalDate today) {
		jdbc.sql("select pg_advisory_xact_lock(7324002)").query(Object.class).single();
		List<Marked> marked = jdbc.sql("""
				update pathway_step s set overdue_at = now() from pathway_enrolment e
				where e.id = s.enrolment_id and e.status = 'ACTIVE' and s.status = 'DUE' and s.overdue_at is null and not s.optional
				  and s.due_date + s.grace_days < :today
				returning s.enrolment_id, e.cpts_id, (select t.circle_only from pathway_template t where t.id = e.template_id)""")
			.param("today", today).query((rs, n) -> new Marked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3))).list();
		if (marked.isEmpty()) {
			return new Run(0, 0);
		}
		// how many new ruptures each person hears of: circle members for their circles, coordinators for their CPTS
		Map<UUID, Integer> perEnrolment = new HashMap<>();
		Map<UUID, UUID> cptsOf = new HashMap<>();
		marked.forEach(m -> {
			perEnrolment.merge(m.enrolment(), 1, Integer::sum);
			cptsOf.put(m.enrolment(), m.cpts());
		});
		Map<UUID, List<UUID>> entriesByEnrolment = new HashMap<>();
		Set<UUID> entries = new HashSet<>();
		jdbc.sql("select enrolment_id, coalesce(practitioner_id, organization_id) from pathway_circle_member where enrolment_id = any(:e) and removed_at is null")
			.param("e", perEnrolment.keySet().toArray(UUID[]::new)).query((rs, n) -> {
				UUID entry = rs.getObject(2, UUID.class);
				entries.add(entry);
				return entriesByEnrolment.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(entry);
			}).list();
		Map<UUID, List<UUID>> accountsOf = links.accountsOf(entries);
		Map<UUID, Map<UUID, Integer>> count = new LinkedHashMap<>(); // user → cpts → ruptures
		perEnrolment.forEach((enrolment, n) -> {
			UUID cpts = cptsOf.get(enrolment);
			Set<UUID> users = new HashSet<>();
			entriesByEnrolment.getOrDefault(enrolment, List.of()).forEach(e -> users.addAll(accountsOf.getOrDefault(e, List.of())));
			users.forEach(u -> count.computeIfAbsent(u, k -> new HashMap<>()).merge(cpts, n, Integer::sum));
		});
		Map<UUID, Integer> perCpts = new HashMap<>();
		// coordinators hear of the ruptures they may open: not those of a circle-only pathway (a therapeutic education team's)
		marked.stream().filter(m -> !m.circleOnly()).forEach(m -> perCpts.merge(m.cpts(), 1, Integer::sum));
		perCpts.forEach((cpts, n) -> accounts.holdersOf(cpts, Role.COORDINATOR)
			.forEach(u -> count.computeIfAbsent(u, k -> new HashMap<>()).merge(cpts, n, Math::max)));
		List<Notice> notices = new ArrayList<>();
		count.forEach((user, byCpts) -> byCpts.forEach((cpts, n) -> notices.add(Notice.of(user, cpts, KIND, messages.get("pathways.rupture.title", n),
				messages.get("pathways.rupture.body", n), "/cpts/" + cpts + "/parcours"))));
		notifications.send(notices);
		return new Run(marked.size(), notices.size());
	}

	/** The open ruptures of a CPTS, oldest first, for its coordinators. */
	public List<Open> open(UUID cptsId) {
		access.requireCoordinatorForPatients(cptsId);
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		return jdbc.sql("""
				select s.id, s.enrolment_id, t.name, s.title, s.role, s.due_date, :today - (s.due_date + s.grace_days) as late
				from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id join pathway_template t on t.id = e.template_id
				where e.cpts_id = :c and e.status = 'ACTIVE' and not t.circle_only and s.status = 'DUE' and s.overdue_at is not null order by s.due_date limit 500""")
			.param("c", cptsId).param("today", today)
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					PathwayRole.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getLong(7)))
			.list();
	}
}
