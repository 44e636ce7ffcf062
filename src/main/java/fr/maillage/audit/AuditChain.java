package fr.maillage.audit;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's seal: every row is chained to the one before by a hash (database functions
 * {@code seal_audit_events} and {@code verify_audit_chain}, migration V25), so a row changed,
 * removed or inserted behind the application's back, even by the database's superuser, breaks
 * the chain at a place the verification names.
 */
@Service
public class AuditChain {

	/** Rows still unsealed this long after they were written are reported: the sealer runs every few seconds. */
	public static final Duration SEAL_DELAY = Duration.ofMinutes(10);
	private static final int BATCH = 5000;

	/** The verification's answer; {@code brokenSeq} null when the chain holds. */
	public record Verification(long sealed, long unsealedLate, @Nullable Long brokenSeq, @Nullable Long brokenId,
			@Nullable Instant brokenAt, @Nullable String reason) {

		public boolean intact() {
			return brokenSeq == null && unsealedLate == 0;
		}
	}

	private final JdbcClient jdbc;

	AuditChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Seals what was written since the last pass, a batch per transaction; answers how many rows. */
	public int sealPending() {
		int total = 0;
		for (int n = BATCH; n == BATCH; total += n) {
			n = jdbc.sql("select seal_audit_events(:b)").param("b", BATCH).query(Integer.class).single();
		}
		return total;
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		return verify(jdbc);
	}

	/** The same verification through any connection (the {@code audit-verify} command has no application context). */
	public static Verification verify(JdbcClient jdbc) {
		return jdbc.sql("select * from verify_audit_chain(:before)").param("before", java.sql.Timestamp.from(Instant.now().minus(SEAL_DELAY)))
			.query((rs, i) -> new Verification(rs.getLong("sealed"), rs.getLong("unsealed_late"), (Long) rs.getObject("broken_seq"),
					(Long) rs.getObject("broken_id"), rs.getTimestamp("broken_at") == null ? null : rs.getTimestamp("broken_at").toInstant(),
					rs.getString("reason")))
			.single();
	}
}
