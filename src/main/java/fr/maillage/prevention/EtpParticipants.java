package fr.maillage.prevention;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.pathways.Enrolments;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.patients.Patient;
import fr.maillage.patients.Patients;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.internal.EtpStore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants of a therapeutic education programme and its group sessions, for its team only:
 * a patient is enrolled with their consent through the patients module and followed on the
 * programme's care pathway (its circle is the team), so the pathways' schedule, tasks and rupture
 * alerts apply; a presence at a collective workshop marks their next workshop done. Every read of a
 * participant is audited, and so is every change.
 */
@Service
public class EtpParticipants {

	public static final String PURPOSE = "éducation thérapeutique";

	public record EnrolForm(@Nullable LocalDate startDate, Identity identity, Contact contact, Consent.@Nullable How consentHow, boolean consent) {
	}

	/** A participant as the team sees them: name, birth date, where they stand in their pathway (null when it is not readable). */
	public record Row(UUID id, UUID enrolmentId, String name, @Nullable LocalDate birthDate, LocalDate enrolledOn, Enrolments.@Nullable Progress progress) {

		public boolean active() {
			return progress != null && "ACTIVE".equals(progress.status());
		}
	}

	/** A session's sheet: the session and each participant, present or not. */
	public record Sheet(EtpProgramme programme, EtpStore.Session session, List<Row> participants, Map<UUID, Boolean> attendance) {
	}

	private final EtpProgrammes programmes;
	private final EtpStore store;
	private final Enrolments enrolments;
	private final Patients patients;
	private final CptsAccess access;
	private final AuditLog audit;

	EtpParticipants(EtpProgrammes programmes, EtpStore store, Enrolments enrolments, Patients patients, CptsAccess access, AuditLog audit) {
		this.programmes = programmes;
		this.store = store;
		this.enrolments = enrolments;
		this.patients = patients;
		this.access = access;
		this.audit = audit;
	}

	/** Enrols a patient (with their consent) on the programme's pathway, its team as their circle. */
	@Transactional
	public UUID enrol(UUID programmeId, EnrolForm f) {
		EtpProgramme p = programmes.requireTeam(programmeId);
		LocalDate start = f.startDate() == null ? LocalDate.now(PreventionEvents.PARIS) : f.startDate();
		p.checkEnrolling(start);
		List<Enrolments.MemberForm> circle = p.team().stream().map(m -> new Enrolments.MemberForm(m.practitionerId(), null, null, null)).toList();
		UUID enrolment = enrolments.enrolInCircleOnly(new Enrolments.EnrolmentForm(p.cptsId(), p.templateId(), start, f.identity(), f.contact(), f.consentHow(),
				f.consent(), circle));
		UUID patient = enrolments.get(enrolment).patientId();
		UUID id = UUID.randomUUID();
		store.insertParticipant(new EtpStore.Participant(id, programmeId, enrolment, patient, start), access.requireUser().id());
		audit.change("prevention.etp.enrolled", "etp_participant", id.toString(), p.cptsId(), p.title());
		return enrolment;
	}

	/** The programme's participants with their progress, for its team; the read is audited. */
	// no surrounding transaction: the audited read of the patients commits on its own
	public List<Row> participants(UUID programmeId) {
		EtpProgramme p = programmes.requireTeam(programmeId);
		return rows(p, store.participants(programmeId));
	}

	private List<Row> rows(EtpProgramme p, List<EtpStore.Participant> list) {
		Map<UUID, Patient> found = patients.getAll(p.cptsId(),
				list.stream().map(EtpStore.Participant::patientId).filter(java.util.Objects::nonNull).distinct().toList(), PURPOSE + " : " + p.title());
		Map<UUID, Enrolments.Progress> progress = enrolments.progress(list.stream().map(EtpStore.Participant::enrolmentId).toList());
		audit.read("prevention.etp.participants.read", "etp_programme", p.id().toString(), p.cptsId(), list.size() + " participants");
		return list.stream().map(x -> {
			Patient patient = x.patientId() == null ? null : found.get(x.patientId());
			return new Row(x.id(), x.enrolmentId(), patient == null ? "—" : patient.identity().displayName(),
					patient == null ? null : patient.identity().birthDate(), x.enrolledOn(), progress.get(x.enrolmentId()));
		}).toList();
	}

	@Transactional(readOnly = true)
	public List<EtpStore.Session> sessions(UUID programmeId) {
		programmes.get(programmeId);
		return store.sessions(programmeId);
	}

	/** Plans a group session (a collective workshop) of the programme. */
	@Transactional
	public EtpStore.Session plan(UUID programmeId, EtpForms.SessionForm f) {
		EtpProgramme p = programmes.requireTeam(programmeId);
		Problems problems = new Problems();
		LocalDate day = Campaigns.date(f.day(), "day", "prevention.etp.session.day.required", problems);
		LocalTime from = time(f.startTime(), "startTime", problems);
		LocalTime to = time(f.endTime(), "endTime", problems);
		if (from != null && to != null && !to.isAfter(from)) {
			problems.reject("endTime", "prevention.etp.session.endsBeforeStart");
		}
		Integer capacity = null;
		if (f.capacity() != null && !f.capacity().isBlank()) {
			capacity = Integer.valueOf(f.capacity().strip());
			if (capacity < 1 || capacity > 100) {
				problems.reject("capacity", "prevention.etp.capacity");
			}
		}
		if (f.title() == null || f.title().isBlank()) {
			problems.reject("title", "prevention.etp.session.title.required");
		}
		problems.throwIfAny();
		EtpStore.Session s = new EtpStore.Session(UUID.randomUUID(), programmeId, f.title().strip(),
				LocalDateTime.of(day, from).atZone(PreventionEvents.PARIS).toInstant(), LocalDateTime.of(day, to).atZone(PreventionEvents.PARIS).toInstant(),
				f.place() == null || f.place().isBlank() ? null : f.place().strip(), capacity, 0);
		store.insertSession(s, access.requireUser().id());
		audit.change("prevention.etp.session.planned", "etp_session", s.id().toString(), p.cptsId(), s.title() + " le " + day);
		return s;
	}

	/** A session's attendance sheet: the programme's participants still on their pathway, and those already recorded. */
	// no surrounding transaction: the audited read of the patients commits on its own
	public Sheet sheet(UUID sessionId) {
		EtpStore.Session s = store.session(sessionId).orElseThrow(NotFoundException::new);
		EtpProgramme p = programmes.requireTeam(s.programmeId());
		Map<UUID, Boolean> attendance = store.attendance(sessionId);
		List<Row> rows = rows(p, store.participants(p.id())).stream().filter(r -> r.active() || attendance.containsKey(r.id())).toList();
		return new Sheet(p, s, rows, attendance);
	}

	/**
	 * Records who came to a session (the others are absent); each newly present participant has
	 * their next collective workshop marked done on the session's day.
	 */
	@Transactional
	public int recordAttendance(UUID sessionId, Collection<UUID> present) {
		EtpStore.Session s = store.session(sessionId).orElseThrow(NotFoundException::new);
		EtpProgramme p = programmes.requireTeam(s.programmeId());
		LocalDate day = s.startsAt().atZone(PreventionEvents.PARIS).toLocalDate();
		if (day.isAfter(LocalDate.now(PreventionEvents.PARIS))) {
			throw Problems.rejected("present", "prevention.etp.session.future");
		}
		List<EtpStore.Participant> all = store.participants(p.id());
		Set<UUID> known = new java.util.HashSet<>(all.stream().map(EtpStore.Participant::id).toList());
		if (!known.containsAll(present)) {
			throw new CptsAccess.NotVisibleException();
		}
		if (s.capacity() != null && present.size() > s.capacity()) {
			throw Problems.rejected("present", "prevention.etp.session.full", s.capacity());
		}
		UUID by = access.requireUser().id();
		Set<UUID> before = store.attendance(sessionId).keySet();
		int count = 0;
		for (EtpStore.Participant x : all) {
			boolean here = present.contains(x.id());
			if (!here && !before.contains(x.id())) {
				continue; // not a participant of this session: nothing to record
			}
			if (store.mark(sessionId, x.id(), here, by)) {
				enrolments.completeNext(x.enrolmentId(), EtpProgramme.STEP_WORKSHOP, day, s.title());
			}
			count += here ? 1 : 0;
		}
		audit.change("prevention.etp.attendance", "etp_session", sessionId.toString(), p.cptsId(), count + " présents");
		return count;
	}

	private static @Nullable LocalTime time(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			problems.reject(field, "prevention.etp.session.time.required");
			return null;
		}
		try {
			return LocalTime.parse(typed.strip());
		} catch (java.time.format.DateTimeParseException ex) {
			problems.reject(field, "prevention.time");
			return null;
		}
	}
}
