package fr.maillage.pathways.internal;

import fr.maillage.messaging.Conversations;
import fr.maillage.pathways.Enrolments;
import fr.maillage.patients.PatientRecords;
import fr.maillage.platform.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A patient's pathways (enrolments, steps, circle conversation, decision-tree runs), for their right of access and their erasure. */
@Component
class PathwayRecords implements PatientRecords {

	private final JdbcClient jdbc;
	private final Messages messages;
	private final Conversations conversations;

	PathwayRecords(JdbcClient jdbc, Messages messages, Conversations conversations) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.conversations = conversations;
	}

	@Override
	public List<String> auditedIds(UUID patientId) {
		return jdbc.sql("select id::text from pathway_enrolment where patient_id = :p").param("p", patientId).query(String.class).list();
	}

	@Override
	public List<Held> heldAbout(UUID patientId) {
		List<Held> held = new ArrayList<>();
		jdbc.sql("""
				select t.name, e.start_date, e.status, e.end_reason,
				  (select count(*) from pathway_step s where s.enrolment_id = e.id and s.status = 'DONE') as done,
				  (select count(*) from pathway_step s where s.enrolment_id = e.id and s.status = 'DUE') as due,
				  (select count(*) from pathway_circle_member m where m.enrolment_id = e.id and m.removed_at is null) as circle,
				  (select count(*) from message m join conversation c on c.id = m.conversation_id
				    where c.kind = :k and c.source_ref = e.id::text) as messages,
				  (select count(*) from decision_tree_run r where r.enrolment_id = e.id) as runs
				from pathway_enrolment e join pathway_template t on t.id = e.template_id
				where e.patient_id = :p order by e.start_date""")
			.param("p", patientId).param("k", Enrolments.CONVERSATION_KIND)
			.query((rs, n) -> held.add(new Held(messages.get("pathways.records.kind"), rs.getString(1), rs.getObject(2, LocalDate.class),
					messages.get("pathways.records.detail", messages.get("pathways.enrolment." + rs.getString(3)), rs.getLong(5), rs.getLong(6),
							rs.getLong(7), rs.getLong(8), rs.getLong(9))
							+ (rs.getString(4) == null ? "" : " — " + rs.getString(4)))))
			.list();
		return held;
	}

	/** Running pathways end, steps to come are cancelled, notes and the circle's messages removed, decision-tree runs detached. */
	@Override
	public void erase(UUID patientId) {
		List<UUID> enrolments = jdbc.sql("select id from pathway_enrolment where patient_id = :p").param("p", patientId).query(UUID.class).list();
		if (enrolments.isEmpty()) {
			return;
		}
		UUID[] ids = enrolments.toArray(UUID[]::new);
		String done = messages.get("patients.erase.done");
		jdbc.sql("update pathway_enrolment set status = 'ENDED', ended_at = coalesce(ended_at, now()), end_reason = :r where id = any(:ids)")
			.param("r", done).param("ids", ids).update();
		jdbc.sql("update pathway_step set status = case when status = 'DUE' then 'CANCELLED' else status end, done_note = null where enrolment_id = any(:ids)")
			.param("ids", ids).update();
		jdbc.sql("update decision_tree_run set enrolment_id = null where enrolment_id = any(:ids)").param("ids", ids).update();
		enrolments.forEach(e -> conversations.eraseSource(Enrolments.CONVERSATION_KIND, e.toString()));
	}
}
