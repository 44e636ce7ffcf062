package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.support.AnnuaireStub;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.SecondNode;
import fr.maillage.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import from the Annuaire Santé API killed after its second page resumes at the third on the
 * next start, waits out the gateway's 429 there, and applies everything at once: nothing before.
 */
@IntegrationTest
class AnnuaireImportCrashTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	com.github.kagkarlsson.scheduler.Scheduler scheduler;

	@Test
	void killedAfterTwoPagesItResumesAtTheThirdAndAppliesAllAtOnce() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112")).status()).isEqualTo(200);
		String token = People.token(port, People.invite(admin, cpts, "COORDINATOR"));
		String[] args = { "--maillage.annuaire.url=" + AnnuaireStub.base("b"), "--maillage.annuaire.api-key=" + AnnuaireStub.KEY,
				"--maillage.imports.max-rejected-percent=10" };

		// this test's own node has the key too: its recovery task (every two minutes) must not take the import over
		// between the kill and the restart, with its own threshold of rejected lines
		scheduler.pause();
		try {
			run(token, cpts, args);
		}
		finally {
			scheduler.resume();
		}
	}

	private void run(String token, String cpts, String[] args) throws Exception {
		String id;
		try (SecondNode node = SecondNode.start(dataSource, "annuaire-crash", "annuaire-crash-first",
				List.of("-Dmaillage.crash-at=annuaire.import.page.2"), args)) {
			Api.Response started = new Api(node.port(), token).post("/api/v1/cpts/" + cpts + "/imports/annuaire", "");
			assertThat(started.status()).as(started.body()).isEqualTo(201);
			id = started.json().get("id").asString();
			assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("the node halts after the second page").isTrue();
		}
		var stopped = jdbc.sql("select status, pages, cursor, started_at from directory_import where id = :id::uuid").param("id", id)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4) }).single();
		assertThat(stopped[0]).isEqualTo("RUNNING");
		assertThat(stopped[1]).as("two pages kept").isEqualTo(2);
		assertThat((String) stopped[2]).as("where to resume").contains("_pageId=3");
		assertThat(jdbc.sql("select count(*) from directory_import_staged where import_id = :id::uuid").param("id", id).query(Long.class).single())
			.as("the activities read wait, staged").isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from practitioner_activity where created_at >= :t or updated_at >= :t").param("t", stopped[3])
			.query(Long.class).single()).as("nothing applied before the end").isZero();
		int before = AnnuaireStub.requests().size();

		try (SecondNode restarted = SecondNode.start(dataSource, "annuaire-crash", "annuaire-crash-second", args)) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql("select status from directory_import where id = :id::uuid")
				.param("id", id).query(String.class).single()).isEqualTo("DONE"));
			var status = new Api(restarted.port(), token).get("/api/v1/imports/" + id).json();
			assertThat(status.get("linesRead").asLong()).isEqualTo(11);
			assertThat(status.get("created").asLong() + status.get("updated").asLong() + status.get("unchanged").asLong()).isEqualTo(6);
			assertThat(status.get("outOfScope").asLong()).isEqualTo(3);
			assertThat(status.get("rejected").asLong()).isEqualTo(1);
			assertThat(status.get("remarks").get(0).get("message").asString()).contains("identifiant, nom ou profession manquant");
		}
		List<String> after = AnnuaireStub.requests().subList(before, AnnuaireStub.requests().size());
		assertThat(after).as("resumed at the third page, the 429 waited out").containsExactly("b 3 429", "b 3 200");
		assertThat(jdbc.sql("select count(*) from directory_import_staged where import_id = :id::uuid").param("id", id).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from practitioner_activity a join practitioner p on p.id = a.practitioner_id where p.national_id = '810000000017' and a.active")
			.query(Long.class).single()).as("Dr Arnaud, at Digne and at Manosque").isEqualTo(2);
	}
}
