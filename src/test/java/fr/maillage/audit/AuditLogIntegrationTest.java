package fr.maillage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log is append-only and records every change with who and from where. */
@IntegrationTest
class AuditLogIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void theApplicationsRoleCannotUpdateDeleteOrUnlockAuditRows() {
		long id = jdbc.sql("insert into audit_event (action, subject_type) values ('test.row', 'test') returning id").query(Long.class).single();
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("maillage");
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
		assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'forged' where id = :id").param("id", id).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause().hasMessageContaining("permission denied");
		// the attacks issue 16 found with the superuser: none is open to the application's role
		assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger all").update()).rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("drop table audit_event").update()).rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.sql("create table forged (id int)").update()).rootCause().hasMessageContaining("permission denied");
		assertThat(jdbc.sql("select action from audit_event where id = :id").param("id", id).query(String.class).single()).isEqualTo("test.row");
	}

	@Test
	void theDatabaseStampsEachRowItselfNobodyBackdatesOrPreSealsOne() {
		var row = jdbc.sql("""
				insert into audit_event (at, action, subject_type, row_hash, seal_seq) values (now() - interval '4 years', 'test.backdated', 'test',
				  '\\x00'::bytea, 1) returning at > now() - interval '1 minute' as now, row_hash is null as unsealed, seal_seq is null as noseq""")
			.query().singleRow();
		assertThat(row).containsEntry("now", true).containsEntry("unsealed", true).containsEntry("noseq", true);
	}

	@Test
	void retentionPurgesNothingYoungerThanSixMonths() {
		assertThatThrownBy(() -> jdbc.sql("select purge_audit_events(interval '5 months')").query(Long.class).single())
			.rootCause().hasMessageContaining("at least 6 months");
		long id = jdbc.sql("insert into audit_event (action, subject_type) values ('test.recent', 'test') returning id").query(Long.class).single();
		jdbc.sql("select purge_audit_events(interval '6 months')").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from audit_event where id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Autowired
	fr.maillage.audit.internal.AuditRetention retention;

	@Test
	void theRetentionJobAuditsItsPurge() {
		long recent = jdbc.sql("insert into audit_event (action, subject_type) values ('test.recent', 'test') returning id").query(Long.class).single();
		assertThat(retention.purge()).as("nothing here is three years old").isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where id = :id").param("id", recent).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'audit.purged' and id > :id").param("id", recent)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void creatingACptsIsAuditedWithActorAndAddress() {
		String slug = TestData.unique("audit");
		Api.Response r = new Api(port, TestData.ADMIN_TOKEN).post("/api/v1/cpts", Map.of("name", "CPTS audit", "siret", TestData.VALID_SIRET,
				"address", "x", "email", "a@b.fr", "phone", "0400000000", "slug", slug));
		assertThat(r.status()).isEqualTo(201);
		String id = r.json().get("id").asString();
		var row = jdbc.sql("select actor_label, ip, action from audit_event where subject_id = :id").param("id", id).query().singleRow();
		assertThat(row.get("actor_label")).isEqualTo(TestData.ADMIN_EMAIL);
		assertThat(row.get("ip")).isEqualTo("127.0.0.1");
		assertThat(row.get("action")).isEqualTo("cpts.created");
	}

	@Test
	void theAuditApiIsForAdministratorsAndCoordinators() {
		Api.Response r = new Api(port, TestData.ADMIN_TOKEN).get("/api/v1/audit?size=5");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("events").size()).isBetween(1, 5);
	}
}
