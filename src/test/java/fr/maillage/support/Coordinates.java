package fr.maillage.support;

import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The installation ships no commune coordinates (an administrator imports them): tests that draw
 * maps put the centroids of the shared reference data in place for the south-east, run, and take
 * them away, each node's catalogue told through the database.
 */
public final class Coordinates {

	private Coordinates() {
	}

	public static void with(JdbcClient jdbc, CommuneDirectory communes, Runnable test) {
		try {
			List<String[]> rows = Files.readAllLines(TestData.shared().resolve("data/reference/communes-centroids-2018.csv")).stream().skip(1)
				.map(l -> l.split(",")).filter(r -> r[0].matches("(04|05|13|83|84)\\d{3}")).toList();
			for (String[] r : rows) {
				jdbc.sql("update commune set latitude = :la, longitude = :lo where insee_code = :c").param("la", Double.parseDouble(r[r.length - 2]))
					.param("lo", Double.parseDouble(r[r.length - 1])).param("c", r[0]).update();
			}
			reload(jdbc, communes, true);
			test.run();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		} finally {
			jdbc.sql("update commune set latitude = null, longitude = null where latitude is not null").update();
			reload(jdbc, communes, false);
		}
	}

	private static void reload(JdbcClient jdbc, CommuneDirectory communes, boolean placed) {
		jdbc.sql("select pg_notify('maillage_reference', '')").query().singleRow();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> communes.find("04112").map(Commune::hasCoordinates).orElse(false) == placed);
	}
}
