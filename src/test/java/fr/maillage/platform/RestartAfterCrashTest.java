package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.People;
import fr.maillage.support.SecondNode;
import fr.maillage.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Maillage starts again, with no manual step and nothing lost, after {@code kill -9} of its JVM
 * (the embedded PostgreSQL survives as an orphan holding the data directory), and after
 * {@code kill -9} of the JVM and of the database together. Each start is a process of its own
 * with the default configuration: the embedded database in its directory, no fixed port.
 */
class RestartAfterCrashTest {

	static final Path DATA = Path.of("target", "nodes", "restart-postgres");
	final List<SecondNode> started = new ArrayList<>();

	SecondNode start(String log) throws Exception {
		SecondNode node = SecondNode.launch(List.of(), List.of("--maillage.database.directory=" + DATA, "--maillage.files.directory=" + DATA
				.resolveSibling("restart-files"), "--maillage.admin.email=" + TestData.ADMIN_EMAIL, "--maillage.admin.password="
						+ TestData.ADMIN_PASSWORD, "--maillage.admin.token=" + TestData.ADMIN_TOKEN, "--maillage.node-name=restart", "--logging.level.fr.maillage=INFO"), log);
		started.add(node);
		return node;
	}

	static Optional<ProcessHandle> postmaster() throws Exception {
		Path pid = DATA.resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).filter(ProcessHandle::isAlive);
	}

	@Test
	void startsAgainAfterTheJvmIsKilledAndAfterTheJvmAndTheDatabaseAreKilled() throws Exception {
		postmaster().ifPresent(ProcessHandle::destroyForcibly); // a previous run's leftover
		FileSystemUtils.deleteRecursively(DATA);

		SecondNode first = start("restart-first");
		Api admin = new Api(first.port(), TestData.ADMIN_TOKEN);
		String before = People.newCpts(admin);
		ProcessHandle orphan = postmaster().orElseThrow();
		first.kill();
		assertThat(orphan.isAlive()).as("the embedded PostgreSQL outlives a JVM killed with SIGKILL").isTrue();

		SecondNode second = start("restart-second");
		assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
		admin = new Api(second.port(), TestData.ADMIN_TOKEN);
		assertThat(admin.get("/api/v1/cpts/" + before).status()).as("committed before the crash").isEqualTo(200);
		assertThat(Files.readString(second.log())).as("the line a person waits for (issue 17)").contains("Maillage est prêt sur http://localhost:" + second.port());

		// a second start on the folder of a running instance is refused, and takes nothing from it
		SecondNode intruder = SecondNode.spawn(List.of(), List.of("--maillage.database.directory=" + DATA, "--maillage.files.directory="
				+ DATA.resolveSibling("restart-files")), "restart-intruder");
		started.add(intruder);
		assertThat(intruder.process().waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the intruder stops").isTrue();
		assertThat(Files.readString(intruder.log())).contains("Maillage tourne déjà");
		assertThat(admin.get("/api/v1/cpts/" + before).status()).as("the running instance still has its database").isEqualTo(200);

		// a CPTS acknowledged to its creator, then the JVM and the database killed at once: it is still there
		String acknowledged = People.newCpts(admin);
		ProcessHandle database = postmaster().orElseThrow();
		second.process().toHandle().destroyForcibly();
		database.destroyForcibly();
		second.process().waitFor();
		database.onExit().get();

		SecondNode third = start("restart-third");
		admin = new Api(third.port(), TestData.ADMIN_TOKEN);
		assertThat(admin.get("/api/v1/cpts/" + acknowledged).status()).as("committed just before both were killed").isEqualTo(200);
		assertThat(admin.get("/api/v1/cpts/" + before).status()).isEqualTo(200);
		// a commit acknowledged is on disk: the kept data directory runs with synchronous_commit on
		int dbPort = Integer.parseInt(Files.readAllLines(DATA.resolve("postmaster.pid")).get(3).strip());
		String ownerPassword = EmbeddedCredentials.read(DATA).orElseThrow().ownerPassword();
		try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", EmbeddedCredentials.OWNER,
				ownerPassword); var rs = c.createStatement().executeQuery("show synchronous_commit")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("on");
		}
		third.stop();
		assertThat(postmaster()).as("a graceful stop stops the database too").isEmpty();
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (SecondNode node : started) {
			node.kill();
		}
		postmaster().ifPresent(ProcessHandle::destroyForcibly);
	}
}
