package fr.maillage.gpaccess;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.patients.Patient;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Problems;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of requests for a médecin traitant. A request is seen by the coordinators of its
 * CPTS and by the GP it is proposed to, nobody else (the person who filed it gets its number);
 * every read goes to the audit log through the patients module.
 */
@Service
public class GpRequests {

	public static final String SUBJECT = "gp_request";
	public static final String KIND_ANSWER = "gpaccess.answer";
	public static final String CONSENT_PURPOSE = "Demande de médecin traitant auprès de la CPTS";

	/** What a filer learns on saving: the request's number, and whether it may duplicate another. */
	public record Filed(UUID id, long number, boolean possibleDuplicate) {
	}

	/** Possible duplicates found before saving: details for coordinators, the count for others. */
	public static class DuplicateException extends RuntimeException {
		private final List<Duplicate> duplicates;

		public DuplicateException(List<Duplicate> duplicates) {
			super("possible duplicates", null, false, false);
			this.duplicates = duplicates;
		}

		public List<Duplicate> duplicates() {
			return duplicates;
		}
	}

	/** A request that may be the same person's; {@code label} and {@code requestId} only for coordinators. */
	public record Duplicate(@Nullable UUID requestId, @Nullable Long number, Instant filedAt, RequestStatus status, @Nullable String label) {
	}

	public record Page(List<GpRequest> items, long total, int page, int size) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Patients patients;
	private final AuditLog audit;
	private final AccountLinks links;
	private final Accounts accounts;
	private final DirectorySearch directory;

	private final Notifications notifications;
	private final Messages messages;
	private final Mail mail;

	GpRequests(JdbcClient jdbc, CptsAccess access, Patients patients, AuditLog audit, AccountLinks links, Accounts accounts,
			DirectorySearch directory, Notifications notifications, Messages messages, Mail mail) {
		this.directory = directory;
		this.notifications = notifications;
		this.messages = messages;
		this.mail = mail;
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
		this.links = links;
		this.accounts = accounts;
	}

	/** Everything wrong with a request form, by field (identity and contact fields included). */
	public Problems check(RequestForm form) {
		Problems problems = patients.check(Patients.normalise(form.identity()), Patients.normalise(form.contact()));
		if (form.aldNumber() != null && (form.aldNumber() < 1 || form.aldNumber() > 32)) {
			problems.reject("aldNumber", "gpaccess.aldNumber.range");
		} else if (form.aldNumber() != null && !form.ald()) {
			problems.reject("aldNumber", "gpaccess.aldNumber.withoutAld");
		}
		if (form.maxKm() != null && (form.maxKm() <= 0 || form.maxKm() > 200 || form.maxKm().isNaN())) {
			problems.reject("maxKm", "gpaccess.maxKm.range");
		}
		if (form.notes() != null && form.notes().length() > 2000) {
			problems.reject("notes", "patients.tooLong", 2000);
		}
		if (!form.consent()) {
			problems.reject("consent", "gpaccess.consent.required");
		}
		return problems;
	}

	/**
	 * A request filed by an inhabitant on the public page: no account; possible duplicates are
	 * flagged for the coordinators, never shown to the person typing.
	 */
	@Transactional
	public Filed filePublic(UUID cptsId, RequestForm form) {
		check(form).throwIfAny();
		boolean duplicate = !patients.sameIdentity(cptsId, form.identity()).isEmpty();
		UUID patient = patients.register(cptsId, form.identity(), form.contact(),
				new Consent(CONSENT_PURPOSE, Instant.now(), Consent.How.FORMULAIRE_EN_LIGNE, null));
		return insert(cptsId, patient, "FORMULAIRE_PUBLIC", null, form, duplicate);
	}

	/**
	 * A request filed by a member professional (or a coordinator) for a patient who consented
	 * orally; unless {@code confirmed}, possible duplicates stop the save and are answered.
	 */
	@Transactional
	public Filed file(UUID cptsId, RequestForm form, boolean confirmed) {
		CurrentUser user = access.requireMember(cptsId);
		check(form).throwIfAny();
		List<Duplicate> duplicates = duplicates(cptsId, form.identity(), user.has(cptsId, Role.COORDINATOR));
		if (!duplicates.isEmpty() && !confirmed) {
			throw new DuplicateException(duplicates);
		}
		UUID patient = patients.register(cptsId, form.identity(), form.contact(),
				new Consent(CONSENT_PURPOSE, Instant.now(), Consent.How.ORAL, user.id()));
		return insert(cptsId, patient, "PROFESSIONNEL", user.id(), form, !duplicates.isEmpty());
	}

	/** The requests whose patient has the same identity traits. */
	public List<Duplicate> duplicates(UUID cptsId, Identity identity, boolean details) {
		List<UUID> same = patients.sameIdentity(cptsId, identity);
		if (same.isEmpty()) {
			return List.of();
		}
		List<Duplicate> found = jdbc.sql("select id, number, filed_at, status from gp_request where patient_id = any(:p) order by filed_at")
			.param("p", same.toArray(UUID[]::new))
			.query((rs, n) -> new Duplicate(details ? rs.getObject("id", UUID.class) : null, details ? rs.getLong("number") : null,
					rs.getTimestamp("filed_at").toInstant(), RequestStatus.valueOf(rs.getString("status")), null))
			.list();
		if (!details) {
			return found;
		}
		audit.read("gp_request.duplicates", SUBJECT, null, cptsId, "identity check: " + found.size());
		return found;
	}

	Filed insert(UUID cptsId, UUID patientId, String source, @Nullable UUID filedBy, RequestForm form, boolean duplicate) {
		UUID id = UUID.randomUUID();
		long number = jdbc.sql("""
				insert into gp_request (id, cpts_id, patient_id, source, filed_by, status, ald, ald_number, c2s, situation, home_visit, max_km,
				  notes, possible_duplicate)
				values (:id, :c, :p, :source, :by, 'PENDING', :ald, :aldNumber, :c2s, :situation, :home, :maxKm, :notes, :dup)
				returning number""")
			.param("id", id).param("c", cptsId).param("p", patientId).param("source", source).param("by", filedBy)
			.param("ald", form.ald()).param("aldNumber", form.aldNumber()).param("c2s", form.c2s())
			.param("situation", form.situation() == null ? null : form.situation().name()).param("home", form.homeVisit())
			.param("maxKm", form.maxKm() == null ? RequestForm.DEFAULT_MAX_KM : form.maxKm())
			.param("notes", form.notes() == null || form.notes().isBlank() ? null : form.notes().strip()).param("dup", duplicate)
			.query(Long.class).single();
		event(id, "CREATED", null, filedBy, null);
		audit.change("gp_request.create", SUBJECT, id.toString(), cptsId, source + (duplicate ? ", doublon possible" : ""));
		return new Filed(id, number, duplicate);
	}

	/** One request: for its coordinators, or for the GP it is proposed to; anyone else gets 404. */
	@Transactional
	public GpRequest get(UUID cptsId, UUID id) {
		Row row = visibleRow(cptsId, id);
		return withPatients(cptsId, List.of(row), "fiche de la demande").getFirst();
	}

	/** The requests proposed to (or accepted by, or declared with) the current user's practitioner. */
	@Transactional
	public List<GpRequest> proposedToMe(UUID cptsId) {
		CurrentUser user = access.requireMember(cptsId);
		Optional<UUID> practitioner = links.practitionerOf(user.id());
		if (practitioner.isEmpty()) {
			return List.of();
		}
		List<Row> rows = jdbc.sql("""
				select r.* from gp_request r where r.cpts_id = :c and r.practitioner_id = :p and r.status in ('PROPOSED', 'ACCEPTED', 'DECLARED')
				order by case r.status when 'PROPOSED' then 0 when 'ACCEPTED' then 1 else 2 end, r.proposed_at desc limit 500""")
			.param("c", cptsId).param("p", practitioner.get()).query(GpRequests::row).list();
		return withPatients(cptsId, rows, "propositions au médecin");
	}

	public List<RequestEvent> history(UUID cptsId, UUID id) {
		visibleRow(cptsId, id);
		List<Object[]> raw = jdbc.sql("select at, kind, practitioner_id, actor_id, note from gp_request_event where request_id = :id order by at, id")
			.param("id", id)
			.query((rs, n) -> new Object[] {rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getObject("practitioner_id", UUID.class),
					rs.getObject("actor_id", UUID.class), rs.getString("note")})
			.list();
		List<UUID> actors = raw.stream().map(r -> (UUID) r[3]).filter(java.util.Objects::nonNull).distinct().toList();
		Map<UUID, String> names = actors.isEmpty() ? Map.of() : accounts.displayNames(actors);
		Map<UUID, String> practitioners = practitionerNames(raw.stream().map(r -> (UUID) r[2]).filter(java.util.Objects::nonNull).toList());
		return raw.stream().map(r -> new RequestEvent((Instant) r[0], (String) r[1], r[2] == null ? null : practitioners.get((UUID) r[2]),
				r[3] == null ? null : names.get((UUID) r[3]), (String) r[4])).toList();
	}

	/** The GP's answer (by the GP, or recorded by a coordinator after a call): accepted, or refused and re-queued. */
	@Transactional
	public void answer(UUID cptsId, UUID id, boolean accepted, @Nullable String note) {
		CurrentUser user = access.requireMember(cptsId);
		Row row = visibleRow(cptsId, id);
		if (row.status != RequestStatus.PROPOSED) {
			throw Problems.rejected("status", "gpaccess.answer.notProposed");
		}
		if (accepted) {
			transition(row, RequestStatus.ACCEPTED, "set answered_at = now()");
			event(id, "ACCEPTED", row.practitionerId, user.id(), note);
		} else {
			jdbc.sql("""
					update gp_request set status = 'PENDING', practitioner_id = null, proposed_at = null, proposal_reason = null,
					  answered_at = now(), version = version + 1 where id = :id and version = :v""")
				.param("id", id).param("v", row.version).update();
			event(id, "REFUSED", row.practitionerId, user.id(), note);
		}
		audit.change(accepted ? "gp_request.accept" : "gp_request.refuse", SUBJECT, id.toString(), cptsId, note);
		String doctor = practitionerNames(List.of(row.practitionerId)).getOrDefault(row.practitionerId, "");
		if (accepted) {
			informPatient(row, doctor, user.id());
		}
		List<Notice> notices = accounts.holdersOf(cptsId, Role.COORDINATOR).stream().filter(u -> !u.equals(user.id()))
			.map(u -> Notice.of(u, cptsId, KIND_ANSWER, messages.get("gpaccess.notice.answer.title"),
					messages.get(accepted ? "gpaccess.notice.answer.accepted" : "gpaccess.notice.answer.refused", doctor, row.number),
					"/cpts/" + cptsId + "/medecin-traitant/demandes/" + id).concerningAPatient())
			.toList();
		if (!notices.isEmpty()) {
			notifications.send(notices); // outbox rows in this transaction: the notice exists exactly when the change does
		}
	}

	/** The practice site where a patient will go: the GP's first active site. */
	public Optional<Practitioner.Activity> practiceOf(UUID practitionerId) {
		return directory.byIds(List.of(practitionerId)).stream().flatMap(p -> p.activities().stream()).filter(Practitioner.Activity::active)
			.findFirst();
	}

	/** E-mails the patient the GP's acceptance, when they gave an address; otherwise the letter is to print. */
	private void informPatient(Row row, String doctor, UUID actor) {
		Patient patient = patients.get(row.patientId, "information du patient");
		String email = patient.contact().email();
		if (email == null || row.practitionerId == null) {
			return;
		}
		Practitioner.Activity site = practiceOf(row.practitionerId).orElse(null);
		String place = site == null ? "" : String.join(", ", java.util.stream.Stream.of(site.siteName(), site.address(),
				(site.postcode() == null ? "" : site.postcode() + " ") + (site.communeName() == null ? "" : site.communeName()))
			.filter(x -> x != null && !x.isBlank()).toList());
		String phone = site == null || site.phone() == null ? "" : site.phone();
		boolean sent = mail.send(email, messages.get("gpaccess.mail.accepted.subject"),
				messages.get("gpaccess.mail.accepted.body", patient.identity().displayName(), doctor, place, phone, row.number));
		if (sent) {
			event(row.id, "PATIENT_INFORMED", row.practitionerId, actor, messages.get("gpaccess.informed.email", email));
		}
	}

	/** The médecin traitant is declared: the end of the request (by the GP or a coordinator). */
	@Transactional
	public void declare(UUID cptsId, UUID id) {
		CurrentUser user = access.requireMember(cptsId);
		Row row = visibleRow(cptsId, id);
		if (row.status != RequestStatus.ACCEPTED && row.status != RequestStatus.PROPOSED) {
			throw Problems.rejected("status", "gpaccess.declare.notAccepted");
		}
		transition(row, RequestStatus.DECLARED, "set declared_at = now(), answered_at = coalesce(answered_at, now())");
		event(id, "DECLARED", row.practitionerId, user.id(), null);
		audit.change("gp_request.declare", SUBJECT, id.toString(), cptsId, null);
	}

	/** Withdrawn with a reason (found a GP elsewhere, moved away, deceased, duplicate…); coordinators only. */
	@Transactional
	public void withdraw(UUID cptsId, UUID id, @Nullable String reason) {
		CurrentUser user = access.requireCoordinatorForPatients(cptsId);
		Row row = visibleRow(cptsId, id);
		if (reason == null || reason.isBlank()) {
			throw Problems.rejected("reason", "gpaccess.withdraw.reason.required");
		}
		if (row.status == RequestStatus.DECLARED || row.status == RequestStatus.WITHDRAWN) {
			throw Problems.rejected("status", "gpaccess.withdraw.closed");
		}
		jdbc.sql("""
				update gp_request set status = 'WITHDRAWN', practitioner_id = null, withdrawn_at = now(), withdraw_reason = :r,
				  version = version + 1 where id = :id and version = :v""")
			.param("id", id).param("v", row.version).param("r", reason.strip()).update();
		event(id, "WITHDRAWN", null, user.id(), reason.strip());
		audit.change("gp_request.withdraw", SUBJECT, id.toString(), cptsId, reason.strip());
	}

	/**
	 * Corrects a request: identity traits, contact, criteria, notes (a typo, a new phone number, an
	 * ALD recognised since); coordinators only; the change is dated in the history.
	 */
	@Transactional
	public void update(UUID cptsId, UUID id, RequestForm form) {
		CurrentUser user = access.requireCoordinatorForPatients(cptsId);
		Row row = visibleRow(cptsId, id);
		RequestForm checked = new RequestForm(form.identity(), form.contact(), form.ald(), form.aldNumber(), form.c2s(), form.situation(),
				form.homeVisit(), form.maxKm(), form.notes(), true);
		check(checked).throwIfAny();
		patients.update(row.patientId, form.identity(), form.contact());
		int changed = jdbc.sql("""
				update gp_request set ald = :ald, ald_number = :aldNumber, c2s = :c2s, situation = :situation, home_visit = :home, max_km = :maxKm,
				  notes = :notes, version = version + 1 where id = :id and version = :v""")
			.param("ald", form.ald()).param("aldNumber", form.aldNumber()).param("c2s", form.c2s())
			.param("situation", form.situation() == null ? null : form.situation().name()).param("home", form.homeVisit())
			.param("maxKm", form.maxKm() == null ? RequestForm.DEFAULT_MAX_KM : form.maxKm())
			.param("notes", form.notes() == null || form.notes().isBlank() ? null : form.notes().strip()).param("id", id).param("v", row.version)
			.update();
		if (changed == 0) {
			throw Problems.rejected("status", "gpaccess.changedMeanwhile");
		}
		event(id, "UPDATED", null, user.id(), null);
		audit.change("gp_request.update", SUBJECT, id.toString(), cptsId, null);
	}

	/** Records that the patient was informed (an e-mail sent, a letter printed). */
	@Transactional
	public void recordPatientInformed(UUID cptsId, UUID id, String how) {
		CurrentUser user = access.requireMember(cptsId);
		visibleRow(cptsId, id);
		event(id, "PATIENT_INFORMED", null, user.id(), how);
		audit.change("gp_request.inform", SUBJECT, id.toString(), cptsId, how);
	}

	void event(UUID requestId, String kind, @Nullable UUID practitionerId, @Nullable UUID actorId, @Nullable String note) {
		jdbc.sql("insert into gp_request_event (request_id, kind, practitioner_id, actor_id, note) values (:r, :k, :p, :a, :n)")
			.param("r", requestId).param("k", kind).param("p", practitionerId).param("a", actorId).param("n", note).update();
	}

	private void transition(Row row, RequestStatus to, String set) {
		int changed = jdbc.sql("update gp_request " + set + ", status = :s, version = version + 1 where id = :id and version = :v")
			.param("s", to.name()).param("id", row.id).param("v", row.version).update();
		if (changed == 0) {
			throw Problems.rejected("status", "gpaccess.changedMeanwhile");
		}
	}

	/** The request if the current user may see it: a coordinator of its CPTS, or the GP it is proposed to. */
	private Row visibleRow(UUID cptsId, UUID id) {
		CurrentUser user = access.requireMember(cptsId);
		Row row = jdbc.sql("select * from gp_request where id = :id and cpts_id = :c").param("id", id).param("c", cptsId)
			.query(GpRequests::row).optional().orElseThrow(CptsAccess.NotVisibleException::new);
		if (user.has(cptsId, Role.COORDINATOR)) {
			return row;
		}
		boolean proposedToMe = row.practitionerId != null && links.practitionerOf(user.id()).map(row.practitionerId::equals).orElse(false);
		if (!proposedToMe) {
			throw new CptsAccess.NotVisibleException();
		}
		return row;
	}

	List<GpRequest> withPatients(UUID cptsId, List<Row> rows, String purpose) {
		Map<UUID, Patient> people = patients.getAll(cptsId, rows.stream().map(r -> r.patientId).toList(), purpose);
		Map<UUID, String> names = practitionerNames(rows.stream().map(r -> r.practitionerId).filter(java.util.Objects::nonNull).toList());
		List<GpRequest> out = new ArrayList<>(rows.size());
		for (Row r : rows) {
			Patient patient = people.get(r.patientId);
			if (patient == null) {
				continue;
			}
			out.add(new GpRequest(r.id, r.number, r.cptsId, patient, r.source, r.filedAt, r.status, r.ald, r.aldNumber, r.c2s, r.situation,
					r.homeVisit, r.maxKm, r.notes, r.possibleDuplicate, r.practitionerId, r.practitionerId == null ? null : names.get(r.practitionerId),
					r.proposedAt, r.proposalReason, r.answeredAt, r.declaredAt, r.withdrawnAt, r.withdrawReason));
		}
		return out;
	}

	/** "Dr Jeanne Martin" for each practitioner id. */
	Map<UUID, String> practitionerNames(Collection<UUID> ids) {
		Map<UUID, String> names = new java.util.HashMap<>();
		for (Practitioner p : directory.byIds(new java.util.HashSet<>(ids))) {
			names.put(p.id(), doctor(p));
		}
		return names;
	}

	public static String doctor(Practitioner p) {
		return ("Dr " + (p.firstName() == null ? "" : p.firstName() + " ") + p.lastName()).strip();
	}

	record Row(UUID id, long number, UUID cptsId, UUID patientId, String source, Instant filedAt, RequestStatus status, boolean ald,
			@Nullable Integer aldNumber, boolean c2s, @Nullable Situation situation, boolean homeVisit, double maxKm, @Nullable String notes,
			boolean possibleDuplicate, @Nullable UUID practitionerId, @Nullable Instant proposedAt, @Nullable String proposalReason,
			@Nullable Instant answeredAt, @Nullable Instant declaredAt, @Nullable Instant withdrawnAt, @Nullable String withdrawReason,
			int version) {
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		String situation = rs.getString("situation");
		return new Row(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("cpts_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("source"), rs.getTimestamp("filed_at").toInstant(),
				RequestStatus.valueOf(rs.getString("status")), rs.getBoolean("ald"), rs.getObject("ald_number", Integer.class), rs.getBoolean("c2s"),
				situation == null ? null : Situation.valueOf(situation), rs.getBoolean("home_visit"), rs.getDouble("max_km"), rs.getString("notes"),
				rs.getBoolean("possible_duplicate"), rs.getObject("practitioner_id", UUID.class), instant(rs, "proposed_at"),
				rs.getString("proposal_reason"), instant(rs, "answered_at"), instant(rs, "declared_at"), instant(rs, "withdrawn_at"),
				rs.getString("withdraw_reason"), rs.getInt("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
