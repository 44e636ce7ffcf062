package fr.maillage.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Who read my record": the audit rows about some records (a patient and what modules hold about
 * them), for the patient's rights export. The caller checks who may ask; ids only go in.
 */
@Service
public class AuditTrail {

	/** One access: when, by whom (the account's e-mail, or the system), what (the action's code). */
	public record Access(Instant at, String who, String action) {
	}

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads and changes whose subject is one of these ids, or whose details name {@code mentioned}
	 * (a list or a search that returned it), oldest first, at most 5,000.
	 */
	public List<Access> about(Collection<String> subjectIds, String mentioned) {
		return jdbc.sql("""
				select at, coalesce(actor_label, 'système'), action from audit_event
				where subject_id = any(:ids) or (subject_type = 'patient' and subject_id is null and details like :m)
				order by at, id limit 5000""")
			.param("ids", subjectIds.toArray(String[]::new)).param("m", "%" + mentioned.replace("%", "").replace("_", "\\\\_") + "%")
			.query((rs, n) -> new Access(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
	}
}
