package fr.maillage.oncall;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Organization;
import fr.maillage.directory.OrganizationKind;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.Problems;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.reference.ListResolution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-call rosters of a CPTS: a kind (who takes turns), a sector (communes), the turns' pattern and
 * hours; the month's shifts prepared from them, each assigned to a pharmacy or a professional of
 * the sector (by hand, or in turn, least-recently-on-duty first); a shift with nobody is a gap.
 * The coordinator, or the people a roster is delegated to, build them; every member reads them.
 */
@Service
public class Rosters {

	/** How far ahead a month may be prepared. */
	public static final int MAX_MONTHS_AHEAD = 24;

	public record RosterForm(@Nullable RosterKind kind, @Nullable String name, @Nullable String sector, @Nullable RosterPattern pattern,
			@Nullable LocalTime shiftStart, @Nullable LocalTime shiftEnd, @Nullable String publicPhone, @Nullable String publicNote) {
	}

	public record Roster(UUID id, UUID cptsId, RosterKind kind, String name, List<String> sectorCommunes, RosterPattern pattern,
			LocalTime shiftStart, LocalTime shiftEnd, @Nullable String publicPhone, @Nullable String publicNote, boolean active) {
	}

	/** A turn on a roster; the assignee fields are all null for a gap. */
	public record Shift(UUID id, UUID rosterId, Instant startsAt, Instant endsAt, @Nullable UUID practitionerId, @Nullable UUID organizationId,
			@Nullable String assigneeLabel, @Nullable String address, @Nullable String communeCode, @Nullable String phone) {

		public boolean gap() {
			return assigneeLabel == null;
		}

		/** "p:" + practitioner id, "o:" + structure id, or empty for a gap: the value of the assignment forms. */
		public String assigneeKey() {
			return practitionerId != null ? "p:" + practitionerId : organizationId != null ? "o:" + organizationId : "";
		}
	}

	/** Someone who may be put on a roster, with how many turns they had over the past year (for fair turns). */
	public record Candidate(String key, String label, @Nullable String communeName, long recentTurns) {
	}

	/** The month's planning: each roster's shifts by day of start. */
	public record MonthGrid(YearMonth month, List<LocalDate> days, List<Roster> rosters, Map<UUID, Map<LocalDate, List<Shift>>> cells,
			long gaps) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final CommuneListResolver resolver;
	private final CptsService cpts;
	private final DirectorySearch directory;
	private final Organizations organizations;
	private final Accounts accounts;

	Rosters(JdbcClient jdbc, CptsAccess access, AuditLog audit, CommuneListResolver resolver, CptsService cpts, DirectorySearch directory,
			Organizations organizations, Accounts accounts) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.resolver = resolver;
		this.cpts = cpts;
		this.directory = directory;
		this.organizations = organizations;
		this.accounts = accounts;
	}

	@Transactional
	public Roster create(UUID cptsId, RosterForm form) {
		CurrentUser user = access.requireCoordinator(cptsId);
		Checked c = check(cptsId, form);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into oncall_roster (id, cpts_id, kind, name, sector_communes, pattern, shift_start, shift_end, public_phone, public_note, created_by)
				values (:id, :c, :k, :n, :s, :p, :st, :en, :ph, :no, :by)""")
			.param("id", id).param("c", cptsId).param("k", form.kind().name()).param("n", form.name().strip())
			.param("s", c.communes().toArray(String[]::new)).param("p", form.pattern().name()).param("st", form.shiftStart())
			.param("en", form.shiftEnd()).param("ph", blank(form.publicPhone())).param("no", blank(form.publicNote())).param("by", user.id()).update();
		audit.change("oncall.roster.create", "oncall_roster", id.toString(), cptsId, form.name().strip());
		return load(id);
	}

	@Transactional
	public Roster update(UUID rosterId, RosterForm form) {
		Roster r = requireManager(rosterId);
		Checked c = check(r.cptsId(), form);
		jdbc.sql("""
				update oncall_roster set kind = :k, name = :n, sector_communes = :s, pattern = :p, shift_start = :st, shift_end = :en,
				  public_phone = :ph, public_note = :no where id = :id""")
			.param("id", rosterId).param("k", form.kind().name()).param("n", form.name().strip()).param("s", c.communes().toArray(String[]::new))
			.param("p", form.pattern().name()).param("st", form.shiftStart()).param("en", form.shiftEnd()).param("ph", blank(form.publicPhone()))
			.param("no", blank(form.publicNote())).update();
		audit.change("oncall.roster.update", "oncall_roster", rosterId.toString(), r.cptsId(), form.name().strip());
		return load(rosterId);
	}

	private record Checked(List<String> communes) {
	}

	private Checked check(UUID cptsId, RosterForm form) {
		Problems problems = new Problems();
		if (form.kind() == null) {
			problems.reject("kind", "oncall.roster.kind.required");
		}
		if (form.name() == null || form.name().isBlank()) {
			problems.reject("name", "oncall.roster.name.required");
		} else if (form.name().strip().length() > 200) {
			problems.reject("name", "oncall.roster.name.tooLong");
		}
		if (form.pattern() == null) {
			problems.reject("pattern", "oncall.roster.pattern.required");
		}
		if (form.shiftStart() == null) {
			problems.reject("shiftStart", "oncall.roster.start.required");
		}
		if (form.shiftEnd() == null) {
			problems.reject("shiftEnd", "oncall.roster.end.required");
		}
		if (form.publicPhone() != null && form.publicPhone().strip().length() > 40) {
			problems.reject("publicPhone", "oncall.roster.phone.tooLong");
		} else if (form.publicPhone() != null && !form.publicPhone().isBlank() && !fr.maillage.shared.PhoneNumber.isPlausiblePublic(form.publicPhone())) {
			problems.reject("publicPhone", "oncall.roster.phone.invalid");
		}
		if (form.publicNote() != null && form.publicNote().strip().length() > 500) {
			problems.reject("publicNote", "oncall.roster.note.tooLong");
		}
		List<String> communes = new ArrayList<>();
		if (form.sector() != null && !form.sector().isBlank()) {
			var territory = cpts.territory(cptsId).communes().stream().map(t -> t.inseeCode()).toList();
			List<String> unknown = new ArrayList<>();
			List<String> outside = new ArrayList<>();
			for (ListResolution.Line line : resolver.resolve(form.sector()).lines()) {
				if (line.status() == ListResolution.Status.IGNORED) {
					continue;
				}
				if (line.status() != ListResolution.Status.RESOLVED || line.match() == null) {
					unknown.add("« " + line.text().strip() + " »");
				} else if (!territory.contains(line.match().commune().inseeCode())) {
					outside.add(line.match().commune().name());
				} else if (!communes.contains(line.match().commune().inseeCode())) {
					communes.add(line.match().commune().inseeCode());
				}
			}
			// one message for the field, naming every commune at fault
			if (!unknown.isEmpty() || !outside.isEmpty()) {
				String key = outside.isEmpty() ? "oncall.roster.sector.unknown" : unknown.isEmpty() ? "oncall.roster.sector.outside" : "oncall.roster.sector.wrong";
				problems.reject("sector", key, String.join(", ", unknown), String.join(", ", outside));
			}
		}
		problems.throwIfAny();
		return new Checked(communes);
	}

	@Transactional(readOnly = true)
	public List<Roster> list(UUID cptsId) {
		access.requireMember(cptsId);
		return jdbc.sql("select * from oncall_roster where cpts_id = :c and active order by kind, name").param("c", cptsId).query(Rosters::roster)
			.list();
	}

	@Transactional(readOnly = true)
	public Roster get(UUID rosterId) {
		Roster r = load(rosterId);
		access.requireMember(r.cptsId());
		return r;
	}

	/** Whether the signed-in user builds this roster: a coordinator of its CPTS or someone it is delegated to. */
	@Transactional(readOnly = true)
	public boolean manages(UUID rosterId) {
		Roster r = load(rosterId);
		CurrentUser user = access.requireMember(r.cptsId());
		return user.coordinates(r.cptsId()) || jdbc.sql("select exists (select 1 from oncall_roster_manager where roster_id = :r and user_id = :u)")
			.param("r", rosterId).param("u", user.id()).query(Boolean.class).single();
	}

	Roster requireManager(UUID rosterId) {
		Roster r = load(rosterId);
		if (!manages(rosterId)) {
			throw new org.springframework.security.access.AccessDeniedException("roster managers only");
		}
		return r;
	}

	/** Delegates a roster to a person of the CPTS (the association of professionals that runs it). */
	@Transactional
	public void delegate(UUID rosterId, @Nullable String email) {
		Roster r = load(rosterId);
		access.requireCoordinator(r.cptsId());
		var person = email == null || email.isBlank() ? java.util.Optional.<Accounts.Person>empty() : accounts.findPerson(email.strip());
		if (person.isEmpty() || !person.get().cpts().contains(r.cptsId())) {
			throw Problems.rejected("email", "oncall.delegate.unknown");
		}
		jdbc.sql("insert into oncall_roster_manager (roster_id, user_id) values (:r, :u) on conflict do nothing").param("r", rosterId)
			.param("u", person.get().id()).update();
		audit.change("oncall.roster.delegate", "oncall_roster", rosterId.toString(), r.cptsId(), person.get().email());
	}

	/** The people a roster is delegated to: id → display name. */
	@Transactional(readOnly = true)
	public Map<UUID, String> managers(UUID rosterId) {
		get(rosterId);
		return accounts.displayNames(jdbc.sql("select user_id from oncall_roster_manager where roster_id = :r").param("r", rosterId)
			.query(UUID.class).list());
	}

	/** Writes the month's turns that do not exist yet, as gaps; answers how many were added. */
	@Transactional
	public int prepareMonth(UUID rosterId, @Nullable YearMonth month) {
		Roster r = requireManager(rosterId);
		YearMonth now = YearMonth.now(RosterPattern.PARIS);
		if (month == null || month.isBefore(now) || month.isAfter(now.plusMonths(MAX_MONTHS_AHEAD))) {
			throw Problems.rejected("month", "oncall.month.range", MAX_MONTHS_AHEAD);
		}
		int added = writeTurns(r, month);
		audit.change("oncall.month.prepare", "oncall_roster", rosterId.toString(), r.cptsId(), month + " : " + added + " gardes");
		return added;
	}

	/** Writes the turns of a month that are missing and not over yet (idempotent; no access check: the gap job calls it too). */
	int writeTurns(Roster r, YearMonth month) {
		int added = 0;
		Instant now = Instant.now();
		for (RosterPattern.Turn t : r.pattern().turns(month, r.shiftStart(), r.shiftEnd())) {
			if (!t.end().toInstant().isAfter(now)) {
				continue; // a turn already over is history, not a gap to fill
			}
			added += jdbc.sql("insert into oncall_shift (id, roster_id, starts_at, ends_at) values (:id, :r, :s, :e) on conflict (roster_id, starts_at) do nothing")
				.param("id", UUID.randomUUID()).param("r", r.id()).param("s", Timestamp.from(t.start().toInstant()))
				.param("e", Timestamp.from(t.end().toInstant())).update();
		}
		return added;
	}

	@Transactional(readOnly = true)
	public List<Shift> shifts(UUID rosterId, Instant from, Instant to) {
		get(rosterId);
		return jdbc.sql("select * from oncall_shift where roster_id = :r and starts_at >= :f and starts_at < :t order by starts_at")
			.param("r", rosterId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(Rosters::shift).list();
	}

	public static Instant monthStart(YearMonth m) {
		return m.atDay(1).atStartOfDay(RosterPattern.PARIS).toInstant();
	}

	public static Instant monthEnd(YearMonth m) {
		return m.plusMonths(1).atDay(1).atStartOfDay(RosterPattern.PARIS).toInstant();
	}

	/** Who may be put on this roster: the pharmacies, or the professionals of its profession, practising in its sector. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(UUID rosterId) {
		Roster r = get(rosterId);
		List<String> sector = sector(r);
		Map<String, Long> turns = new HashMap<>();
		jdbc.sql("""
				select coalesce('p:' || practitioner_id, 'o:' || organization_id), count(*) from oncall_shift s join oncall_roster r on r.id = s.roster_id
				where r.cpts_id = :c and r.kind = :k and s.starts_at > now() - interval '1 year' and s.assignee_label is not null group by 1""")
			.param("c", r.cptsId()).param("k", r.kind().name()).query((rs, n) -> turns.put(rs.getString(1), rs.getLong(2))).list();
		List<Candidate> out = new ArrayList<>();
		if (r.kind().structures()) {
			for (Organization o : organizations.ofKindIn(OrganizationKind.PHARMACIE, sector)) {
				out.add(new Candidate("o:" + o.id(), o.name(), o.communeName(), turns.getOrDefault("o:" + o.id(), 0L)));
			}
		} else {
			for (Practitioner p : directory.practisingIn(sector)) {
				if (r.kind().professionCode().equals(p.professionCode())) {
					String commune = p.activities().stream().map(Practitioner.Activity::communeName).filter(java.util.Objects::nonNull).findFirst()
						.orElse(null);
					out.add(new Candidate("p:" + p.id(), p.displayName(), commune, turns.getOrDefault("p:" + p.id(), 0L)));
				}
			}
		}
		out.sort(Comparator.comparing(Candidate::label, String.CASE_INSENSITIVE_ORDER));
		return out;
	}

	private List<String> sector(Roster r) {
		return r.sectorCommunes().isEmpty() ? cpts.territory(r.cptsId()).communes().stream().map(t -> t.inseeCode()).toList() : r.sectorCommunes();
	}

	/** Puts someone on a shift ({@code key}: "p:" + professional, "o:" + pharmacy) or, with an empty key, nobody (a gap). */
	@Transactional
	public Shift assign(UUID shiftId, @Nullable String key) {
		Shift s = loadShift(shiftId);
		Roster r = requireManager(s.rosterId());
		if (key == null || key.isBlank()) {
			jdbc.sql("""
					update oncall_shift set practitioner_id = null, organization_id = null, assignee_label = null, assignee_address = null,
					  assignee_commune = null, assignee_phone = null, gap_notified_at = null, updated_at = now() where id = :id""")
				.param("id", shiftId).update();
			audit.change("oncall.shift.clear", "oncall_shift", shiftId.toString(), r.cptsId(), r.name() + " " + s.startsAt());
			return loadShift(shiftId);
		}
		Candidate c = candidates(r.id()).stream().filter(x -> x.key().equals(key.strip())).findFirst()
			.orElseThrow(() -> Problems.rejected("assignee", "oncall.assign.notCandidate"));
		write(shiftId, c.key());
		audit.change("oncall.shift.assign", "oncall_shift", shiftId.toString(), r.cptsId(), r.name() + " " + s.startsAt() + " : " + c.label());
		return loadShift(shiftId);
	}

	/** Writes an assignee with the contact details the directory has now. */
	void write(UUID shiftId, String key) {
		UUID id = UUID.fromString(key.substring(2));
		String label;
		String address;
		String commune;
		String phone;
		if (key.startsWith("o:")) {
			Organization o = organizations.get(id);
			label = o.name();
			address = join(o.address(), o.postcode(), o.communeName());
			commune = o.communeCode();
			phone = o.phone();
		} else {
			Practitioner p = directory.byId(id).orElseThrow(() -> Problems.rejected("assignee", "oncall.assign.notCandidate"));
			Practitioner.Activity a = p.activities().stream().filter(Practitioner.Activity::active).findFirst().orElse(null);
			label = p.displayName();
			address = a == null ? null : join(a.address(), a.postcode(), a.communeName());
			commune = a == null ? null : a.communeCode();
			phone = a != null && a.phone() != null ? a.phone() : p.phone();
		}
		jdbc.sql("""
				update oncall_shift set practitioner_id = :p, organization_id = :o, assignee_label = :l, assignee_address = :a, assignee_commune = :c,
				  assignee_phone = :ph, updated_at = now() where id = :id""")
			.param("id", shiftId).param("p", key.startsWith("p:") ? id : null).param("o", key.startsWith("o:") ? id : null).param("l", label)
			.param("a", address).param("c", commune).param("ph", phone).update();
	}

	private static @Nullable String join(@Nullable String address, @Nullable String postcode, @Nullable String commune) {
		String tail = ((postcode == null ? "" : postcode + " ") + (commune == null ? "" : commune)).strip();
		String all = ((address == null ? "" : address.strip()) + (tail.isEmpty() ? "" : ", " + tail)).strip();
		return all.isEmpty() || all.equals(",") ? null : all.replaceFirst("^, ", "");
	}

	/**
	 * Fills the month's gaps in turn: candidates who had the fewest turns over the past year first
	 * (then by name), never the same one twice in a row; answers how many shifts were filled.
	 */
	@Transactional
	public int fillInTurn(UUID rosterId, @Nullable YearMonth month) {
		Roster r = requireManager(rosterId);
		if (month == null) {
			throw Problems.rejected("month", "oncall.month.range", MAX_MONTHS_AHEAD);
		}
		List<Candidate> candidates = new ArrayList<>(candidates(rosterId));
		if (candidates.isEmpty()) {
			throw Problems.rejected("assignee", "oncall.fill.noCandidate");
		}
		candidates.sort(Comparator.comparingLong(Candidate::recentTurns).thenComparing(Candidate::label, String.CASE_INSENSITIVE_ORDER));
		List<Shift> all = shifts(rosterId, monthStart(month), monthEnd(month));
		Map<String, Long> load = new LinkedHashMap<>();
		candidates.forEach(c -> load.put(c.key(), c.recentTurns()));
		int filled = 0;
		String previous = null;
		for (Shift s : all) {
			if (!s.gap()) {
				previous = s.assigneeKey();
				continue;
			}
			if (!s.endsAt().isAfter(Instant.now())) {
				continue;
			}
			String pick = null;
			for (Candidate c : candidates) {
				if (candidates.size() > 1 && c.key().equals(previous)) {
					continue;
				}
				if (pick == null || load.get(c.key()) < load.get(pick)) {
					pick = c.key();
				}
			}
			write(s.id(), pick);
			load.merge(pick, 1L, Long::sum);
			previous = pick;
			filled++;
		}
		audit.change("oncall.month.fill", "oncall_roster", rosterId.toString(), r.cptsId(), month + " : " + filled + " gardes attribuées");
		return filled;
	}

	/** The month of every roster of the CPTS, for the planning grid. */
	@Transactional(readOnly = true)
	public MonthGrid grid(UUID cptsId, YearMonth month) {
		List<Roster> rosters = list(cptsId);
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			days.add(d);
		}
		Map<UUID, Map<LocalDate, List<Shift>>> cells = new HashMap<>();
		long gaps = 0;
		if (!rosters.isEmpty()) {
			List<Shift> shifts = jdbc.sql("select * from oncall_shift where roster_id = any(:r) and starts_at >= :f and starts_at < :t order by starts_at")
				.param("r", rosters.stream().map(Roster::id).toArray(UUID[]::new)).param("f", Timestamp.from(monthStart(month)))
				.param("t", Timestamp.from(monthEnd(month))).query(Rosters::shift).list();
			for (Shift s : shifts) {
				LocalDate day = s.startsAt().atZone(RosterPattern.PARIS).toLocalDate();
				cells.computeIfAbsent(s.rosterId(), k -> new HashMap<>()).computeIfAbsent(day, k -> new ArrayList<>()).add(s);
				if (s.gap()) {
					gaps++;
				}
			}
		}
		return new MonthGrid(month, days, rosters, cells, gaps);
	}

	/** The shifts nobody holds yet, from now to a date, for the CPTS's members. */
	@Transactional(readOnly = true)
	public List<Shift> gaps(UUID cptsId, Instant until) {
		access.requireMember(cptsId);
		return jdbc.sql("""
				select s.* from oncall_shift s join oncall_roster r on r.id = s.roster_id
				where r.cpts_id = :c and r.active and s.assignee_label is null and s.ends_at > now() and s.starts_at < :u order by s.starts_at""")
			.param("c", cptsId).param("u", Timestamp.from(until)).query(Rosters::shift).list();
	}

	Roster load(UUID rosterId) {
		return jdbc.sql("select * from oncall_roster where id = :id").param("id", rosterId).query(Rosters::roster).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
	}

	Shift loadShift(UUID shiftId) {
		return jdbc.sql("select * from oncall_shift where id = :id").param("id", shiftId).query(Rosters::shift).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
	}

	static Roster roster(ResultSet rs, int n) throws SQLException {
		String[] communes = (String[]) rs.getArray("sector_communes").getArray();
		return new Roster(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), RosterKind.valueOf(rs.getString("kind")),
				rs.getString("name"), Arrays.asList(communes), RosterPattern.valueOf(rs.getString("pattern")),
				rs.getObject("shift_start", LocalTime.class), rs.getObject("shift_end", LocalTime.class), rs.getString("public_phone"),
				rs.getString("public_note"), rs.getBoolean("active"));
	}

	static Shift shift(ResultSet rs, int n) throws SQLException {
		return new Shift(rs.getObject("id", UUID.class), rs.getObject("roster_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getObject("practitioner_id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("assignee_label"), rs.getString("assignee_address"), rs.getString("assignee_commune"), rs.getString("assignee_phone"));
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
