package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.RppsFiles;
import fr.maillage.support.SecondNode;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An RPPS import killed in the middle: the node halts after its first batch; at its next start the
 * import is marked failed with the reason, its author is told, nothing of it was applied and its
 * uploaded file (kept in the data folder, not /tmp) is gone.
 */
@IntegrationTest
class RppsImportCrashTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Test
	void anImportInterruptedByACrashIsMarkedFailedAtTheNextStartAndItsAuthorIsTold() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112")).status()).isEqualTo(200);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		UUID coordinatorId = accounts.userIdByEmail(coordinator.email()).orElseThrow();
		String token = People.token(port, coordinator);
		String run = RppsFiles.runWord();
		RppsFiles lines = new RppsFiles();
		for (int i = 0; i < 2500; i++) {
			lines.add(RppsFiles.gp(RppsFiles.rpps(700_000 + i), "CRASH " + run, "N" + i, "04112", "Manosque", "04100"));
		}
		Path files = Path.of("target", "nodes", "import-crash-files");
		List<String> args = List.of("--maillage.files.directory=" + files);

		String id;
		try (SecondNode node = SecondNode.start(dataSource, "import-crash", "import-crash-first",
				List.of("-Dmaillage.crash-at=rpps.import.running"), args.toArray(String[]::new))) {
			Api api = new Api(node.port(), token);
			Api.Response started = api.postFile("/api/v1/cpts/" + cpts + "/imports/rpps", "file", "gros.txt", lines.bytes(StandardCharsets.UTF_8));
			assertThat(started.status()).as(started.body()).isEqualTo(201);
			id = started.json().get("id").asString();
			assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("the node halts during the import").isTrue();
			assertThatThrownBy(() -> api.get("/api/v1/imports/" + id)).isInstanceOf(java.io.UncheckedIOException.class);
		}
		Path upload = files.resolve("imports").resolve(id + ".upload");
		assertThat(upload).as("the upload waits in the data folder").exists();
		assertThat(jdbc.sql("select status from directory_import where id = :id::uuid").param("id", id).query(String.class).single())
			.isEqualTo("RUNNING");

		try (SecondNode restarted = SecondNode.start(dataSource, "import-crash", "import-crash-second", args.toArray(String[]::new))) {
			Api api = new Api(restarted.port(), token);
			var status = api.get("/api/v1/imports/" + id).json();
			assertThat(status.get("status").asString()).isEqualTo("FAILED");
			assertThat(status.get("problem").asString()).contains("interrompu").contains("rien n'a été modifié");
			assertThat(Files.exists(upload)).as("the leftover upload is removed at start").isFalse();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from notification where user_id = :u and kind = 'directory.import' and link like :l")
			.param("u", coordinatorId).param("l", "%" + id).query(Long.class).single()).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from practitioner where last_name like :n").param("n", "CRASH " + run + "%").query(Long.class)
			.single()).as("nothing of the interrupted import was applied").isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'directory.import.interrupted' and subject_id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
	}
}
