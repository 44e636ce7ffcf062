package fr.maillage.prevention.internal;

import fr.maillage.prevention.EtpProgramme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for therapeutic education: programmes and their team, participants, group sessions and attendance. */
@Repository
public class EtpStore {

	/** A participant as the programme holds them: their pathway enrolment and patient (read through the patients module). */
	public record Participant(UUID id, UUID programmeId, UUID enrolmentId, @Nullable UUID patientId, LocalDate enrolledOn) {
	}

	public record Session(UUID id, UUID programmeId, String title, Instant startsAt, Instant endsAt, @Nullable String place, @Nullable Integer capacity,
			long present) {
	}

	/** A programme's counts for a year, from its own tables (the pathway's steps are counted by the pathways module). */
	public record YearCounts(long enrolled, long sessions, long presences, long participantsAtSessions) {
	}

	private final JdbcClient jdbc;

	EtpStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(EtpProgramme p, UUID by) {
		jdbc.sql("""
				insert into etp_programme (id, cpts_id, title, disease, ars_authorisation, authorised_from, authorised_until, description, template_id,
				  status, created_by)
				values (:id, :c, :t, :d, :ars, :f, :u, :desc, :tpl, :s, :by)""")
			.param("id", p.id()).param("c", p.cptsId()).param("t", p.title()).param("d", p.disease()).param("ars", p.arsAuthorisation())
			.param("f", p.authorisedFrom()).param("u", p.authorisedUntil()).param("desc", p.description()).param("tpl", p.templateId())
			.param("s", p.status().name()).param("by", by).update();
		p.team().forEach(m -> addTeamMember(p.id(), m));
	}

	public void addTeamMember(UUID programmeId, EtpProgramme.TeamMember m) {
		jdbc.sql("insert into etp_team_member (programme_id, practitioner_id, name) values (:p, :pr, :n) on conflict do nothing").param("p", programmeId)
			.param("pr", m.practitionerId()).param("n", m.name()).update();
	}

	public void saveStatus(EtpProgramme p) {
		jdbc.sql("update etp_programme set status = :s where id = :id").param("s", p.status().name()).param("id", p.id()).update();
	}

	public Optional<EtpProgramme> find(UUID id) {
		return jdbc.sql("select * from etp_programme where id = :id").param("id", id).query(this::programme).optional();
	}

	public List<EtpProgramme> ofCpts(UUID cptsId) {
		return jdbc.sql("select * from etp_programme where cpts_id = :c order by status, title").param("c", cptsId).query(this::programme).list();
	}

	private EtpProgramme programme(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<EtpProgramme.TeamMember> team = jdbc.sql("select practitioner_id, name from etp_team_member where programme_id = :p order by name")
			.param("p", id).query((r, k) -> new EtpProgramme.TeamMember(r.getObject(1, UUID.class), r.getString(2))).list();
		return new EtpProgramme(id, rs.getObject("cpts_id", UUID.class), rs.getString("title"), rs.getString("disease"),
				rs.getString("ars_authorisation"), rs.getObject("authorised_from", LocalDate.class), rs.getObject("authorised_until", LocalDate.class),
				rs.getString("description"), rs.getObject("template_id", UUID.class), EtpProgramme.Status.valueOf(rs.getString("status")), team);
	}

	public void insertParticipant(Participant p, UUID by) {
		jdbc.sql("""
				insert into etp_participant (id, programme_id, enrolment_id, patient_id, enrolled_on, created_by)
				values (:id, :p, :e, :pa, :on, :by)""")
			.param("id", p.id()).param("p", p.programmeId()).param("e", p.enrolmentId()).param("pa", p.patientId()).param("on", p.enrolledOn())
			.param("by", by).update();
	}

	public List<Participant> participants(UUID programmeId) {
		return jdbc.sql("select * from etp_participant where programme_id = :p order by enrolled_on desc, created_at desc").param("p", programmeId)
			.query(EtpStore::participant).list();
	}

	public Optional<Participant> participant(UUID id) {
		return jdbc.sql("select * from etp_participant where id = :id").param("id", id).query(EtpStore::participant).optional();
	}

	private static Participant participant(ResultSet rs, int n) throws SQLException {
		return new Participant(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class), rs.getObject("enrolment_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("enrolled_on", LocalDate.class));
	}

	public void insertSession(Session s, UUID by) {
		jdbc.sql("""
				insert into etp_session (id, programme_id, title, starts_at, ends_at, place, capacity, created_by)
				values (:id, :p, :t, :s, :e, :pl, :c, :by)""")
			.param("id", s.id()).param("p", s.programmeId()).param("t", s.title()).param("s", java.sql.Timestamp.from(s.startsAt()))
			.param("e", java.sql.Timestamp.from(s.endsAt())).param("pl", s.place()).param("c", s.capacity()).param("by", by).update();
	}

	public List<Session> sessions(UUID programmeId) {
		return jdbc.sql("""
				select s.*, (select count(*) from etp_attendance a where a.session_id = s.id and a.present) as present
				from etp_session s where s.programme_id = :p order by s.starts_at desc""").param("p", programmeId).query(EtpStore::session).list();
	}

	public Optional<Session> session(UUID id) {
		return jdbc.sql("""
				select s.*, (select count(*) from etp_attendance a where a.session_id = s.id and a.present) as present
				from etp_session s where s.id = :id""").param("id", id).query(EtpStore::session).optional();
	}

	private static Session session(ResultSet rs, int n) throws SQLException {
		return new Session(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("place"),
				(Integer) rs.getObject("capacity"), rs.getLong("present"));
	}

	/** Who was present at a session, and who was recorded absent (participant → present). */
	public Map<UUID, Boolean> attendance(UUID sessionId) {
		return jdbc.sql("select participant_id, present from etp_attendance where session_id = :s").param("s", sessionId)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBoolean(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Records a presence or an absence; true when the participant was not already recorded present (their workshop is then done). */
	public boolean mark(UUID sessionId, UUID participantId, boolean present, UUID by) {
		Boolean before = jdbc.sql("select present from etp_attendance where session_id = :s and participant_id = :p for update").param("s", sessionId)
			.param("p", participantId).query(Boolean.class).optional().orElse(null);
		jdbc.sql("""
				insert into etp_attendance (session_id, participant_id, present, recorded_by) values (:s, :p, :pr, :by)
				on conflict (session_id, participant_id) do update set present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = now()""")
			.param("s", sessionId).param("p", participantId).param("pr", present).param("by", by).update();
		return present && !Boolean.TRUE.equals(before);
	}

	public YearCounts counts(UUID programmeId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select (select count(*) from etp_participant where programme_id = :p and enrolled_on between :f and :t),
				  (select count(*) from etp_session where programme_id = :p and (starts_at at time zone 'Europe/Paris')::date between :f and :t),
				  (select count(*) from etp_attendance a join etp_session s on s.id = a.session_id where s.programme_id = :p and a.present
				    and (s.starts_at at time zone 'Europe/Paris')::date between :f and :t),
				  (select count(distinct a.participant_id) from etp_attendance a join etp_session s on s.id = a.session_id where s.programme_id = :p
				    and a.present and (s.starts_at at time zone 'Europe/Paris')::date between :f and :t)""")
			.param("p", programmeId).param("f", from).param("t", to)
			.query((rs, n) -> new YearCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	/** The programmes whose team counts this professional. */
	public List<UUID> programmesOf(UUID practitionerId) {
		return jdbc.sql("select programme_id from etp_team_member where practitioner_id = :p").param("p", practitionerId).query(UUID.class).list();
	}
}
