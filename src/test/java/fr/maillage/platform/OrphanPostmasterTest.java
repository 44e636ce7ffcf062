package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postmaster killed a moment before the restart may still be a zombie (exited, not yet reaped by
 * init): found by bench/crash.sh, where PostgreSQL then refused the folder ("lock file already
 * exists") and the application never came up. Its lock file is stale and goes.
 */
@EnabledOnOs(OS.LINUX)
class OrphanPostmasterTest {

	@Test
	void aKilledPostmasterNotYetReapedLeavesAStaleLockFile(@TempDir Path data) throws Exception {
		// the child exits at once, and its parent (exec'ed into sleep) never waits for it: a zombie for 30 s
		Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
		try {
			long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII)).readLine().strip());
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> OrphanPostmaster.isZombie(zombie));
			assertThat(ProcessHandle.of(zombie)).as("a zombie still answers as a process").isPresent();
			Path pidFile = data.resolve("postmaster.pid");
			Files.writeString(pidFile, zombie + "\n" + data + "\n1733380000\n5432\n");

			OrphanPostmaster.stopIfAny(data);

			assertThat(pidFile).doesNotExist();
		}
		finally {
			parent.destroyForcibly().waitFor();
		}
	}

	@Test
	void aLivingProcessIsNoZombie() {
		assertThat(OrphanPostmaster.isZombie(ProcessHandle.current().pid())).isFalse();
	}
}
