package fr.maillage.pathways;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.Practitioner;
import fr.maillage.notifications.Notice;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.patients.Patient;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients enrolled in a pathway: the enrolment (with the patient's consent), the care circle, the
 * schedule generated from the template's version, steps marked done (which moves the steps
 * anchored on them). A patient is seen only by the members of their care circle and the CPTS's
 * coordinators; every read of a patient goes to the audit log.
 */
@Service
public class Enrolments {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	public static final String PURPOSE = "parcours";
	/** The messaging kind of a care circle's conversation (its reference: the enrolment id). */
	public static final String CONVERSATION_KIND = "pathway-circle";
	public static final String KIND_ENROLLED = "pathways.enrolled";

	public enum Status {
		DUE, OVERDUE, DONE, CANCELLED
	}

	public record MemberForm(@Nullable UUID practitionerId, @Nullable UUID organizationId, @Nullable PathwayRole role, @Nullable Boolean attendingGp) {
	}

	public record EnrolmentForm(@Nullable UUID cptsId, @Nullable UUID templateId, @Nullable LocalDate startDate, Identity identity, Contact contact,
			Consent.@Nullable How consentHow, boolean consent, List<MemberForm> circle) {
	}

	public record Member(UUID id, @Nullable UUID practitionerId, @Nullable UUID organizationId, PathwayRole role, String label,
			boolean attendingGp, Instant addedAt) {
	}

	public record Step(UUID id, String stepKey, int anchorRank, int rank, String title, PathwayRole role, boolean optional, LocalDate dueDate,
			int graceDays, Status status, @Nullable LocalDate doneDate, @Nullable String doneNote) {
	}

	public record Enrolment(UUID id, UUID cptsId, UUID templateId, String templateName, int templateVersion, int currentVersion,
			UUID patientId, String patientName, @Nullable LocalDate patientBirthDate, LocalDate startDate, LocalDate horizon, String status,
			List<Member> circle, List<Step> steps) {
	}

	/** A task of the signed-in professional: a step due (or overdue) for a patient of one of their circles. */
	public record Task(UUID stepId, UUID enrolmentId, UUID cptsId, String patientName, String pathway, String title, PathwayRole role,
			LocalDate dueDate, boolean overdue) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final CptsAccess access;
	private final AuditLog audit;
	private final Patients patients;
	private final PathwayTemplates templates;
	private final AccountLinks links;
	private final DirectorySearch directory;
	private final Organizations organizations;
	private final fr.maillage.notifications.Notifications notifications;
	private final fr.maillage.platform.Messages messages;

	Enrolments(fr.maillage.notifications.Notifications notifications, fr.maillage.platform.Messages messages, JdbcClient jdbc, JdbcTemplate template, CptsAccess access, AuditLog audit, Patients patients, PathwayTemplates templates,
			AccountLinks links, DirectorySearch directory, Organizations organizations) {
		this.notifications = notifications;
		this.messages = messages;
		this.jdbc = jdbc;
		this.template = template;
		this.access = access;
		this.audit = audit;
		this.patients = patients;
		this.templates = templates;
		this.links = links;
		this.directory = directory;
		this.organizations = organizations;
	}

	/**
	 * Enrols a patient (recorded through the patients module, or found there by identity) with their
	 * consent, forms the circle (the enrolling professional joins it) and writes the schedule.
	 */
	@Transactional
	public UUID enrol(EnrolmentForm form) {
		return enrol(form, false);
	}

	/**
	 * Enrols a patient in a circle-only pathway (a therapeutic education programme's), for the
	 * module that owns it once it has checked who may; the ordinary enrolment refuses those.
	 */
	@Transactional
	public UUID enrolInCircleOnly(EnrolmentForm form) {
		return enrol(form, true);
	}

	private UUID enrol(EnrolmentForm form, boolean circleOnly) {
		if (form.cptsId() == null) {
			throw Problems.rejected("cptsId", "pathways.enrol.cpts");
		}
		CurrentUser user = access.requireMember(form.cptsId());
		Problems problems = patients.check(Patients.normalise(form.identity()), Patients.normalise(form.contact()));
		PathwayTemplates.Template t = null;
		if (form.templateId() == null) {
			problems.reject("templateId", "pathways.enrol.template");
		} else {
			t = templates.get(form.templateId());
			if (!t.cptsId().equals(form.cptsId())) {
				throw new CptsAccess.NotVisibleException();
			}
			if (t.circleOnly() != circleOnly) {
				problems.reject("templateId", "pathways.enrol.template");
			}
		}
		LocalDate today = LocalDate.now(PARIS);
		if (form.startDate() == null) {
			problems.reject("startDate", "pathways.enrol.start");
		} else if (form.startDate().isBefore(today.minusYears(5)) || form.startDate().isAfter(today.plusYears(1))) {
			problems.reject("startDate", "pathways.enrol.startRange");
		}
		if (!form.consent() || form.consentHow() == null || form.consentHow() == Consent.How.FORMULAIRE_EN_LIGNE || form.consentHow() == Consent.How.IMPORT) {
			problems.reject("consent", "pathways.enrol.consent");
		}
		problems.throwIfAny();
		Consent consent = new Consent(PURPOSE + " : " + t.name(), Instant.now(), form.consentHow(), user.id());
		List<UUID> same = patients.sameIdentity(form.cptsId(), form.identity());
		UUID patientId;
		if (same.isEmpty()) {
			patientId = patients.register(form.cptsId(), form.identity(), form.contact(), consent);
		} else {
			// the same person (NIR, or birth date and names): one record, one more consent
			patientId = same.getFirst();
			patients.recordConsent(patientId, consent);
		}
		UUID id = UUID.randomUUID();
		LocalDate horizon = form.startDate().plusMonths(t.durationMonths());
		jdbc.sql("""
				insert into pathway_enrolment (id, cpts_id, template_id, template_version, patient_id, start_date, horizon, consent_how, consent_at, created_by)
				values (:id, :c, :t, :v, :p, :s, :h, :how, now(), :by)""")
			.param("id", id).param("c", form.cptsId()).param("t", t.id()).param("v", t.version()).param("p", patientId).param("s", form.startDate())
			.param("h", horizon).param("how", form.consentHow().name()).param("by", user.id()).update();
		List<MemberForm> circle = new ArrayList<>(form.circle());
		// who enrols joins the circle: as the professional they are, else for the structure they act for (a hospital's discharge team)
		AccountLinks.Represented me = links.represented(user.id());
		if (me.practitionerId() != null) {
			if (circle.stream().noneMatch(m -> me.practitionerId().equals(m.practitionerId()))) {
				circle.add(new MemberForm(me.practitionerId(), null, null, null));
			}
		} else if (!me.organizationIds().isEmpty() && circle.stream().noneMatch(m -> me.organizationIds().contains(m.organizationId()))) {
			circle.add(new MemberForm(null, me.organizationIds().getFirst(), PathwayRole.STRUCTURE, null));
		}
		for (MemberForm m : circle) {
			addMember(id, m, user);
		}
		audit.change("pathway.enrol", "pathway_enrolment", id.toString(), form.cptsId(), t.name() + " v" + t.version());
		reschedule(id);
		tellCircle(id, form.cptsId(), t.name(), user.id());
		return id;
	}

	/** The circle's other members hear of the new patient (the pathway and the first step's date; never the patient's name). */
	private void tellCircle(UUID enrolmentId, UUID cptsId, String pathway, UUID except) {
		LocalDate first = jdbc.sql("select min(due_date) from pathway_step where enrolment_id = :e and status = 'DUE'").param("e", enrolmentId)
			.query(LocalDate.class).optional().orElse(null);
		List<UUID> entries = circle(enrolmentId).stream().map(m -> m.practitionerId() != null ? m.practitionerId() : m.organizationId()).toList();
		Set<UUID> users = new HashSet<>();
		links.accountsOf(entries).values().forEach(users::addAll);
		users.remove(except);
		notifications.send(users.stream().map(u -> Notice.of(u, cptsId, KIND_ENROLLED, messages.get("pathways.enrolled.notice.title", pathway),
				messages.get("pathways.enrolled.notice.body", pathway, first == null ? "-" : first.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
				"/parcours/inclusions/" + enrolmentId).concerningAPatient()).toList());
	}

	/** Adds a professional or a structure of the directory to the circle. */
	@Transactional
	public void addMember(UUID enrolmentId, MemberForm m) {
		Head head = requireVisible(enrolmentId);
		addMember(enrolmentId, m, access.requireUser());
		audit.change("pathway.circle.add", "pathway_enrolment", enrolmentId.toString(), head.cptsId(),
				m.practitionerId() != null ? "practitioner " + m.practitionerId() : "organization " + m.organizationId());
	}

	private void addMember(UUID enrolmentId, MemberForm m, CurrentUser user) {
		if ((m.practitionerId() == null) == (m.organizationId() == null)) {
			throw Problems.rejected("member", "pathways.circle.member");
		}
		String label;
		PathwayRole role = m.role();
		if (m.practitionerId() != null) {
			Practitioner p = directory.byId(m.practitionerId()).orElseThrow(() -> Problems.rejected("member", "pathways.circle.member"));
			label = p.displayName() + (p.professionLabel() == null ? "" : " (" + p.professionLabel() + ")");
			role = role == null ? PathwayRole.usualFor(p.professionCode()) : role;
		} else {
			label = organizations.get(m.organizationId()).name();
			role = role == null ? PathwayRole.STRUCTURE : role;
		}
		try {
			jdbc.sql("""
					insert into pathway_circle_member (id, enrolment_id, practitioner_id, organization_id, role, label, attending_gp, added_by)
					values (:id, :e, :p, :o, :r, :l, :gp, :by)""")
				.param("id", UUID.randomUUID()).param("e", enrolmentId).param("p", m.practitionerId()).param("o", m.organizationId())
				.param("r", role.name()).param("l", label).param("gp", Boolean.TRUE.equals(m.attendingGp())).param("by", user.id()).update();
		} catch (org.springframework.dao.DuplicateKeyException ex) {
			throw Problems.rejected("member", "pathways.circle.already");
		}
	}

	/** Someone leaves the circle: they keep a dated trace and lose access at once. */
	@Transactional
	public void removeMember(UUID enrolmentId, UUID memberId) {
		Head head = requireVisible(enrolmentId);
		int n = jdbc.sql("update pathway_circle_member set removed_at = now(), removed_by = :by where id = :m and enrolment_id = :e and removed_at is null")
			.param("by", access.requireUser().id()).param("m", memberId).param("e", enrolmentId).update();
		if (n == 0) {
			throw new CptsAccess.NotVisibleException();
		}
		audit.change("pathway.circle.remove", "pathway_enrolment", enrolmentId.toString(), head.cptsId(), memberId.toString());
	}

	/** The enrolment with its patient, circle and timeline; the read is audited. */
	// no surrounding transaction: a few short reads, and the audited read of the patients commits on its own
	public Enrolment get(UUID enrolmentId) {
		Head head = requireVisible(enrolmentId);
		Patient patient = patients.get(head.patientId(), PURPOSE);
		audit.read("pathway.enrolment.read", "pathway_enrolment", enrolmentId.toString(), head.cptsId(), null);
		PathwayTemplates.Template t = templates.version(head.templateId(), head.templateVersion());
		int current = templates.version(head.templateId(), null).version();
		return new Enrolment(enrolmentId, head.cptsId(), head.templateId(), t.name(), head.templateVersion(), current, patient.id(),
				patient.identity().displayName(), patient.identity().birthDate(), head.startDate(), head.horizon(), head.status(), circle(enrolmentId),
				steps(enrolmentId));
	}

	List<Member> circle(UUID enrolmentId) {
		return jdbc.sql("select * from pathway_circle_member where enrolment_id = :e and removed_at is null order by added_at, label")
			.param("e", enrolmentId)
			.query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
					rs.getObject("organization_id", UUID.class), PathwayRole.valueOf(rs.getString("role")), rs.getString("label"),
					rs.getBoolean("attending_gp"), rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	private List<Step> steps(UUID enrolmentId) {
		return jdbc.sql("select * from pathway_step where enrolment_id = :e order by due_date, title, anchor_rank, rank").param("e", enrolmentId)
			.query(Enrolments::step).list();
	}

	static Step step(ResultSet rs, int n) throws SQLException {
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		int grace = rs.getInt("grace_days");
		String s = rs.getString("status");
		Status status = "DONE".equals(s) ? Status.DONE : "CANCELLED".equals(s) ? Status.CANCELLED
				: due.plusDays(grace).isBefore(LocalDate.now(PARIS)) ? Status.OVERDUE : Status.DUE;
		return new Step(rs.getObject("id", UUID.class), rs.getString("step_key"), rs.getInt("anchor_rank"), rs.getInt("rank"), rs.getString("title"),
				PathwayRole.valueOf(rs.getString("role")), rs.getBoolean("optional"), due, grace, status, rs.getObject("done_date", LocalDate.class),
				rs.getString("done_note"));
	}

	/** Marks a step done on a date (today by default, never in the future); the steps anchored on it move. */
	@Transactional
	public void markDone(UUID stepId, @Nullable LocalDate date, @Nullable String note) {
		UUID enrolmentId = enrolmentOf(stepId);
		Head head = requireVisible(enrolmentId);
		LocalDate day = date == null ? LocalDate.now(PARIS) : date;
		Problems problems = new Problems();
		if (day.isAfter(LocalDate.now(PARIS))) {
			problems.reject("date", "pathways.done.future");
		} else if (day.isBefore(head.startDate().minusYears(1))) {
			problems.reject("date", "pathways.done.tooEarly");
		}
		if (note != null && note.strip().length() > 500) {
			problems.reject("note", "pathways.done.note");
		}
		problems.throwIfAny();
		int n = jdbc.sql("""
				update pathway_step set status = 'DONE', done_date = :d, done_note = :n, done_by = :by where id = :id and status = 'DUE'""")
			.param("d", day).param("n", note == null || note.isBlank() ? null : note.strip()).param("by", access.requireUser().id()).param("id", stepId)
			.update();
		if (n == 0) {
			throw Problems.rejected("step", "pathways.done.notDue");
		}
		audit.change("pathway.step.done", "pathway_step", stepId.toString(), head.cptsId(), day.toString());
		reschedule(enrolmentId);
	}

	/**
	 * Marks done, on {@code date}, the first step still due of this key (a collective workshop
	 * attended); false when none is due. The steps anchored on it move.
	 */
	@Transactional
	public boolean completeNext(UUID enrolmentId, String stepKey, LocalDate date, @Nullable String note) {
		requireVisible(enrolmentId);
		return jdbc.sql("""
				select id from pathway_step where enrolment_id = :e and step_key = :k and status = 'DUE' order by due_date, anchor_rank, rank limit 1""")
			.param("e", enrolmentId).param("k", stepKey).query(UUID.class).optional().map(step -> {
				markDone(step, date, note);
				return true;
			}).orElse(false);
	}

	/** Where a patient stands in their pathway, without naming them: steps done by key, overdue ones, the next one due. */
	public record Progress(UUID enrolmentId, String status, Map<String, Long> doneByKey, long overdue, @Nullable LocalDate nextDue,
			@Nullable String nextTitle) {

		public long done(String key) {
			return doneByKey.getOrDefault(key, 0L);
		}
	}

	/** The progress of those of these enrolments the signed-in user may read (their circles'; a coordinator's for ordinary pathways). */
	@Transactional(readOnly = true)
	public Map<UUID, Progress> progress(java.util.Collection<UUID> enrolmentIds) {
		Map<UUID, Progress> out = new java.util.LinkedHashMap<>();
		if (enrolmentIds.isEmpty()) {
			return out;
		}
		UUID[] ids = enrolmentIds.toArray(UUID[]::new);
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		List<UUID> coordinated = user.roles().entrySet().stream().filter(e -> e.getValue().contains(Role.COORDINATOR)).map(Map.Entry::getKey).toList();
		LocalDate today = LocalDate.now(PARIS);
		record Row(UUID id, String status) {
		}
		List<Row> visible = jdbc.sql("""
				select e.id, e.status from pathway_enrolment e join pathway_template t on t.id = e.template_id
				where e.id = any(:ids) and ((e.cpts_id = any(:coordinated) and not t.circle_only) or exists (select 1 from pathway_circle_member m
				  where m.enrolment_id = e.id and m.removed_at is null and (m.practitioner_id = :p or m.organization_id = any(:o))))""")
			.param("ids", ids).param("coordinated", coordinated.toArray(UUID[]::new)).param("p", me.practitionerId()).param("o", me.organizations())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2))).list();
		for (Row r : visible) {
			Map<String, Long> done = new HashMap<>();
			long[] overdue = {0};
			LocalDate[] next = {null};
			String[] nextTitle = {null};
			jdbc.sql("select * from pathway_step where enrolment_id = :e order by due_date, anchor_rank, rank").param("e", r.id()).query(Enrolments::step)
				.list().forEach(s -> {
					if (s.status() == Status.DONE) {
						done.merge(s.stepKey(), 1L, Long::sum);
					} else if (s.status() == Status.OVERDUE) {
						overdue[0]++;
					}
					if ((s.status() == Status.DUE || s.status() == Status.OVERDUE) && next[0] == null) {
						next[0] = s.dueDate();
						nextTitle[0] = s.title();
					}
				});
			out.put(r.id(), new Progress(r.id(), r.status(), done, overdue[0], next[0], nextTitle[0]));
		}
		return out;
	}

	/** Moves the enrolment to its template's current version: done steps stay, the rest is scheduled anew. */
	@Transactional
	public void migrate(UUID enrolmentId) {
		Head head = requireVisible(enrolmentId);
		access.requireCoordinatorForPatients(head.cptsId());
		PathwayTemplates.Template t = templates.version(head.templateId(), null);
		jdbc.sql("update pathway_enrolment set template_version = :v, horizon = start_date + make_interval(months => :m) where id = :id")
			.param("v", t.version()).param("m", t.durationMonths()).param("id", enrolmentId).update();
		audit.change("pathway.migrate", "pathway_enrolment", enrolmentId.toString(), head.cptsId(), "v" + head.templateVersion() + " → v" + t.version());
		reschedule(enrolmentId);
	}

	/** Ends an enrolment (the patient left, the pathway is over): what is still due is cancelled. */
	@Transactional
	public void end(UUID enrolmentId, @Nullable String reason) {
		Head head = requireVisible(enrolmentId);
		if (reason == null || reason.isBlank()) {
			throw Problems.rejected("reason", "pathways.end.reason");
		}
		if (reason.strip().length() > 500) {
			throw Problems.rejected("reason", "text.tooLong", 500);
		}
		jdbc.sql("update pathway_enrolment set status = 'ENDED', ended_at = now(), end_reason = :r where id = :id and status = 'ACTIVE'")
			.param("r", reason.strip()).param("id", enrolmentId).update();
		jdbc.sql("update pathway_step set status = 'CANCELLED' where enrolment_id = :e and status = 'DUE'").param("e", enrolmentId).update();
		audit.change("pathway.end", "pathway_enrolment", enrolmentId.toString(), head.cptsId(), reason.strip());
	}

	/**
	 * Writes the schedule from the enrolment's template version and what was done: new occurrences
	 * are added, due ones move, those no longer scheduled are cancelled; done ones never change.
	 */
	void reschedule(UUID enrolmentId) {
		Head head = head(enrolmentId);
		PathwayTemplates.Template t = templates.version(head.templateId(), head.templateVersion());
		Map<String, LocalDate> done = new HashMap<>();
		Map<String, Object[]> existing = new HashMap<>();
		jdbc.sql("select id, step_key, anchor_rank, rank, status, done_date, due_date from pathway_step where enrolment_id = :e").param("e", enrolmentId)
			.query((rs, n) -> {
				String key = rs.getString("step_key") + "#" + rs.getInt("anchor_rank") + "." + rs.getInt("rank");
				existing.put(key, new Object[] {rs.getObject("id", UUID.class), rs.getString("status"), rs.getObject("due_date", LocalDate.class)});
				if ("DONE".equals(rs.getString("status"))) {
					done.put(key, rs.getObject("done_date", LocalDate.class));
				}
				return key;
			}).list();
		Map<String, StepDefinition> defs = new HashMap<>();
		t.steps().forEach(s -> defs.put(s.key(), s));
		List<Object[]> inserts = new ArrayList<>();
		Set<String> scheduled = new HashSet<>();
		for (ScheduleEngine.Occurrence o : ScheduleEngine.compute(t.steps(), head.startDate(), head.horizon(), done)) {
			scheduled.add(o.id());
			Object[] row = existing.get(o.id());
			StepDefinition d = defs.get(o.stepKey());
			if (row == null) {
				inserts.add(new Object[] {UUID.randomUUID(), enrolmentId, o.stepKey(), o.anchorRank(), o.rank(), d.title(), d.role().name(), d.optional(),
						o.due(), d.graceDays()});
			} else if ("DUE".equals(row[1]) && !o.due().equals(row[2])) {
				// a moved step is watched again from its new due date
				jdbc.sql("update pathway_step set due_date = :d, overdue_at = null where id = :id").param("d", o.due()).param("id", row[0]).update();
			} else if ("CANCELLED".equals(row[1]) && "ACTIVE".equals(head.status())) {
				jdbc.sql("update pathway_step set status = 'DUE', due_date = :d, overdue_at = null where id = :id").param("d", o.due()).param("id", row[0])
					.update();
			}
		}
		template.batchUpdate("""
				insert into pathway_step (id, enrolment_id, step_key, anchor_rank, rank, title, role, optional, due_date, grace_days)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, 500, (ps, row) -> {
			for (int k = 0; k < row.length; k++) {
				ps.setObject(k + 1, row[k]);
			}
		});
		List<UUID> gone = existing.entrySet().stream().filter(e -> !scheduled.contains(e.getKey()) && "DUE".equals(e.getValue()[1]))
			.map(e -> (UUID) e.getValue()[0]).toList();
		if (!gone.isEmpty()) {
			jdbc.sql("update pathway_step set status = 'CANCELLED' where id = any(:ids)").param("ids", gone.toArray(UUID[]::new)).update();
		}
	}

	/** The steps due (or overdue) for the signed-in professional's circles before {@code to}, with the patients' names (read audited). */
	// no surrounding transaction: a few short reads, and the audited read of the patients commits on its own
	public List<Task> myTasks(LocalDate from, LocalDate to) {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		if (me.none()) {
			return List.of();
		}
		record Row(UUID step, UUID enrolment, UUID cpts, UUID patient, String pathway, String title, String role, LocalDate due, boolean overdue) {
		}
		LocalDate today = LocalDate.now(PARIS);
		List<Row> rows = jdbc.sql("""
				with mine as materialized (select enrolment_id, role from pathway_circle_member
				  where removed_at is null and (practitioner_id = :p or organization_id = any(:o))),
				due as materialized (select s.* from mine m cross join lateral (select * from pathway_step s where s.enrolment_id = m.enrolment_id
				  and s.status = 'DUE' and s.role in ('TOUS', m.role) and s.due_date < :to
				  and (s.due_date >= :from or s.due_date + s.grace_days < :today)) s)
				select s.id, s.enrolment_id, e.cpts_id, e.patient_id, t.name, s.title, s.role, s.due_date, s.due_date + s.grace_days < :today as overdue
				from due s join pathway_enrolment e on e.id = s.enrolment_id and e.status = 'ACTIVE' join pathway_template t on t.id = e.template_id
				order by s.due_date, s.id limit 2000""")
			.param("p", me.practitionerId()).param("o", me.organizations()).param("from", from).param("to", to).param("today", today)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getBoolean(9)))
			.list().stream().distinct().toList();
		Map<UUID, List<UUID>> patientsByCpts = new HashMap<>();
		rows.forEach(r -> patientsByCpts.computeIfAbsent(r.cpts(), k -> new ArrayList<>()).add(r.patient()));
		Map<UUID, Patient> found = new HashMap<>();
		patientsByCpts.forEach((cpts, ids) -> found.putAll(patients.getAll(cpts, ids.stream().distinct().toList(), PURPOSE + " : tâches")));
		return rows.stream().map(r -> new Task(r.step(), r.enrolment(), r.cpts(),
				found.containsKey(r.patient()) ? found.get(r.patient()).identity().displayName() : "?", r.pathway(), r.title(), PathwayRole.valueOf(r.role()),
				r.due(), r.overdue())).toList();
	}

	/** The enrolments the signed-in user may see in a CPTS: all of them for its coordinators, their circles' for others; patients' names audited. */
	public record Listed(UUID id, String patientName, String pathway, LocalDate startDate, String status, long overdue) {
	}

	// no surrounding transaction: a few short reads, and the audited read of the patients commits on its own
	public List<Listed> visible(UUID cptsId) {
		CurrentUser user = access.requireMember(cptsId);
		boolean coordinator = user.has(cptsId, Role.COORDINATOR);
		AccountLinks.Represented me = links.represented(user.id());
		record Row(UUID id, UUID patient, String pathway, LocalDate start, String status, long overdue) {
		}
		List<Row> rows = jdbc.sql("""
				select e.id, e.patient_id, t.name, e.start_date, e.status,
				  (select count(*) from pathway_step s where s.enrolment_id = e.id and s.status = 'DUE' and s.due_date + s.grace_days < :today) as overdue
				from pathway_enrolment e join pathway_template t on t.id = e.template_id
				where e.cpts_id = :c and ((:all and not t.circle_only) or exists (select 1 from pathway_circle_member m where m.enrolment_id = e.id and m.removed_at is null
				  and (m.practitioner_id = :p or m.organization_id = any(:o))))
				order by e.status, e.start_date desc limit 500""")
			.param("c", cptsId).param("all", coordinator).param("p", me.practitionerId()).param("o", me.organizations())
			.param("today", LocalDate.now(PARIS))
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getLong(6)))
			.list();
		Map<UUID, Patient> found = patients.getAll(cptsId, rows.stream().map(Row::patient).distinct().toList(), PURPOSE + " : liste");
		return rows.stream().map(r -> new Listed(r.id(), found.containsKey(r.patient()) ? found.get(r.patient()).identity().displayName() : "?",
				r.pathway(), r.start(), r.status(), r.overdue())).toList();
	}

	/** What an enrolment is, without its patient. */
	record Head(UUID id, UUID cptsId, UUID templateId, int templateVersion, UUID patientId, LocalDate startDate, LocalDate horizon, String status,
			boolean circleOnly) {
	}

	Head head(UUID enrolmentId) {
		return jdbc.sql("select e.*, t.circle_only from pathway_enrolment e join pathway_template t on t.id = e.template_id where e.id = :id")
			.param("id", enrolmentId)
			.query((rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getObject("template_id", UUID.class),
					rs.getInt("template_version"), rs.getObject("patient_id", UUID.class), rs.getObject("start_date", LocalDate.class),
					rs.getObject("horizon", LocalDate.class), rs.getString("status"), rs.getBoolean("circle_only")))
			.optional().orElseThrow(CptsAccess.NotVisibleException::new);
	}

	UUID enrolmentOf(UUID stepId) {
		return jdbc.sql("select enrolment_id from pathway_step where id = :id").param("id", stepId).query(UUID.class).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
	}

	/** The enrolment, if the signed-in user is in its circle or coordinates its CPTS (by role); otherwise it does not exist for them. */
	Head requireVisible(UUID enrolmentId) {
		Head head = head(enrolmentId);
		CurrentUser user = access.requireUser();
		if (user.has(head.cptsId(), Role.COORDINATOR) && !head.circleOnly()) {
			return head;
		}
		AccountLinks.Represented me = links.represented(user.id());
		boolean inCircle = !me.none() && jdbc.sql("""
				select exists (select 1 from pathway_circle_member where enrolment_id = :e and removed_at is null
				  and (practitioner_id = :p or organization_id = any(:o)))""")
			.param("e", enrolmentId).param("p", me.practitionerId()).param("o", me.organizations()).query(Boolean.class).single();
		if (!inCircle) {
			throw new CptsAccess.NotVisibleException();
		}
		return head;
	}

	/** Whether the signed-in user may read this enrolment (for other modules: the circle's conversation). */
	@Transactional(readOnly = true)
	public boolean mayRead(UUID enrolmentId) {
		try {
			requireVisible(enrolmentId);
			return true;
		} catch (CptsAccess.NotVisibleException ex) {
			return false;
		}
	}
}
