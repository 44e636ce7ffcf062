package fr.maillage.oncall;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Swaps of turns between two on a roster, with both consents: the one on duty for the first turn
 * asks, the one on duty for the second accepts or refuses; a coordinator (or the roster's manager)
 * may record a consent collected by phone, with a note saying so. Accepting exchanges both turns at
 * once, provided nobody changed them in between.
 */
@Service
public class Swaps {

	public static final String KIND_SWAP = "oncall.swap";

	public enum Status {
		PROPOSED, ACCEPTED, REFUSED, CANCELLED
	}

	public record Swap(UUID id, Rosters.Shift a, Rosters.Shift b, Status status, UUID requestedBy, @Nullable String aConsentNote,
			@Nullable String bConsentNote, @Nullable String note, Instant createdAt, @Nullable Instant decidedAt) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM HH'h'mm", Locale.FRENCH).withZone(RosterPattern.PARIS);

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final Rosters rosters;
	private final AccountLinks links;
	private final Accounts accounts;
	private final Notifications notifications;
	private final Messages messages;

	Swaps(JdbcClient jdbc, CptsAccess access, AuditLog audit, Rosters rosters, AccountLinks links, Accounts accounts, Notifications notifications,
			Messages messages) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.rosters = rosters;
		this.links = links;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
	}

	/** Whether the user is the one on duty for this shift (the professional, or someone acting for the pharmacy). */
	boolean holds(CurrentUser user, Rosters.Shift s) {
		if (s.practitionerId() != null) {
			return links.practitionerOf(user.id()).map(s.practitionerId()::equals).orElse(false);
		}
		return s.organizationId() != null && links.actsFor(user.id(), s.organizationId());
	}

	/** Asks to exchange shift {@code a} (held by the asker, or recorded by a manager with a note) for shift {@code b}. */
	@Transactional
	public Swap propose(@Nullable UUID shiftA, @Nullable UUID shiftB, @Nullable String consentNote, @Nullable String note) {
		if (shiftA == null || shiftB == null) {
			throw Problems.rejected("shiftB", "oncall.swap.shifts.required");
		}
		Rosters.Shift a = rosters.loadShift(shiftA);
		Rosters.Roster roster = rosters.get(a.rosterId());
		CurrentUser user = access.requireMember(roster.cptsId());
		Rosters.Shift b = rosters.loadShift(shiftB);
		boolean holder = holds(user, a);
		boolean manager = rosters.manages(roster.id());
		if (!holder && !manager) {
			throw new org.springframework.security.access.AccessDeniedException("own shifts only");
		}
		Problems problems = new Problems();
		if (!b.rosterId().equals(a.rosterId())) {
			problems.reject("shiftB", "oncall.swap.sameRoster");
		} else if (a.gap() || b.gap()) {
			problems.reject("shiftB", "oncall.swap.gap");
		} else if (a.assigneeKey().equals(b.assigneeKey())) {
			problems.reject("shiftB", "oncall.swap.samePerson");
		} else if (a.startsAt().isBefore(Instant.now()) || b.startsAt().isBefore(Instant.now())) {
			problems.reject("shiftB", "oncall.swap.past");
		}
		if (!holder && (consentNote == null || consentNote.isBlank())) {
			problems.reject("consentNote", "oncall.swap.consentNote.required");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into oncall_swap (id, shift_a, shift_b, a_practitioner_id, a_organization_id, b_practitioner_id, b_organization_id, status,
					  requested_by, a_consent_note, note)
					values (:id, :a, :b, :ap, :ao, :bp, :bo, 'PROPOSED', :by, :cn, :no)""")
				.param("id", id).param("a", a.id()).param("b", b.id()).param("ap", a.practitionerId()).param("ao", a.organizationId())
				.param("bp", b.practitionerId()).param("bo", b.organizationId()).param("by", user.id())
				.param("cn", holder ? null : consentNote.strip()).param("no", blank(note)).update();
		} catch (org.springframework.dao.DuplicateKeyException ex) {
			throw Problems.rejected("shiftB", "oncall.swap.alreadyOpen");
		}
		audit.change("oncall.swap.propose", "oncall_swap", id.toString(), roster.cptsId(), a.assigneeLabel() + " ↔ " + b.assigneeLabel());
		tell(roster, holdersOf(b), messages.get("oncall.swap.notice.title"),
				messages.get("oncall.swap.notice.body", a.assigneeLabel(), DAY.format(b.startsAt()), DAY.format(a.startsAt())));
		return get(id);
	}

	/** The one on duty for the second shift agrees (or a manager records their agreement with a note): both turns are exchanged. */
	@Transactional
	public Swap accept(UUID swapId, @Nullable String consentNote) {
		Swap s = get(swapId);
		Rosters.Roster roster = rosters.get(s.a().rosterId());
		CurrentUser user = access.requireMember(roster.cptsId());
		if (s.status() != Status.PROPOSED) {
			throw Problems.rejected("swap", "oncall.swap.notOpen");
		}
		boolean holder = holds(user, s.b());
		if (!holder && !rosters.manages(roster.id())) {
			throw new org.springframework.security.access.AccessDeniedException("the other party only");
		}
		if (!holder && (consentNote == null || consentNote.isBlank())) {
			throw Problems.rejected("consentNote", "oncall.swap.consentNote.required");
		}
		// both turns locked, then checked unchanged since the proposal
		List<Rosters.Shift> locked = jdbc.sql("select * from oncall_shift where id in (:a, :b) order by id for update").param("a", s.a().id())
			.param("b", s.b().id()).query(Rosters::shift).list();
		Rosters.Shift a = locked.stream().filter(x -> x.id().equals(s.a().id())).findFirst().orElseThrow();
		Rosters.Shift b = locked.stream().filter(x -> x.id().equals(s.b().id())).findFirst().orElseThrow();
		boolean unchanged = jdbc.sql("""
				select a_practitioner_id is not distinct from :ap and a_organization_id is not distinct from :ao
				  and b_practitioner_id is not distinct from :bp and b_organization_id is not distinct from :bo from oncall_swap where id = :id""")
			.param("ap", a.practitionerId()).param("ao", a.organizationId()).param("bp", b.practitionerId()).param("bo", b.organizationId())
			.param("id", swapId).query(Boolean.class).single();
		if (!unchanged || a.startsAt().isBefore(Instant.now())) {
			throw Problems.rejected("swap", "oncall.swap.changed");
		}
		String keyA = a.assigneeKey();
		String keyB = b.assigneeKey();
		rosters.write(a.id(), keyB);
		rosters.write(b.id(), keyA);
		jdbc.sql("update oncall_swap set status = 'ACCEPTED', decided_by = :u, decided_at = now(), b_consent_note = :n where id = :id")
			.param("u", user.id()).param("n", holder ? null : consentNote.strip()).param("id", swapId).update();
		audit.change("oncall.swap.accept", "oncall_swap", swapId.toString(), roster.cptsId(), a.assigneeLabel() + " ↔ " + b.assigneeLabel());
		Set<UUID> told = new LinkedHashSet<>(holdersOf(a));
		told.addAll(accounts.holdersOf(roster.cptsId(), Role.COORDINATOR));
		tell(roster, told, messages.get("oncall.swap.accepted.title"),
				messages.get("oncall.swap.accepted.body", a.assigneeLabel(), DAY.format(a.startsAt()), b.assigneeLabel(), DAY.format(b.startsAt())));
		return get(swapId);
	}

	/** The other party (or a manager) says no; nothing changes on the roster. */
	@Transactional
	public Swap refuse(UUID swapId, @Nullable String note) {
		return close(swapId, Status.REFUSED, note);
	}

	/** The asker (or a manager) withdraws the proposal. */
	@Transactional
	public Swap cancel(UUID swapId) {
		return close(swapId, Status.CANCELLED, null);
	}

	private Swap close(UUID swapId, Status status, @Nullable String note) {
		Swap s = get(swapId);
		Rosters.Roster roster = rosters.get(s.a().rosterId());
		CurrentUser user = access.requireMember(roster.cptsId());
		boolean party = status == Status.REFUSED ? holds(user, s.b()) : s.requestedBy().equals(user.id()) || holds(user, s.a());
		if (!party && !rosters.manages(roster.id())) {
			throw new org.springframework.security.access.AccessDeniedException("parties only");
		}
		int changed = jdbc.sql("""
				update oncall_swap set status = :s, decided_by = :u, decided_at = now(), note = coalesce(:n, note) where id = :id and status = 'PROPOSED'""")
			.param("s", status.name()).param("u", user.id()).param("n", blank(note)).param("id", swapId).update();
		if (changed == 0) {
			throw Problems.rejected("swap", "oncall.swap.notOpen");
		}
		audit.change(status == Status.REFUSED ? "oncall.swap.refused" : "oncall.swap.cancelled", "oncall_swap", swapId.toString(), roster.cptsId(), null);
		if (status == Status.REFUSED) {
			tell(roster, holdersOf(s.a()), messages.get("oncall.swap.refused.title"),
					messages.get("oncall.swap.refused.body", s.b().assigneeLabel(), DAY.format(s.b().startsAt())));
		}
		return get(swapId);
	}

	@Transactional(readOnly = true)
	public Swap get(UUID swapId) {
		Swap s = jdbc.sql("select * from oncall_swap where id = :id").param("id", swapId).query((rs, n) -> new Swap(rs.getObject("id", UUID.class),
				rosters.loadShift(rs.getObject("shift_a", UUID.class)), rosters.loadShift(rs.getObject("shift_b", UUID.class)),
				Status.valueOf(rs.getString("status")), rs.getObject("requested_by", UUID.class), rs.getString("a_consent_note"),
				rs.getString("b_consent_note"), rs.getString("note"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant()))
			.optional().orElseThrow(CptsAccess.NotVisibleException::new);
		rosters.get(s.a().rosterId());
		return s;
	}

	/** The open proposals of a roster (for its managers and members). */
	@Transactional(readOnly = true)
	public List<Swap> openOn(UUID rosterId) {
		rosters.get(rosterId);
		return jdbc.sql("""
				select w.id from oncall_swap w join oncall_shift s on s.id = w.shift_a where s.roster_id = :r and w.status = 'PROPOSED'
				order by w.created_at""").param("r", rosterId).query(UUID.class).list().stream().map(this::get).toList();
	}

	/** The open proposals that concern the signed-in user: asked by them, or waiting for their answer. */
	@Transactional(readOnly = true)
	public List<Swap> mine() {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		return jdbc.sql("""
				select id from oncall_swap where status = 'PROPOSED' and (requested_by = :u or a_practitioner_id = :p or b_practitioner_id = :p
				  or a_organization_id = any(:o) or b_organization_id = any(:o)) order by created_at""")
			.param("u", user.id()).param("p", me.practitionerId()).param("o", me.organizations()).query(UUID.class).list().stream().map(this::get).toList();
	}

	/** The accounts that answer for a shift's holder (the professional's, or the pharmacy's staff). */
	List<UUID> holdersOf(Rosters.Shift s) {
		if (s.practitionerId() != null) {
			return links.accountOf(s.practitionerId()).map(List::of).orElse(List.of());
		}
		return s.organizationId() == null ? List.of() : links.staffAccounts(s.organizationId());
	}

	private void tell(Rosters.Roster roster, java.util.Collection<UUID> users, String title, String body) {
		List<Notice> notices = new ArrayList<>();
		for (UUID u : new LinkedHashSet<>(users)) {
			notices.add(Notice.of(u, roster.cptsId(), KIND_SWAP, title, body, "/gardes"));
		}
		notifications.send(notices);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
