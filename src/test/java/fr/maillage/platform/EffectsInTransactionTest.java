package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One mechanism for the effects of a change (decision 0005): notifications and e-mails are written
 * to the outbox in the change's transaction. Work deferred "after commit" by hand is lost when the
 * process dies in between, so only the notifications module's own wake-ups may use it.
 */
class EffectsInTransactionTest {

	@Test
	void noModuleDefersAnEffectUntilAfterCommitByHand() throws IOException {
		Path root = Path.of("src", "main", "java", "fr", "maillage");
		List<String> offenders;
		try (Stream<Path> files = Files.walk(root)) {
			offenders = files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> !f.startsWith(root.resolve("notifications")) && !f.startsWith(root.resolve("platform")))
				.filter(f -> read(f).contains("AfterCommit.run(")).map(Path::toString).toList();
		}
		assertThat(offenders).as("effects sent after commit by hand are lost in a crash; write them in the transaction").isEmpty();
	}

	private static String read(Path f) {
		try {
			return Files.readString(f);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
