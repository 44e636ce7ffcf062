package fr.maillage.prevention.internal;

import fr.maillage.patients.PatientRecords;
import fr.maillage.platform.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A patient's therapeutic education (the programmes they joined, the sessions they attended), for
 * their right of access and their erasure. Their pathway is the pathways module's to erase.
 */
@Component
class EtpRecords implements PatientRecords {

	private final JdbcClient jdbc;
	private final Messages messages;

	EtpRecords(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<String> auditedIds(UUID patientId) {
		return jdbc.sql("select id::text from etp_participant where patient_id = :p").param("p", patientId).query(String.class).list();
	}

	@Override
	public List<Held> heldAbout(UUID patientId) {
		return jdbc.sql("""
				select p.title, x.enrolled_on,
				  (select count(*) from etp_attendance a where a.participant_id = x.id and a.present) as present
				from etp_participant x join etp_programme p on p.id = x.programme_id where x.patient_id = :p order by x.enrolled_on""")
			.param("p", patientId)
			.query((rs, n) -> new Held(messages.get("prevention.etp.records.kind"), rs.getString(1), rs.getObject(2, LocalDate.class),
					messages.get("prevention.etp.records.detail", rs.getLong(3))))
			.list();
	}

	/** The participation stays, anonymous, in the programme's counts; nothing names the patient any more. */
	@Override
	public void erase(UUID patientId) {
		jdbc.sql("update etp_participant set patient_id = null where patient_id = :p").param("p", patientId).update();
	}
}
