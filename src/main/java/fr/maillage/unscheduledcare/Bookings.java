package fr.maillage.unscheduledcare;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.CrashPoint;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.CommuneDistance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding and booking unscheduled-care slots: the earliest open slots of a profession near a
 * commune, ordered by time then distance; a booking for a patient with the minimum needed; one
 * booking per slot whatever the concurrency (a unique index decides); cancellations with a reason
 * by either side; the outcome recorded by the slot's owner. A booking's patient details are seen by
 * the booker, the slot's owner and the coordinators, and every read is audited.
 */
@Service
public class Bookings {

	public static final String KIND_BOOKED = "snp.booked";
	public static final String KIND_CANCELLED = "snp.cancelled";
	public static final double MAX_RADIUS_KM = 100;
	public static final int MAX_WINDOW_DAYS = 31;

	public record Query(@Nullable String profession, @Nullable String commune, @Nullable Double radiusKm, @Nullable Instant from,
			@Nullable Instant to, @Nullable Integer limit) {
	}

	/** A slot as a search shows it. */
	public record Slot(UUID id, UUID cptsId, String ownerLabel, @Nullable UUID practitionerId, @Nullable UUID organizationId, SlotKind kind,
			String professionCode, @Nullable String siteLabel, String communeCode, String communeName, Instant startsAt, Instant endsAt,
			boolean booked, @Nullable Double distanceKm, CommuneDistance.@Nullable Basis distanceBasis) {
	}

	public record BookingForm(@Nullable String patientName, @Nullable LocalDate patientBirthDate, @Nullable String patientPhone,
			@Nullable String reason, boolean consent) {
	}

	public record Booking(UUID id, Slot slot, UUID bookedBy, String bookedByName, Instant bookedAt, String patientName,
			LocalDate patientBirthDate, String patientPhone, String reason, @Nullable Instant cancelledAt, @Nullable String cancelReason,
			@Nullable String outcome, @Nullable String outcomeNote) {
	}

	/** The slot went to someone else first; here are the next best. */
	public static class SlotTakenException extends RuntimeException {
		private final List<Slot> alternatives;

		public SlotTakenException(List<Slot> alternatives) {
			super("slot taken", null, false, false);
			this.alternatives = alternatives;
		}

		public List<Slot> alternatives() {
			return alternatives;
		}
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final CommuneDirectory communes;
	private final AuditLog audit;
	private final AccountLinks links;
	private final Notifications notifications;
	private final Messages messages;
	private final fr.maillage.accounts.Accounts accounts;

	Bookings(JdbcClient jdbc, CptsAccess access, CommuneDirectory communes, AuditLog audit, AccountLinks links, Notifications notifications,
			Messages messages, fr.maillage.accounts.Accounts accounts) {
		this.jdbc = jdbc;
		this.access = access;
		this.communes = communes;
		this.audit = audit;
		this.links = links;
		this.notifications = notifications;
		this.messages = messages;
		this.accounts = accounts;
	}

	/** The earliest open slots within reach, in the CPTS the user belongs to. */
	@Transactional(readOnly = true)
	public List<Slot> search(Query q) {
		CurrentUser user = access.requireUser();
		Problems problems = new Problems();
		String profession = q.profession() == null ? null : Professions.code(q.profession()).orElse(null);
		if (profession == null) {
			problems.reject("profession", "snp.profession.unknown");
		}
		Optional<Commune> center = q.commune() == null ? Optional.empty() : communes.find(q.commune().strip());
		if (center.isEmpty()) {
			problems.reject("commune", "snp.commune.unknown");
		}
		double radius = q.radiusKm() == null ? 15 : q.radiusKm();
		if (radius < 0 || radius > MAX_RADIUS_KM || Double.isNaN(radius)) {
			problems.reject("radiusKm", "snp.search.radius", (int) MAX_RADIUS_KM);
		}
		Instant from = q.from() == null ? Instant.now() : q.from();
		Instant to = q.to() == null ? from.plus(Duration.ofDays(7)) : q.to();
		if (!to.isAfter(from)) {
			problems.reject("to", "snp.search.window.order");
		} else if (Duration.between(from, to).toDays() > MAX_WINDOW_DAYS) {
			problems.reject("to", "snp.search.window.tooLong", MAX_WINDOW_DAYS);
		}
		problems.throwIfAny();
		int limit = q.limit() == null ? 20 : Math.clamp(q.limit(), 1, 100);
		List<String> nearby = communes.reachable(center.get().inseeCode(), radius);
		UUID[] mine = user.roles().keySet().toArray(UUID[]::new);
		// one index range per nearby commune (at most n slots each), then the earliest n of them all
		List<Slot> found = jdbc.sql("""
				select s.* from unnest(cast(:codes as text[])) as c(code)
				cross join lateral (select * from snp_slot where commune_code = c.code and profession_code = :p and starts_at >= :from
				  and starts_at < :to and cancelled_at is null and not booked and cpts_id = any(:cpts) order by starts_at limit :n) s
				order by s.starts_at, s.id limit :n""")
			.param("p", profession).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("codes", nearby.toArray(String[]::new))
			.param("cpts", mine).param("n", limit * 2)
			.query(this::slot).list();
		return withDistances(found, center.get()).stream()
			.sorted(Comparator.comparing(Slot::startsAt).thenComparing(s -> s.distanceKm() == null ? Double.MAX_VALUE : s.distanceKm())
				.thenComparing(s -> s.id().toString()))
			.limit(limit).toList();
	}

	/** Books a slot for a patient; {@link SlotTakenException} with the next best when someone was first. */
	@Transactional
	public Booking book(UUID slotId, BookingForm form) {
		CurrentUser user = access.requireUser();
		Slot slot = jdbc.sql("select * from snp_slot where id = :id").param("id", slotId).query(this::slot).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
		access.requireMember(slot.cptsId());
		Problems problems = new Problems();
		if (form.patientName() == null || form.patientName().isBlank()) {
			problems.reject("patientName", "snp.booking.name.required");
		} else if (form.patientName().length() > 200) {
			problems.reject("patientName", "patients.tooLong", 200);
		}
		if (form.patientBirthDate() == null) {
			problems.reject("patientBirthDate", "patients.birthDate.required");
		} else if (form.patientBirthDate().isAfter(LocalDate.now(Slots.PARIS))) {
			problems.reject("patientBirthDate", "patients.birthDate.future");
		}
		if (form.patientPhone() == null || !form.patientPhone().strip().matches("\\+?[0-9 .()\\-]{6,30}")) {
			problems.reject("patientPhone", "snp.booking.phone");
		}
		if (form.reason() == null || form.reason().isBlank()) {
			problems.reject("reason", "snp.booking.reason.required");
		} else if (form.reason().length() > 500) {
			problems.reject("reason", "patients.tooLong", 500);
		}
		if (!form.consent()) {
			problems.reject("consent", "snp.booking.consent");
		}
		if (slot.startsAt().isBefore(Instant.now())) {
			problems.reject("slot", "snp.booking.past");
		}
		if (jdbc.sql("select cancelled_at is not null from snp_slot where id = :id").param("id", slotId).query(Boolean.class).single()) {
			problems.reject("slot", "snp.booking.cancelledSlot");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into snp_booking (id, slot_id, booked_by, patient_name, patient_birth_date, patient_phone, reason)
				values (:id, :s, :by, :name, :birth, :phone, :reason)
				on conflict (slot_id) where cancelled_at is null do nothing""")
			.param("id", id).param("s", slotId).param("by", user.id()).param("name", form.patientName().strip())
			.param("birth", form.patientBirthDate()).param("phone", form.patientPhone().strip()).param("reason", form.reason().strip()).update();
		if (inserted == 0) {
			throw new SlotTakenException(nextBest(slot));
		}
		jdbc.sql("update snp_slot set booked = true where id = :id").param("id", slotId).update();
		CrashPoint.afterCommit("snp.booking.committed");
		audit.change("snp.booking.create", "snp_booking", id.toString(), slot.cptsId(), slot.ownerLabel());
		List<Notice> notices = new ArrayList<>();
		for (UUID owner : ownerAccounts(slot)) {
			notices.add(Notice.of(owner, slot.cptsId(), KIND_BOOKED, messages.get("snp.notice.booked.title"),
					messages.get("snp.notice.booked.body", when(slot.startsAt()), user.displayName()), "/soins-non-programmes/mes-creneaux").concerningAPatient());
		}
		if (!notices.isEmpty()) {
			notifications.send(notices); // outbox rows in this transaction: the notice exists exactly when the change does
		}
		return load(id).orElseThrow();
	}

	/** The next three open slots like this one (same profession, within 30 km, the coming week). */
	List<Slot> nextBest(Slot taken) {
		try {
			return search(new Query(taken.professionCode(), taken.communeCode(), 30.0, Instant.now(), Instant.now().plus(Duration.ofDays(7)), 3));
		} catch (Problems.RejectedException e) {
			return List.of();
		}
	}

	/** A booking with its patient's details, for the booker, the slot's owner and the coordinators; audited. */
	@Transactional(readOnly = true)
	public Booking get(UUID bookingId) {
		Booking b = load(bookingId).orElseThrow(CptsAccess.NotVisibleException::new);
		if (!maySee(b)) {
			throw new CptsAccess.NotVisibleException();
		}
		audit.read("snp.booking.read", "snp_booking", bookingId.toString(), b.slot().cptsId(), null);
		return b;
	}

	/** Cancels with a reason: the booker, the slot's owner or a coordinator; the slot opens again. */
	@Transactional
	public void cancel(UUID bookingId, @Nullable String reason) {
		CurrentUser user = access.requireUser();
		Booking b = load(bookingId).orElseThrow(CptsAccess.NotVisibleException::new);
		if (!maySee(b)) {
			throw new CptsAccess.NotVisibleException();
		}
		if (reason == null || reason.isBlank()) {
			throw Problems.rejected("reason", "snp.cancel.reason");
		}
		if (b.cancelledAt() != null) {
			throw Problems.rejected("reason", "snp.cancel.already");
		}
		jdbc.sql("update snp_booking set cancelled_at = now(), cancelled_by = :u, cancel_reason = :r where id = :id")
			.param("u", user.id()).param("r", reason.strip()).param("id", bookingId).update();
		jdbc.sql("update snp_slot set booked = false where id = :id").param("id", b.slot().id()).update();
		audit.change("snp.booking.cancel", "snp_booking", bookingId.toString(), b.slot().cptsId(), reason.strip());
		List<UUID> others = new ArrayList<>(ownerAccounts(b.slot()));
		others.add(b.bookedBy());
		others.remove(user.id());
		List<Notice> notices = others.stream().distinct().map(u -> Notice.of(u, b.slot().cptsId(), KIND_CANCELLED, messages.get("snp.notice.cancelled.title"),
				messages.get("snp.notice.cancelled.body", when(b.slot().startsAt()), reason.strip()), "/soins-non-programmes/mes-creneaux").concerningAPatient())
			.toList();
		if (!notices.isEmpty()) {
			notifications.send(notices); // outbox rows in this transaction: the notice exists exactly when the change does
		}
	}

	/** What happened: honoured, not honoured, redirected; the slot's owner or a coordinator. */
	@Transactional
	public void outcome(UUID bookingId, @Nullable String outcome, @Nullable String note) {
		CurrentUser user = access.requireUser();
		Booking b = load(bookingId).orElseThrow(CptsAccess.NotVisibleException::new);
		if (!isOwner(user, b.slot()) && !user.has(b.slot().cptsId(), Role.COORDINATOR)) {
			throw new CptsAccess.NotVisibleException();
		}
		if (outcome == null || !List.of("HONORE", "NON_HONORE", "REORIENTE").contains(outcome)) {
			throw Problems.rejected("outcome", "snp.outcome.required");
		}
		if (b.cancelledAt() != null) {
			throw Problems.rejected("outcome", "snp.outcome.cancelled");
		}
		jdbc.sql("update snp_booking set outcome = :o, outcome_at = now(), outcome_note = :n where id = :id").param("o", outcome)
			.param("n", note == null || note.isBlank() ? null : note.strip()).param("id", bookingId).update();
		audit.change("snp.booking.outcome", "snp_booking", bookingId.toString(), b.slot().cptsId(), outcome);
	}

	/** The coming slots of what the user offers (as a professional or for a structure), with their bookings; audited. */
	@Transactional(readOnly = true)
	public List<Booking> bookingsOfMySlots(Instant from, Instant to) {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		List<UUID> ids = jdbc.sql("""
				select b.id from snp_booking b join snp_slot s on s.id = b.slot_id
				where (s.practitioner_id = :p or s.organization_id = any(:o)) and s.starts_at >= :from and s.starts_at < :to
				order by s.starts_at""")
			.param("p", me.practitionerId()).param("o", me.organizations()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(UUID.class).list();
		List<Booking> out = ids.stream().map(this::load).flatMap(Optional::stream).toList();
		if (!out.isEmpty()) {
			audit.read("snp.booking.list", "snp_booking", null, out.getFirst().slot().cptsId(), "mes créneaux (" + out.size() + ")");
		}
		return out;
	}

	/** The bookings the user made in time order: the coming ones from the soonest, then the past ones from the latest; audited. */
	@Transactional(readOnly = true)
	public List<Booking> myBookings() {
		CurrentUser user = access.requireUser();
		List<UUID> ids = jdbc.sql("""
				select b.id from snp_booking b join snp_slot s on s.id = b.slot_id where b.booked_by = :u
				order by s.starts_at < now(), case when s.starts_at >= now() then s.starts_at end, s.starts_at desc limit 200""")
			.param("u", user.id()).query(UUID.class).list();
		List<Booking> out = ids.stream().map(this::load).flatMap(Optional::stream).toList();
		if (!out.isEmpty()) {
			audit.read("snp.booking.list", "snp_booking", null, out.getFirst().slot().cptsId(), "mes réservations (" + out.size() + ")");
		}
		return out;
	}

	private boolean maySee(Booking b) {
		CurrentUser user = access.requireUser();
		return b.bookedBy().equals(user.id()) || isOwner(user, b.slot()) || user.has(b.slot().cptsId(), Role.COORDINATOR);
	}

	private boolean isOwner(CurrentUser user, Slot slot) {
		if (slot.practitionerId() != null) {
			return links.practitionerOf(user.id()).map(slot.practitionerId()::equals).orElse(false);
		}
		return slot.organizationId() != null && links.actsFor(user.id(), slot.organizationId());
	}

	private List<UUID> ownerAccounts(Slot slot) {
		if (slot.practitionerId() != null) {
			return links.accountOf(slot.practitionerId()).map(List::of).orElse(List.of());
		}
		return slot.organizationId() == null ? List.of() : links.staffAccounts(slot.organizationId());
	}

	private Optional<Booking> load(UUID bookingId) {
		// the slot's columns as they are (the slot mapper reads them); the booking's under names of their own
		return jdbc.sql("""
				select s.*, b.id as booking_id, b.booked_by, b.booked_at, b.patient_name, b.patient_birth_date, b.patient_phone, b.reason,
				  b.cancelled_at as booking_cancelled_at, b.cancel_reason as booking_cancel_reason, b.outcome, b.outcome_note
				from snp_booking b join snp_slot s on s.id = b.slot_id where b.id = :id""")
			.param("id", bookingId).query((rs, n) -> {
				Slot slot = slot(rs, n);
				UUID by = rs.getObject("booked_by", UUID.class);
				return new Booking(rs.getObject("booking_id", UUID.class), slot, by, "", rs.getTimestamp("booked_at").toInstant(),
						rs.getString("patient_name"), rs.getObject("patient_birth_date", LocalDate.class), rs.getString("patient_phone"),
						rs.getString("reason"), rs.getTimestamp("booking_cancelled_at") == null ? null : rs.getTimestamp("booking_cancelled_at").toInstant(),
						rs.getString("booking_cancel_reason"), rs.getString("outcome"), rs.getString("outcome_note"));
			}).optional().map(b -> new Booking(b.id(), b.slot(), b.bookedBy(), accounts.displayNames(List.of(b.bookedBy())).getOrDefault(b.bookedBy(), ""),
					b.bookedAt(), b.patientName(), b.patientBirthDate(), b.patientPhone(), b.reason(), b.cancelledAt(), b.cancelReason(), b.outcome(),
					b.outcomeNote()));
	}

	private final Map<String, String> communeNames = new java.util.concurrent.ConcurrentHashMap<>();

	Slot slot(ResultSet rs, int n) throws SQLException {
		String code = rs.getString("commune_code");
		String name = communeNames.computeIfAbsent(code, c -> communes.find(c).map(Commune::name).orElse(c));
		return new Slot(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("owner_label"),
				rs.getObject("practitioner_id", UUID.class), rs.getObject("organization_id", UUID.class), SlotKind.valueOf(rs.getString("kind")),
				rs.getString("profession_code"), rs.getString("site_label"), code, name, rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("booked"), null, null);
	}

	private List<Slot> withDistances(List<Slot> slots, Commune center) {
		Map<String, java.util.Optional<CommuneDistance.Estimate>> km = new HashMap<>();
		List<Slot> out = new ArrayList<>(slots.size());
		for (Slot s : slots) {
			CommuneDistance.Estimate d = km.computeIfAbsent(s.communeCode(), c -> communes.find(c).flatMap(x -> CommuneDistance.estimate(center, x)))
				.orElse(null);
			out.add(new Slot(s.id(), s.cptsId(), s.ownerLabel(), s.practitionerId(), s.organizationId(), s.kind(), s.professionCode(), s.siteLabel(),
					s.communeCode(), s.communeName(), s.startsAt(), s.endsAt(), s.booked(), d == null ? null : Math.round(d.km() * 10) / 10.0,
					d == null ? null : d.basis()));
		}
		return out;
	}

	private static String when(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", java.util.Locale.FRANCE).format(at.atZone(Slots.PARIS));
	}
}
