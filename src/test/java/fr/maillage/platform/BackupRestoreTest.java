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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./maillage backup} then {@code ./maillage restore} into a new folder: the restored
 * instance answers the same data, its audit chain still holds, the uploaded files are back; a
 * restore into a folder that has a database is refused. The backup is taken while the first
 * instance runs (one snapshot), each command in a process of its own as the script runs it.
 */
class BackupRestoreTest {

	static final Path ROOT = Path.of("target", "nodes", "backup");
	final List<SecondNode> nodes = new ArrayList<>();

	SecondNode start(String name) throws Exception {
		SecondNode node = SecondNode.launch(List.of(), List.of("--maillage.database.directory=" + ROOT.resolve(name + "/postgres"),
				"--maillage.files.directory=" + ROOT.resolve(name + "/files"), "--maillage.admin.email=" + TestData.ADMIN_EMAIL,
				"--maillage.admin.password=" + TestData.ADMIN_PASSWORD, "--maillage.admin.token=" + TestData.ADMIN_TOKEN,
				"--maillage.node-name=backup-" + name), "backup-" + name);
		nodes.add(node);
		return node;
	}

	/** Runs the command as {@code ./maillage backup|restore} does, on the instance's folders; answers its exit code and output. */
	static Result command(String what, Path file, String name) throws Exception {
		Path log = ROOT.resolve(what + "-" + name + ".log");
		ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), BackupCommand.class.getName(), what, file.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		pb.environment().remove("SPRING_DATASOURCE_URL");
		pb.environment().put("MAILLAGE_DATABASE_DIRECTORY", ROOT.resolve(name + "/postgres").toString());
		pb.environment().put("MAILLAGE_FILES_DIRECTORY", ROOT.resolve(name + "/files").toString());
		Process p = pb.start();
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
		return new Result(p.exitValue(), Files.readString(log));
	}

	record Result(int code, String output) {
	}

	@Test
	void aBackupRestoredIntoANewFolderAnswersTheSameData() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		Files.createDirectories(ROOT);
		SecondNode first = start("a");
		Api a = new Api(first.port(), TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(a);
		assertThat(a.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112", "04088")).status()).isEqualTo(200);
		Path document = ROOT.resolve("a/files/documents/statuts.txt");
		Files.createDirectories(document.getParent());
		Files.writeString(document, "Statuts de l'association");
		String territory = a.get("/api/v1/cpts/" + cpts + "/territory").body();
		String identity = a.get("/api/v1/cpts/" + cpts).body();

		Path file = ROOT.resolve("sauvegarde.zip");
		Result backup = command("backup", file, "a");
		assertThat(backup.code()).as(backup.output()).isZero();
		assertThat(backup.output()).contains("Sauvegarde écrite");
		first.stop();

		Result restore = command("restore", file, "b");
		assertThat(restore.code()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("restaurée");
		SecondNode second = start("b");
		Api b = new Api(second.port(), TestData.ADMIN_TOKEN);
		assertThat(b.get("/api/v1/cpts/" + cpts).body()).isEqualTo(identity);
		assertThat(b.get("/api/v1/cpts/" + cpts + "/territory").body()).isEqualTo(territory);
		assertThat(Files.readString(ROOT.resolve("b/files/documents/statuts.txt"))).isEqualTo("Statuts de l'association");
		var verification = b.get("/api/v1/audit/verification").json();
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.at("/verification/sealed").asLong()).isPositive();
		second.stop();

		Result again = command("restore", file, "b");
		assertThat(again.code()).isEqualTo(1);
		assertThat(again.output()).contains("contient déjà une base");
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (SecondNode node : nodes) {
			node.kill();
		}
	}
}
