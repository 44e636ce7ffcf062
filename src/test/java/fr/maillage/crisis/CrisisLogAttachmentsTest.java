package fr.maillage.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The crisis log's attachments through the API, against the real database: an entry with a file
 * that is not what its name says is refused whole (no entry, no file); a good one keeps its files,
 * read back byte for byte by the cell, audited; a member outside the cell gets nothing; the
 * database refuses to change or remove a file, whoever asks.
 */
@IntegrationTest
class CrisisLogAttachmentsTest {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
	static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000PE\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void anEntryKeepsItsFilesForTheCellAndNeverLosesOrChangesThem() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person referent = People.invite(admin, cpts, "COORDINATOR");
		String referentId = jdbc.sql("select id::text from user_account where email = :e").param("e", referent.email()).query(String.class).single();
		Api cell = new Api(port, People.token(port, referent));
		Api member = new Api(port, People.join(admin, port, cpts, "MEMBER"));
		assertThat(cell.put("/api/v1/cpts/" + cpts + "/crisis-plan", Map.of("fields", Map.of("cell0.user", referentId, "cell0.role", "REFERENT")))
			.status()).isEqualTo(200);
		Api.Response crisis = cell.post("/api/v1/cpts/" + cpts + "/crises", Map.of("kind", "CARE_DISRUPTION", "level", "2", "exercise", "true"));
		assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
		String log = "/api/v1/crises/" + crisis.json().get("id").asString() + "/log";

		// a program renamed .pdf: the whole entry is refused, in French, and nothing is kept
		Api.Response refused = cell.postForm(log, Map.of("kind", "DECISION", "text", "Arrêté préfectoral reçu"),
				List.of(new Api.Part("files", "arrete.pdf", PDF), new Api.Part("files", "arrete-signe.pdf", EXE)));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("arrete-signe.pdf").contains("n'est ni un PDF");
		assertThat(cell.get(log).json()).isEmpty();
		Api.Response tooMany = cell.postForm(log, Map.of("kind", "DECISION", "text", "Quatre pièces"),
				List.of(new Api.Part("files", "a.pdf", PDF), new Api.Part("files", "b.pdf", PDF), new Api.Part("files", "c.pdf", PDF),
						new Api.Part("files", "d.pdf", PDF)));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("Trois pièces jointes au plus");

		Api.Response added = cell.postForm(log, Map.of("kind", "DECISION", "text", "Arrêté préfectoral reçu"),
				List.of(new Api.Part("files", "../arrêté n°12.pdf", PDF)));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		JsonNode entry = added.json().get(0);
		JsonNode file = entry.get("attachments").get(0);
		assertThat(file.get("name").asString()).isEqualTo("arrêté n°12.pdf");
		assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
		String fileId = file.get("id").asString();
		assertThat(cell.bytes("GET", "/api/v1/crises/log/attachments/" + fileId)).isEqualTo(PDF);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from audit_event where action = 'crisis.log.file.read' and subject_id = :f").param("f", fileId).query(Long.class).single())
			.isEqualTo(1));
		// a member outside the cell reads neither the log nor its files
		assertThat(member.get(log).status()).isIn(403, 404);
		assertThat(member.get("/api/v1/crises/log/attachments/" + fileId).status()).isIn(403, 404);
		assertThat(cell.get("/api/v1/crises/log/attachments/" + UUID.randomUUID()).status()).isEqualTo(404);

		// the database refuses to change or remove a file: the application's role has no right, the owner meets the trigger
		UUID id = UUID.fromString(fileId);
		assertThatThrownBy(() -> jdbc.sql("update crisis_log_attachment set name = 'autre.pdf' where id = :id").param("id", id).update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from crisis_log_attachment where id = :id").param("id", id).update()).rootCause()
			.hasMessageContaining("permission denied");
		try (java.sql.Connection c = fr.maillage.support.DatabaseOwner.connect(dataSource)) {
			JdbcClient owner = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
			assertThatThrownBy(() -> owner.sql("delete from crisis_log_attachment where id = :id").param("id", id).update()).rootCause()
				.hasMessageContaining("append-only");
		}
	}
}
