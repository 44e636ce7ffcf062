package fr.maillage.crisis;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.AlertStore;
import fr.maillage.crisis.internal.ShiftStore;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites a crisis opens (a vaccination centre…) and their volunteer shifts: the cell opens a
 * site and its shifts with their needs per role; any professional of the CPTS signs up from their
 * phone (exactly as many as needed, decided under the shift's lock), withdraws; the gaps are sent to
 * those who said they were available; the counts of the day are entered at the end of each shift.
 */
@Service
public class Sites {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	public static final String KIND_GAP = "crisis.gap";

	/** A site with its shifts and who signed up, and what the signed-in user holds. */
	public record Planning(Crisis crisis, ShiftStore.Site site, List<Shift> shifts, List<ShiftStore.Signup> signups, Set<UUID> mine, boolean leader,
			UUID me) {
	}

	private final ShiftStore store;
	private final Crises crises;
	private final CrisisPlans access;
	private final CptsAccess cptsAccess;
	private final AccountLinks links;
	private final AlertStore alerts;
	private final Notifications notifications;
	private final Messages messages;
	private final AuditLog audit;

	Sites(ShiftStore store, Crises crises, CrisisPlans access, CptsAccess cptsAccess, AccountLinks links, AlertStore alerts, Notifications notifications,
			Messages messages, AuditLog audit) {
		this.store = store;
		this.crises = crises;
		this.access = access;
		this.cptsAccess = cptsAccess;
		this.links = links;
		this.alerts = alerts;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
	}

	@Transactional
	public ShiftStore.Site open(UUID crisisId, @Nullable String name, @Nullable String kind, @Nullable String address, @Nullable String communeCode) {
		Crisis c = crises.find(crisisId);
		CurrentUser user = access.requireLeader(c.cptsId());
		c.requireActive();
		Problems problems = new Problems();
		if (name == null || name.isBlank()) {
			problems.reject("name", "crisis.site.name");
		}
		if (kind == null || !kind.matches("VACCINATION|CONSULTATION|SCREENING|OTHER")) {
			problems.reject("kind", "crisis.site.kind");
		}
		if (communeCode != null && !communeCode.isBlank() && !communeCode.strip().matches("\\d[0-9AB]\\d{3}")) {
			problems.reject("communeCode", "crisis.plan.resource.communeInvalid");
		}
		problems.throwIfAny();
		ShiftStore.Site s = new ShiftStore.Site(UUID.randomUUID(), crisisId, name.strip(), kind, blank(address), blank(communeCode));
		store.insertSite(s, user.id());
		audit.change("crisis.site.opened", "crisis_site", s.id().toString(), c.cptsId(), s.name());
		return s;
	}

	public List<ShiftStore.Site> of(UUID crisisId) {
		crises.get(crisisId);
		return store.sites(crisisId);
	}

	/** Adds shifts from {@code start} to {@code end} on {@code day} and the {@code days - 1} following days, each with these needs; how many. */
	@Transactional
	public int addShifts(UUID siteId, @Nullable LocalDate day, @Nullable LocalTime start, @Nullable LocalTime end, int days, Map<Shift.Role, String> needs) {
		ShiftStore.Site s = store.site(siteId).orElseThrow(NotFoundException::new);
		Crisis c = crises.find(s.crisisId());
		access.requireLeader(c.cptsId());
		c.requireActive();
		Problems problems = new Problems();
		if (day == null) {
			problems.reject("day", "crisis.shift.day");
		}
		if (start == null || end == null) {
			problems.reject("end", "crisis.shift.hours");
		} else if (!end.isAfter(start)) {
			problems.reject("end", "crisis.shift.endsBeforeStart");
		}
		if (days < 1 || days > 31) {
			problems.reject("days", "crisis.shift.days");
		}
		Map<Shift.Role, Integer> checked = Shift.needs(needs, problems);
		problems.throwIfAny();
		for (int i = 0; i < days; i++) {
			LocalDate d = day.plusDays(i);
			store.insertShift(UUID.randomUUID(), siteId, d.atTime(start).atZone(PARIS).toInstant(), d.atTime(end).atZone(PARIS).toInstant(), checked);
		}
		audit.change("crisis.shifts.added", "crisis_site", siteId.toString(), c.cptsId(), days + " créneau(x) le " + day);
		return days;
	}

	/** A site's planning: for the CPTS's members (volunteers read the shifts and the names of who signed up). */
	@Transactional(readOnly = true)
	public Planning planning(UUID siteId) {
		ShiftStore.Site s = store.site(siteId).orElseThrow(NotFoundException::new);
		Crisis c = crises.find(s.crisisId());
		CurrentUser user = cptsAccess.requireMember(c.cptsId());
		List<ShiftStore.Signup> signups = store.signups(siteId);
		Set<UUID> mine = new HashSet<>();
		signups.stream().filter(g -> g.userId().equals(user.id())).forEach(g -> mine.add(g.shiftId()));
		return new Planning(c, s, store.shifts(siteId), signups, mine, access.mayLead(c.cptsId()), user.id());
	}

	/** The signed-in professional signs up, in the role of their profession (administrative help otherwise); exactly as many as needed. */
	@Transactional
	public Shift.Role signUp(UUID shiftId) {
		Shift shift = store.shift(shiftId, true).orElseThrow(NotFoundException::new);
		ShiftStore.Site s = store.site(shift.siteId()).orElseThrow();
		Crisis c = crises.find(s.crisisId());
		CurrentUser user = cptsAccess.requireMember(c.cptsId());
		c.requireActive();
		if (shift.endsAt().isBefore(Instant.now())) {
			throw Problems.rejected("role", "crisis.shift.past");
		}
		AccountLinks.Practice p = links.practicesOf(List.of(user.id())).get(user.id());
		Shift.Role role = Shift.Role.of(p == null ? null : p.professionCode());
		shift.checkRoom(role);
		if (!store.signUp(shiftId, user.id(), role, user.displayName())) {
			throw Problems.rejected("role", "crisis.shift.already");
		}
		return role;
	}

	@Transactional
	public void withdraw(UUID shiftId) {
		Shift shift = store.shift(shiftId, true).orElseThrow(NotFoundException::new);
		ShiftStore.Site s = store.site(shift.siteId()).orElseThrow();
		CurrentUser user = cptsAccess.requireMember(crises.find(s.crisisId()).cptsId());
		if (!store.withdraw(shiftId, user.id())) {
			throw new NotFoundException();
		}
	}

	/** The signed-in volunteer offers their place (or takes the offer back): another of the same role may take it. */
	@Transactional
	public void offer(UUID shiftId, boolean offered) {
		Shift shift = store.shift(shiftId, true).orElseThrow(NotFoundException::new);
		ShiftStore.Site s = store.site(shift.siteId()).orElseThrow();
		CurrentUser user = cptsAccess.requireMember(crises.find(s.crisisId()).cptsId());
		if (!store.askSwap(shiftId, user.id(), offered)) {
			throw new NotFoundException();
		}
	}

	/** Takes the place someone offered on a shift (same role as theirs, not already on it); the former holder is told. */
	@Transactional
	public void take(UUID shiftId, UUID from) {
		Shift shift = store.shift(shiftId, true).orElseThrow(NotFoundException::new);
		ShiftStore.Site s = store.site(shift.siteId()).orElseThrow();
		Crisis c = crises.find(s.crisisId());
		CurrentUser user = cptsAccess.requireMember(c.cptsId());
		c.requireActive();
		AccountLinks.Practice p = links.practicesOf(List.of(user.id())).get(user.id());
		Shift.Role mine = Shift.Role.of(p == null ? null : p.professionCode());
		List<ShiftStore.Signup> onShift = store.signups(s.id()).stream().filter(g -> g.shiftId().equals(shiftId)).toList();
		ShiftStore.Signup offered = onShift.stream().filter(g -> g.userId().equals(from) && g.swapAsked()).findFirst()
			.orElseThrow(() -> Problems.rejected("swap", "crisis.swap.gone"));
		if (offered.role() != mine) {
			throw Problems.rejected("swap", "crisis.swap.role");
		}
		if (onShift.stream().anyMatch(g -> g.userId().equals(user.id()))) {
			throw Problems.rejected("swap", "crisis.shift.already");
		}
		store.takeOffered(shiftId, from, user.id(), user.displayName()).orElseThrow(() -> Problems.rejected("swap", "crisis.swap.gone"));
		notifications.send(List.of(Notice.of(from, c.cptsId(), KIND_GAP, messages.get("crisis.swap.taken.title", s.name()),
				messages.get("crisis.swap.taken.body", user.displayName()), "/crises/sites/" + s.id())));
		audit.change("crisis.swap.taken", "crisis_shift", shiftId.toString(), c.cptsId(), offered.label() + " → " + user.displayName());
	}

	/** Tells those who said they were available (now or within 24 h), and are not signed up, that shifts have gaps; how many were told. */
	@Transactional
	public int sendGaps(UUID siteId) {
		Planning p = planning(siteId);
		access.requireLeader(p.crisis().cptsId());
		long gaps = p.shifts().stream().filter(x -> x.startsAt().isAfter(Instant.now())).mapToInt(Shift::gaps).sum();
		if (gaps == 0) {
			throw Problems.rejected("gaps", "crisis.shift.noGap");
		}
		List<UUID> available = alerts.availableNotSignedUp(p.crisis().id(), siteId);
		String title = messages.get("crisis.gap.title", p.site().name());
		String body = messages.get("crisis.gap.body", gaps);
		notifications.send(available.stream().map(u -> new Notice(u, p.crisis().cptsId(), KIND_GAP, title, body, "/crises/sites/" + siteId, true)).toList());
		audit.change("crisis.gaps.sent", "crisis_site", siteId.toString(), p.crisis().cptsId(), available.size() + " professionnels");
		return available.size();
	}

	/** The counts of the day, entered at the end of a shift (by the cell). */
	@Transactional
	public void count(UUID shiftId, @Nullable String doses, @Nullable String consultations) {
		Shift shift = store.shift(shiftId, false).orElseThrow(NotFoundException::new);
		ShiftStore.Site s = store.site(shift.siteId()).orElseThrow();
		Crisis c = crises.find(s.crisisId());
		CurrentUser user = access.requireLeader(c.cptsId());
		Problems problems = new Problems();
		Integer d = number(doses, "doses", problems);
		Integer k = number(consultations, "consultations", problems);
		problems.throwIfAny();
		store.saveCounts(shiftId, d, k, user.id());
		audit.change("crisis.shift.counted", "crisis_shift", shiftId.toString(), c.cptsId(), d + " doses, " + k + " consultations");
	}

	private static @Nullable Integer number(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		if (!typed.strip().matches("\\d{1,6}")) {
			problems.reject(field, "crisis.shift.count");
			return null;
		}
		return Integer.valueOf(typed.strip());
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
