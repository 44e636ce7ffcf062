package fr.maillage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.IntegrationTest;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The audit log is tamper-evident: rows forged by the database's superuser (who can bypass the
 * triggers) break the hash chain at the row touched, and the verification names it; the
 * retention purge moves the chain's start without breaking it. Each forgery is undone, so the
 * shared test database keeps an intact chain.
 */
@IntegrationTest
class AuditChainIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChain chain;

	Connection superuser() throws Exception {
		return fr.maillage.support.DatabaseOwner.connect(dataSource);
	}

	long sealedRow(String action) {
		long id = jdbc.sql("insert into audit_event (action, subject_type, details) values (:a, 'test', 'original') returning id").param("a", action)
			.query(Long.class).single();
		chain.sealPending();
		return id;
	}

	@Test
	void aRowChangedByTheSuperuserBreaksTheChainThereAndTheVerificationSaysWhere() throws Exception {
		long id = sealedRow("test.forged");
		sealedRow("test.after");
		assertThat(chain.verify().intact()).as("intact before: " + chain.verify()).isTrue();
		try (Connection c = superuser()) {
			JdbcClient root = JdbcClient.create(new SingleConnectionDataSource(c, true));
			root.sql("set session_replication_role = replica").update();
			root.sql("update audit_event set details = 'forgé' where id = :id").param("id", id).update();
			try {
				AuditChain.Verification broken = chain.verify();
				assertThat(broken.intact()).isFalse();
				assertThat(broken.brokenId()).isEqualTo(id);
				assertThat(broken.reason()).isEqualTo("content");
				assertThat(AuditVerify.describe(broken, AuditVerify.messages(java.util.Locale.FRENCH))).contains("ALTÉRÉ").contains("ligne " + id)
					.contains("ligne modifiée");
			}
			finally {
				root.sql("update audit_event set details = 'original' where id = :id").param("id", id).update();
			}
		}
		assertThat(chain.verify().intact()).as("the forgery undone").isTrue();
	}

	@Test
	void aRowRemovedByTheSuperuserLeavesAGapThatTheVerificationNames() throws Exception {
		long id = sealedRow("test.removed");
		long next = sealedRow("test.next");
		try (Connection c = superuser()) {
			JdbcClient root = JdbcClient.create(new SingleConnectionDataSource(c, true));
			root.sql("set session_replication_role = replica").update();
			Map<String, Object> saved = root.sql("select * from audit_event where id = :id").param("id", id).query().singleRow();
			root.sql("delete from audit_event where id = :id").param("id", id).update();
			try {
				AuditChain.Verification broken = chain.verify();
				assertThat(broken.brokenId()).isEqualTo(next);
				assertThat(broken.reason()).isEqualTo("gap");
			}
			finally {
				root.sql("""
					insert into audit_event (id, at, action, subject_type, details, seal_seq, prev_hash, row_hash) overriding system value
					values (:id, :at, :action, 'test', 'original', :seq, :prev, :hash)""").param("id", id).param("at", saved.get("at"))
				.param("action", saved.get("action")).param("seq", saved.get("seal_seq")).param("prev", saved.get("prev_hash"))
				.param("hash", saved.get("row_hash")).update();
			}
		}
		assertThat(chain.verify().intact()).as("the row put back").isTrue();
	}

	@Test
	void theRetentionPurgeRemovesTheOldestRowsAndMovesTheStartWithoutBreakingTheChain() throws Exception {
		sealedRow("test.purge");
		try (Connection c = superuser()) {
			c.setAutoCommit(false);
			JdbcClient root = JdbcClient.create(new SingleConnectionDataSource(c, true));
			try {
				root.sql("set local session_replication_role = replica").update();
				long first = root.sql("select min(seal_seq) from audit_event").query(Long.class).single();
				// as if the first three sealed rows were four years old
				root.sql("update audit_event set at = at - interval '4 years' where seal_seq < :s").param("s", first + 3).update();
				root.sql("set local session_replication_role = origin").update();
				assertThat(root.sql("select purge_audit_events(interval '3 years')").query(Long.class).single()).isEqualTo(3);
				assertThat(root.sql("select first_seq from audit_chain_anchor").query(Long.class).single()).isEqualTo(first + 3);
				AuditChain.Verification after = AuditChain.verify(root);
				assertThat(after.brokenSeq()).as("the chain starts where the purge left it: " + after).isNull();
			}
			finally {
				c.rollback();
			}
		}
		assertThat(chain.verify().intact()).isTrue();
	}
}
