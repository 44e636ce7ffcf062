package fr.maillage.unscheduledcare;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Organization;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.Problems;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.PublicHolidays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing unscheduled-care slots: one at a time, or by a recurring rule ("du lundi au vendredi,
 * 8 h–12 h, toutes les 20 minutes", "10 créneaux par jour") materialised over a rolling horizon,
 * public holidays and declared absences left out. A professional publishes their own, the people
 * of a structure its slots, a coordinator anyone's in their CPTS.
 */
@Service
public class Slots {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	/** How far ahead recurring rules are materialised. */
	public static final int HORIZON_WEEKS = 8;
	/** The most slots one rule may produce over its first year. */
	public static final int MAX_RULE_SLOTS = 10_000;

	/** Who offers: a professional or a structure (exactly one). */
	public record Owner(@Nullable UUID practitionerId, @Nullable UUID organizationId) {
	}

	public record SlotForm(@Nullable UUID cptsId, Owner owner, @Nullable SlotKind kind, @Nullable String profession, @Nullable String siteLabel,
			@Nullable String commune, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt) {
	}

	public record RuleForm(@Nullable UUID cptsId, Owner owner, @Nullable SlotKind kind, @Nullable String profession, @Nullable String siteLabel,
			@Nullable String commune, @Nullable Set<DayOfWeek> days, @Nullable LocalTime dayStart, @Nullable LocalTime dayEnd,
			@Nullable Integer slotMinutes, @Nullable Integer perDay, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
			boolean skipHolidays) {
	}

	public record Published(@Nullable UUID ruleId, List<UUID> slotIds, int count) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final CptsAccess access;
	private final AuditLog audit;
	private final AccountLinks links;
	private final DirectorySearch directory;
	private final Organizations organizations;
	private final CommuneDirectory communes;

	Slots(JdbcClient jdbc, JdbcTemplate template, CptsAccess access, AuditLog audit, AccountLinks links, DirectorySearch directory,
			Organizations organizations, CommuneDirectory communes) {
		this.jdbc = jdbc;
		this.template = template;
		this.access = access;
		this.audit = audit;
		this.links = links;
		this.directory = directory;
		this.organizations = organizations;
		this.communes = communes;
	}

	/** One slot. */
	@Transactional
	public Published publish(SlotForm form) {
		Problems problems = new Problems();
		Resolved owner = owner(form.cptsId(), form.owner(), form.profession(), form.commune(), form.kind(), problems);
		if (form.startsAt() == null) {
			problems.reject("startsAt", "snp.slot.start.required");
		} else if (form.startsAt().atZone(PARIS).toInstant().isBefore(Instant.now())) {
			problems.reject("startsAt", "snp.slot.start.past");
		}
		if (form.endsAt() == null) {
			problems.reject("endsAt", "snp.slot.end.required");
		} else if (form.startsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
			problems.reject("endsAt", "snp.slot.end.beforeStart");
		} else if (form.startsAt() != null && form.endsAt().isAfter(form.startsAt().plusHours(24))) {
			problems.reject("endsAt", "snp.slot.end.tooLong");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into snp_slot (id, cpts_id, practitioner_id, organization_id, owner_label, kind, profession_code, site_label, commune_code,
				  starts_at, ends_at)
				values (:id, :c, :p, :o, :label, :kind, :prof, :site, :commune, :s, :e)""")
			.param("id", id).param("c", form.cptsId()).param("p", form.owner().practitionerId()).param("o", form.owner().organizationId())
			.param("label", owner.label()).param("kind", form.kind().name()).param("prof", owner.profession())
			.param("site", blank(form.siteLabel())).param("commune", owner.commune())
			.param("s", Timestamp.from(form.startsAt().atZone(PARIS).toInstant())).param("e", Timestamp.from(form.endsAt().atZone(PARIS).toInstant()))
			.update();
		audit.change("snp.slot.publish", "snp_slot", id.toString(), form.cptsId(), owner.label());
		return new Published(null, List.of(id), 1);
	}

	/** A recurring rule, refused beyond {@link #MAX_RULE_SLOTS}; its first {@link #HORIZON_WEEKS} weeks are materialised now. */
	@Transactional
	public Published publish(RuleForm form) {
		Problems problems = new Problems();
		Resolved owner = owner(form.cptsId(), form.owner(), form.profession(), form.commune(), form.kind(), problems);
		if (form.days() == null || form.days().isEmpty()) {
			problems.reject("days", "snp.rule.days.required");
		}
		if (form.dayStart() == null) {
			problems.reject("dayStart", "snp.rule.start.required");
		}
		if (form.dayEnd() == null) {
			problems.reject("dayEnd", "snp.rule.end.required");
		} else if (form.dayStart() != null && !form.dayEnd().isAfter(form.dayStart())) {
			problems.reject("dayEnd", "snp.slot.end.beforeStart");
		}
		if (form.slotMinutes() == null || form.slotMinutes() < 5 || form.slotMinutes() > 480) {
			problems.reject("slotMinutes", "snp.rule.minutes.range");
		}
		if (form.perDay() != null && (form.perDay() < 1 || form.perDay() > 200)) {
			problems.reject("perDay", "snp.rule.perDay.range");
		}
		LocalDate today = LocalDate.now(PARIS);
		LocalDate from = form.validFrom() == null ? today : form.validFrom();
		if (from.isBefore(today)) {
			problems.reject("validFrom", "snp.rule.from.past");
		}
		if (form.validUntil() != null && form.validUntil().isBefore(from)) {
			problems.reject("validUntil", "snp.rule.until.beforeFrom");
		}
		if (!problems.any()) {
			LocalDate yearEnd = from.plusYears(1).minusDays(1);
			LocalDate countUntil = form.validUntil() == null || form.validUntil().isAfter(yearEnd) ? yearEnd : form.validUntil();
			long count = occurrences(form, from, countUntil, List.of()).size();
			if (count > MAX_RULE_SLOTS) {
				problems.reject("slotMinutes", "snp.rule.tooMany", count, MAX_RULE_SLOTS);
			} else if (count == 0) {
				problems.reject("days", "snp.rule.none");
			}
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		int mask = 0;
		for (DayOfWeek d : form.days()) {
			mask |= 1 << (d.getValue() - 1);
		}
		jdbc.sql("""
				insert into snp_rule (id, cpts_id, practitioner_id, organization_id, owner_label, kind, profession_code, site_label, commune_code,
				  weekdays, day_start, day_end, slot_minutes, per_day, valid_from, valid_until, skip_holidays, created_by)
				values (:id, :c, :p, :o, :label, :kind, :prof, :site, :commune, :mask, :ds, :de, :min, :per, :from, :until, :skip, :by)""")
			.param("id", id).param("c", form.cptsId()).param("p", form.owner().practitionerId()).param("o", form.owner().organizationId())
			.param("label", owner.label()).param("kind", form.kind().name()).param("prof", owner.profession()).param("site", blank(form.siteLabel()))
			.param("commune", owner.commune()).param("mask", mask).param("ds", form.dayStart()).param("de", form.dayEnd())
			.param("min", form.slotMinutes()).param("per", form.perDay()).param("from", from).param("until", form.validUntil())
			.param("skip", form.skipHolidays()).param("by", access.requireUser().id()).update();
		int made = materialise(id);
		audit.change("snp.rule.publish", "snp_rule", id.toString(), form.cptsId(), owner.label() + " : " + made + " créneaux");
		return new Published(id, List.of(), made);
	}

	/** An open slot as its owner lists it. */
	public record OwnSlot(UUID id, String ownerLabel, SlotKind kind, String communeCode, @Nullable String siteLabel, Instant startsAt, Instant endsAt,
			boolean booked, @Nullable UUID ruleId) {
	}

	/** The coming slots of what the user offers (themselves, their structures), not cancelled, in time order (at most 500). */
	@Transactional(readOnly = true)
	public List<OwnSlot> mine(Instant from, Instant to) {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		return jdbc.sql("""
				select * from snp_slot where (practitioner_id = :p or organization_id = any(:o)) and starts_at >= :from and starts_at < :to
				  and cancelled_at is null order by starts_at, id limit 500""")
			.param("p", me.practitionerId()).param("o", me.organizations()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new OwnSlot(rs.getObject("id", UUID.class), rs.getString("owner_label"), SlotKind.valueOf(rs.getString("kind")),
					rs.getString("commune_code"), rs.getString("site_label"), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("booked"), rs.getObject("rule_id", UUID.class)))
			.list();
	}

	/** Withdraws a free slot: its owner or a coordinator of its CPTS; a booked one must have its booking cancelled first. */
	@Transactional
	public void withdraw(UUID slotId) {
		CurrentUser user = access.requireUser();
		var row = jdbc.sql("select cpts_id, practitioner_id, organization_id, booked, cancelled_at from snp_slot where id = :id").param("id", slotId)
			.query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4),
					rs.getTimestamp(5)})
			.optional().orElseThrow(CptsAccess.NotVisibleException::new);
		UUID cptsId = (UUID) row[0];
		boolean owner = row[1] != null ? links.practitionerOf(user.id()).map(row[1]::equals).orElse(false)
				: links.actsFor(user.id(), (UUID) row[2]);
		if (!owner && !user.has(cptsId, fr.maillage.accounts.Role.COORDINATOR)) {
			throw new CptsAccess.NotVisibleException();
		}
		if ((boolean) row[3]) {
			throw Problems.rejected("slot", "snp.withdraw.booked");
		}
		if (row[4] == null) {
			jdbc.sql("update snp_slot set cancelled_at = now(), cancel_reason = 'retiré' where id = :id").param("id", slotId).update();
			audit.change("snp.slot.withdraw", "snp_slot", slotId.toString(), cptsId, null);
		}
	}

	/** A recurring rule as its owner lists it. */
	public record OwnRule(UUID id, String ownerLabel, SlotKind kind, Set<DayOfWeek> days, LocalTime dayStart, LocalTime dayEnd, int slotMinutes,
			@Nullable Integer perDay, LocalDate validFrom, @Nullable LocalDate validUntil, long comingFree, long comingBooked) {
	}

	/** The active rules of what the user offers (themselves, their structures), with their coming free and booked slots. */
	@Transactional(readOnly = true)
	public List<OwnRule> myRules() {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		return jdbc.sql("""
				select r.*, (select count(*) from snp_slot s where s.rule_id = r.id and s.starts_at > now() and s.cancelled_at is null and not s.booked) as free,
				  (select count(*) from snp_slot s where s.rule_id = r.id and s.starts_at > now() and s.cancelled_at is null and s.booked) as taken
				from snp_rule r where r.active and (r.practitioner_id = :p or r.organization_id = any(:o)) order by r.created_at""")
			.param("p", me.practitionerId()).param("o", me.organizations())
			.query((rs, n) -> {
				RuleRow row = ruleRow(rs);
				RuleForm f = row.form();
				return new OwnRule(rs.getObject("id", UUID.class), row.label(), f.kind(), f.days(), f.dayStart(), f.dayEnd(), f.slotMinutes(), f.perDay(),
						f.validFrom(), f.validUntil(), rs.getLong("free"), rs.getLong("taken"));
			}).list();
	}

	/** What withdrawing a rule did: its coming free slots removed, the booked ones kept for the owner to cancel with a word to the booker. */
	public record RuleWithdrawn(int removed, long stillBooked) {
	}

	/** Stops a recurring rule: no more slots are written, its coming free slots go; booked ones stay. Its owner or a coordinator. */
	@Transactional
	public RuleWithdrawn withdrawRule(UUID ruleId) {
		CurrentUser user = access.requireUser();
		var rule = jdbc.sql("select * from snp_rule where id = :id and active").param("id", ruleId).query((rs, n) -> ruleRow(rs)).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
		Owner owner = rule.form().owner();
		boolean self = owner.practitionerId() != null ? links.practitionerOf(user.id()).map(owner.practitionerId()::equals).orElse(false)
				: links.actsFor(user.id(), owner.organizationId());
		if (!self && !user.has(rule.cptsId(), fr.maillage.accounts.Role.COORDINATOR)) {
			throw new CptsAccess.NotVisibleException();
		}
		jdbc.sql("update snp_rule set active = false where id = :id").param("id", ruleId).update();
		int removed = jdbc.sql("""
				update snp_slot set cancelled_at = now(), cancel_reason = 'retiré' where rule_id = :r and starts_at > now() and not booked
				  and cancelled_at is null""").param("r", ruleId).update();
		long booked = jdbc.sql("select count(*) from snp_slot where rule_id = :r and starts_at > now() and booked and cancelled_at is null")
			.param("r", ruleId).query(Long.class).single();
		audit.change("snp.rule.withdraw", "snp_rule", ruleId.toString(), rule.cptsId(), rule.label() + " : " + removed + " créneaux retirés");
		return new RuleWithdrawn(removed, booked);
	}

	/** What an absence did: the free slots it removed, and the booked ones left for the owner to cancel one by one. */
	public record AbsenceResult(UUID id, int removed, int stillBooked) {
	}

	/**
	 * An absence (holidays, training, sick leave): free slots in those days are removed and rules
	 * skip them from now on; booked slots stay, counted, for the owner to cancel with a word to the
	 * booker.
	 */
	@Transactional
	public AbsenceResult declareAbsence(@Nullable UUID cptsId, Owner owner, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String reason) {
		Problems problems = new Problems();
		mayPublishFor(cptsId, owner);
		if (from == null) {
			problems.reject("from", "snp.absence.from.required");
		}
		if (to == null) {
			problems.reject("to", "snp.absence.to.required");
		} else if (from != null && to.isBefore(from)) {
			problems.reject("to", "snp.absence.order");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into snp_absence (id, practitioner_id, organization_id, from_date, to_date, reason, created_by)
				values (:id, :p, :o, :f, :t, :r, :by)""")
			.param("id", id).param("p", owner.practitionerId()).param("o", owner.organizationId()).param("f", from).param("t", to)
			.param("r", blank(reason)).param("by", access.requireUser().id()).update();
		Timestamp start = Timestamp.from(from.atStartOfDay(PARIS).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(PARIS).toInstant());
		int removed = jdbc.sql("""
				update snp_slot set cancelled_at = now(), cancel_reason = 'absence'
				where (practitioner_id = :p or organization_id = :o) and starts_at >= :s and starts_at < :e and not booked and cancelled_at is null""")
			.param("p", owner.practitionerId()).param("o", owner.organizationId()).param("s", start).param("e", end).update();
		int booked = jdbc.sql("""
				select count(*) from snp_slot where (practitioner_id = :p or organization_id = :o) and starts_at >= :s and starts_at < :e
				  and booked and cancelled_at is null""")
			.param("p", owner.practitionerId()).param("o", owner.organizationId()).param("s", start).param("e", end).query(Integer.class).single();
		audit.change("snp.absence.declare", "snp_absence", id.toString(), cptsId, from + " – " + to + " : " + removed + " créneaux retirés");
		return new AbsenceResult(id, removed, booked);
	}

	/** Writes the rule's slots up to the horizon (idempotent); answers how many were added. */
	@Transactional
	public int materialise(UUID ruleId) {
		var rule = jdbc.sql("select * from snp_rule where id = :id and active").param("id", ruleId).query((rs, n) -> ruleRow(rs)).optional();
		if (rule.isEmpty()) {
			return 0;
		}
		RuleRow r = rule.get();
		LocalDate today = LocalDate.now(PARIS);
		LocalDate horizon = today.plusWeeks(HORIZON_WEEKS);
		LocalDate until = r.form.validUntil() == null || r.form.validUntil().isAfter(horizon) ? horizon : r.form.validUntil();
		LocalDate from = r.materialisedUntil == null ? r.form.validFrom() : r.materialisedUntil.plusDays(1);
		if (from.isBefore(today)) {
			from = today;
		}
		if (from.isAfter(until)) {
			return 0;
		}
		List<LocalDate[]> absences = jdbc.sql("""
				select from_date, to_date from snp_absence where (practitioner_id = :p or organization_id = :o) and to_date >= :from""")
			.param("p", r.form.owner().practitionerId()).param("o", r.form.owner().organizationId()).param("from", from)
			.query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).list();
		List<LocalDateTime[]> times = occurrences(r.form, from, until, absences);
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>(times.size());
		for (LocalDateTime[] t : times) {
			Instant start = t[0].atZone(PARIS).toInstant();
			if (start.isBefore(now)) {
				continue;
			}
			rows.add(new Object[] {UUID.randomUUID(), r.cptsId, ruleId, r.form.owner().practitionerId(), r.form.owner().organizationId(), r.label,
					r.form.kind().name(), r.profession, r.form.siteLabel(), r.form.commune(), Timestamp.from(start),
					Timestamp.from(t[1].atZone(PARIS).toInstant())});
		}
		int[][] done = template.batchUpdate("""
				insert into snp_slot (id, cpts_id, rule_id, practitioner_id, organization_id, owner_label, kind, profession_code, site_label,
				  commune_code, starts_at, ends_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (rule_id, starts_at) do nothing""",
				rows, 1000, (ps, row) -> {
					for (int k = 0; k < row.length; k++) {
						ps.setObject(k + 1, row[k]);
					}
				});
		jdbc.sql("update snp_rule set materialised_until = :u where id = :id").param("u", until).param("id", ruleId).update();
		int added = 0;
		for (int[] batch : done) {
			for (int n : batch) {
				added += Math.max(0, n);
			}
		}
		return added;
	}

	/** Extends every active rule to the horizon (the nightly job). */
	public int materialiseAll() {
		int added = 0;
		for (UUID id : jdbc.sql("select id from snp_rule where active and (valid_until is null or valid_until >= current_date)").query(UUID.class).list()) {
			added += materialise(id);
		}
		return added;
	}

	/** The start and end of every slot the rule gives between two dates (inclusive), in local time. */
	static List<LocalDateTime[]> occurrences(RuleForm form, LocalDate from, LocalDate until, List<LocalDate[]> absences) {
		List<LocalDateTime[]> out = new ArrayList<>();
		Set<DayOfWeek> days = form.days() == null ? EnumSet.noneOf(DayOfWeek.class) : form.days();
		for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
			if (!days.contains(d.getDayOfWeek()) || (form.skipHolidays() && PublicHolidays.isHoliday(d, false)) || absent(d, absences)) {
				continue;
			}
			int count = 0;
			for (LocalTime t = form.dayStart(); !t.plusMinutes(form.slotMinutes()).isAfter(form.dayEnd())
					&& (form.perDay() == null || count < form.perDay()); t = t.plusMinutes(form.slotMinutes())) {
				out.add(new LocalDateTime[] {d.atTime(t), d.atTime(t.plusMinutes(form.slotMinutes()))});
				count++;
				if (t.plusMinutes(form.slotMinutes()).isBefore(t)) {
					break; // past midnight
				}
			}
		}
		return out;
	}

	private static boolean absent(LocalDate d, List<LocalDate[]> absences) {
		for (LocalDate[] a : absences) {
			if (!d.isBefore(a[0]) && !d.isAfter(a[1])) {
				return true;
			}
		}
		return false;
	}

	private record Resolved(String label, String profession, String commune) {
	}

	/** Checks who publishes for whom, and fills the profession and commune from the directory when not given. */
	private Resolved owner(@Nullable UUID cptsId, Owner owner, @Nullable String profession, @Nullable String commune, @Nullable SlotKind kind,
			Problems problems) {
		mayPublishFor(cptsId, owner);
		if (kind == null) {
			problems.reject("kind", "snp.kind.required");
		}
		String label;
		String defaultProfession = null;
		String defaultCommune = null;
		if (owner.practitionerId() != null) {
			Practitioner p = directory.byIds(List.of(owner.practitionerId())).stream().findFirst().orElseThrow(CptsAccess.NotVisibleException::new);
			label = p.displayName();
			defaultProfession = p.professionCode();
			defaultCommune = p.activities().stream().filter(a -> a.active() && a.communeCode() != null).map(Practitioner.Activity::communeCode)
				.findFirst().orElse(null);
		} else {
			Organization o = organizations.get(owner.organizationId());
			label = o.name();
			defaultCommune = o.communeCode();
		}
		String prof = profession == null || profession.isBlank() ? defaultProfession : Professions.code(profession).orElse(null);
		if (prof == null) {
			problems.reject("profession", "snp.profession.unknown");
		}
		String place = commune == null || commune.isBlank() ? defaultCommune : commune.strip();
		if (place == null || communes.find(place).isEmpty()) {
			problems.reject("commune", "snp.commune.unknown");
		}
		return new Resolved(label, prof == null ? "" : prof, place == null ? "" : place);
	}

	/**
	 * Who may publish slots or declare absences for an owner: the professional themselves, the
	 * people of the structure, or a coordinator of the CPTS. Exactly one owner must be named.
	 */
	private CurrentUser mayPublishFor(@Nullable UUID cptsId, Owner owner) {
		if (cptsId == null) {
			throw Problems.rejected("cptsId", "snp.cpts.required");
		}
		CurrentUser user = access.requireMember(cptsId);
		if ((owner.practitionerId() == null) == (owner.organizationId() == null)) {
			throw Problems.rejected("owner", "snp.owner.required");
		}
		boolean self = owner.practitionerId() != null
				? links.practitionerOf(user.id()).map(owner.practitionerId()::equals).orElse(false)
				: links.actsFor(user.id(), owner.organizationId());
		if (!self && !user.coordinates(cptsId)) {
			throw new org.springframework.security.access.AccessDeniedException("own slots only");
		}
		return user;
	}

	private record RuleRow(UUID cptsId, String label, String profession, RuleForm form, @Nullable LocalDate materialisedUntil) {
	}

	private static RuleRow ruleRow(ResultSet rs) throws SQLException {
		int mask = rs.getInt("weekdays");
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			if ((mask & (1 << (d.getValue() - 1))) != 0) {
				days.add(d);
			}
		}
		UUID cpts = rs.getObject("cpts_id", UUID.class);
		RuleForm form = new RuleForm(cpts, new Owner(rs.getObject("practitioner_id", UUID.class), rs.getObject("organization_id", UUID.class)),
				SlotKind.valueOf(rs.getString("kind")), rs.getString("profession_code"), rs.getString("site_label"), rs.getString("commune_code"), days,
				rs.getObject("day_start", LocalTime.class), rs.getObject("day_end", LocalTime.class), rs.getInt("slot_minutes"),
				rs.getObject("per_day", Integer.class), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				rs.getBoolean("skip_holidays"));
		return new RuleRow(cpts, rs.getString("owner_label"), rs.getString("profession_code"), form,
				rs.getObject("materialised_until", LocalDate.class));
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
