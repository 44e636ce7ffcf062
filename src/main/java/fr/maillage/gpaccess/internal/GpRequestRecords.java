package fr.maillage.gpaccess.internal;

import fr.maillage.gpaccess.RequestStatus;
import fr.maillage.patients.PatientRecords;
import fr.maillage.platform.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A patient's requests for a médecin traitant, for their right of access and their erasure. */
@Component
class GpRequestRecords implements PatientRecords {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private final JdbcClient jdbc;
	private final Messages messages;

	GpRequestRecords(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<Held> heldAbout(UUID patientId) {
		return jdbc.sql("select number, filed_at, status, notes from gp_request where patient_id = :p order by filed_at").param("p", patientId)
			.query((rs, n) -> new Held(messages.get("gpaccess.records.kind"), messages.get("gpaccess.records.label", rs.getLong(1)),
					LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), PARIS),
					messages.get(RequestStatus.valueOf(rs.getString(3)).labelKey()) + (rs.getString(4) == null ? "" : " — " + rs.getString(4))))
			.list();
	}

	@Override
	public List<String> auditedIds(UUID patientId) {
		return jdbc.sql("select id::text from gp_request where patient_id = :p").param("p", patientId).query(String.class).list();
	}

	/** Requests still open are withdrawn; notes and reasons, which may name the person, are removed. */
	@Override
	public void erase(UUID patientId) {
		List<UUID> open = jdbc.sql("select id from gp_request where patient_id = :p and status in ('PENDING', 'PROPOSED', 'ACCEPTED')")
			.param("p", patientId).query(UUID.class).list();
		for (UUID id : open) {
			jdbc.sql("insert into gp_request_event (request_id, kind, note) values (:r, 'WITHDRAWN', :n)")
				.param("r", id).param("n", messages.get("patients.erase.done")).update();
		}
		jdbc.sql("""
				update gp_request set status = case when status in ('PENDING', 'PROPOSED', 'ACCEPTED') then 'WITHDRAWN' else status end,
				  practitioner_id = case when status in ('PENDING', 'PROPOSED', 'ACCEPTED') then null else practitioner_id end,
				  withdrawn_at = case when status in ('PENDING', 'PROPOSED', 'ACCEPTED') then now() else withdrawn_at end,
				  withdraw_reason = case when status = 'WITHDRAWN' or status in ('PENDING', 'PROPOSED', 'ACCEPTED') then :n end,
				  notes = null, proposal_reason = null, version = version + 1
				where patient_id = :p""")
			.param("p", patientId).param("n", messages.get("patients.erase.done")).update();
		jdbc.sql("update gp_request_event set note = null where request_id in (select id from gp_request where patient_id = :p) and kind <> 'WITHDRAWN'")
			.param("p", patientId).update();
		jdbc.sql("update gp_request_event set note = :n where request_id in (select id from gp_request where patient_id = :p) and kind = 'WITHDRAWN'")
			.param("p", patientId).param("n", messages.get("patients.erase.done")).update();
	}
}
