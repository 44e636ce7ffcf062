package fr.maillage.audit.internal;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditQuery;
import fr.maillage.audit.AuditedActor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log within what the reader may see: everything for an administrator, their CPTS for a coordinator. */
@Service
public class AuditReader {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	AuditReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Page(List<AuditEvent> events, long total, int page, int size) {
	}

	@Transactional(readOnly = true)
	public Page find(AuditedActor reader, AuditQuery q) {
		var where = where(reader, q);
		long total = bind(jdbc.sql("select count(*) from audit_event where " + where.sql()), where.params()).query(Long.class).single();
		List<AuditEvent> events = bind(jdbc.sql("select * from audit_event where " + where.sql()
				+ order(q) + " limit :limit offset :offset"), where.params())
			.param("limit", q.size()).param("offset", (long) q.page() * q.size())
			.query(AuditReader::event).list();
		return new Page(events, total, q.page(), q.size());
	}

	/** Streams every matching row, in the order asked, for exports. */
	@Transactional(readOnly = true)
	public void forEach(AuditedActor reader, AuditQuery q, Consumer<AuditEvent> consumer) {
		var where = where(reader, q);
		bind(jdbc.sql("select * from audit_event where " + where.sql() + order(q) + " limit 1000000"), where.params())
			.query(AuditReader::event).stream().forEach(consumer);
	}

	private static String order(AuditQuery q) {
		return q.oldestFirst() ? " order by at, id" : " order by at desc, id desc";
	}

	private record Where(String sql, List<Object[]> params) {
	}

	private static Where where(AuditedActor reader, AuditQuery q) {
		List<String> clauses = new ArrayList<>();
		List<Object[]> params = new ArrayList<>();
		if (!reader.readsWholeAuditLog()) {
			if (reader.auditableCpts().isEmpty()) {
				clauses.add("false");
			}
			else {
				clauses.add("cpts_id = any(:allowed)");
				params.add(new Object[] { "allowed", reader.auditableCpts().toArray(UUID[]::new) });
			}
		}
		if (q.cptsId() != null) {
			clauses.add("cpts_id = :cpts");
			params.add(new Object[] { "cpts", q.cptsId() });
		}
		if (q.actor() != null && !q.actor().isBlank()) {
			clauses.add("actor_label ilike :actor");
			params.add(new Object[] { "actor", "%" + q.actor().strip() + "%" });
		}
		if (q.action() != null && !q.action().isBlank()) {
			clauses.add("(action = :action or action like :family)");
			params.add(new Object[] { "action", q.action().strip() });
			params.add(new Object[] { "family", q.action().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%" });
		}
		if (q.from() != null) {
			clauses.add("at >= :from");
			params.add(new Object[] { "from", Timestamp.from(q.from().atStartOfDay(PARIS).toInstant()) });
		}
		if (q.to() != null) {
			clauses.add("at < :to");
			params.add(new Object[] { "to", Timestamp.from(q.to().plusDays(1).atStartOfDay(PARIS).toInstant()) });
		}
		return new Where(clauses.isEmpty() ? "true" : String.join(" and ", clauses), params);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<Object[]> params) {
		for (Object[] p : params) {
			spec = spec.param((String) p[0], p[1]);
		}
		return spec;
	}

	private static AuditEvent event(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_label"), rs.getString("ip"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getObject("cpts_id", UUID.class), rs.getString("details"));
	}
}
