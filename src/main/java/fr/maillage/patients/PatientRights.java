package fr.maillage.patients;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's rights as the CPTS answers them (RGPD, articles 15, 17 and 20): only a coordinator
 * of the patient's CPTS, by role (administrators of the installation do not see patients), finds
 * the patient, reads and exports what is held, and erases it on the patient's request.
 */
@Service
public class PatientRights {

	/** The word a coordinator types to confirm an erasure. */
	public static final String CONFIRMATION = "EFFACER";
	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Patients patients;
	private final CptsAccess access;
	private final JdbcClient jdbc;

	private final fr.maillage.audit.AuditTrail trail;

	PatientRights(Patients patients, CptsAccess access, JdbcClient jdbc, fr.maillage.audit.AuditTrail trail) {
		this.trail = trail;
		this.patients = patients;
		this.access = access;
		this.jdbc = jdbc;
	}

	public List<Patient> search(UUID cptsId, @Nullable String query) {
		access.requireCoordinatorForPatients(cptsId);
		return patients.search(cptsId, query == null ? "" : query, "Droits du patient : recherche");
	}

	public Patients.Record record(UUID patientId) {
		access.requireCoordinatorForPatients(cptsOf(patientId));
		return patients.record(patientId, "Droits du patient : consultation de ce qui est détenu");
	}

	/** What the patient receives: everything held, and who read or changed it (the read audited as an export). */
	public record Export(Instant exportedAt, Patients.Record record, List<fr.maillage.audit.AuditTrail.Access> accesses) {
	}

	public byte[] export(UUID patientId) {
		access.requireCoordinatorForPatients(cptsOf(patientId));
		Patients.Record record = patients.record(patientId, "Droits du patient : export (accès, portabilité)");
		return JSON.writeValueAsBytes(new Export(Instant.now(), record, accesses(patientId)));
	}

	/** Who read or changed the patient's data, from the audit log (the export's own read is the last line). */
	public List<fr.maillage.audit.AuditTrail.Access> accesses(UUID patientId) {
		access.requireCoordinatorForPatients(cptsOf(patientId));
		return trail.about(patients.auditedIds(patientId), patientId.toString());
	}

	/** Erases the patient once the coordinator has typed {@link #CONFIRMATION} and a reason. */
	public void erase(UUID patientId, @Nullable String reason, @Nullable String confirmation) {
		CurrentUser user = access.requireCoordinatorForPatients(cptsOf(patientId));
		Problems problems = Patients.checkErasureReason(reason);
		if (confirmation == null || !CONFIRMATION.equals(confirmation.strip().toUpperCase(Locale.ROOT))) {
			problems.reject("confirmation", "patients.erase.confirm", CONFIRMATION);
		}
		problems.throwIfAny();
		patients.erase(patientId, user.id(), reason);
	}

	private UUID cptsOf(UUID patientId) {
		return jdbc.sql("select cpts_id from patient where id = :id").param("id", patientId).query(UUID.class).optional()
			.orElseThrow(NotFoundException::new);
	}
}
