package fr.maillage.pathways;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.directory.AccountLinks;
import fr.maillage.patients.Patient;
import fr.maillage.patients.Patients;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The pathways as another system reads them through the FHIR API, always through the care circle:
 * the enrolments the caller may read (their circles', and a coordinator's CPTS's unless the
 * pathway is for its circle only), a patient only when one of their enrolments is readable, a step
 * through its enrolment. Never a search by name: a client finds its patients through its plans.
 */
@Service
public class CarePlans {

	public static final String PURPOSE = Enrolments.PURPOSE + " : API FHIR";

	public record Page(List<UUID> enrolmentIds, long total) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AccountLinks links;
	private final Enrolments enrolments;
	private final Patients patients;

	CarePlans(JdbcClient jdbc, CptsAccess access, AccountLinks links, Enrolments enrolments, Patients patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.links = links;
		this.enrolments = enrolments;
		this.patients = patients;
	}

	/** The enrolments the caller may read, the latest first. */
	public Page mine(int limit, int offset) {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		UUID[] coordinated = user.roles().entrySet().stream().filter(e -> e.getValue().contains(Role.COORDINATOR)).map(java.util.Map.Entry::getKey)
			.toArray(UUID[]::new);
		String where = """
				from pathway_enrolment e join pathway_template t on t.id = e.template_id
				where (e.cpts_id = any(:coordinated) and not t.circle_only) or exists (select 1 from pathway_circle_member m
				  where m.enrolment_id = e.id and m.removed_at is null and (m.practitioner_id = :p or m.organization_id = any(:o)))""";
		long total = jdbc.sql("select count(*) " + where).param("coordinated", coordinated).param("p", me.practitionerId())
			.param("o", me.organizations()).query(Long.class).single();
		List<UUID> ids = jdbc.sql("select e.id " + where + " order by e.start_date desc, e.id limit :limit offset :offset")
			.param("coordinated", coordinated).param("p", me.practitionerId()).param("o", me.organizations()).param("limit", limit)
			.param("offset", offset).query(UUID.class).list();
		return new Page(ids, total);
	}

	/** The enrolments of this patient the caller may read (none for anyone outside their circles). */
	public List<UUID> ofPatient(UUID patientId) {
		access.requireUser();
		return jdbc.sql("select id from pathway_enrolment where patient_id = :p order by start_date desc, id").param("p", patientId).query(UUID.class)
			.list().stream().filter(enrolments::mayRead).toList();
	}

	/** The enrolment with its patient, circle and steps, for those who may read it (read audited). */
	public Enrolments.Enrolment get(UUID enrolmentId) {
		return enrolments.get(enrolmentId);
	}

	/** The enrolment a step belongs to, for those who may read it. */
	public Enrolments.Enrolment ofStep(UUID stepId) {
		return enrolments.get(enrolments.enrolmentOf(stepId));
	}

	/** A patient, when one of their enrolments is readable by the caller (read audited); otherwise they do not exist. */
	public Patient patient(UUID patientId) {
		if (ofPatient(patientId).isEmpty()) {
			throw new CptsAccess.NotVisibleException();
		}
		return patients.get(patientId, PURPOSE);
	}
}
