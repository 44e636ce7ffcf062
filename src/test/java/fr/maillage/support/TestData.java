package fr.maillage.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Constants and helpers shared by the tests. */
public final class TestData {

	public static final String ADMIN_EMAIL = "admin@maillage.test";
	public static final String ADMIN_PASSWORD = "Admin-Password-2026!";
	public static final String ADMIN_TOKEN = "test-admin-token-4b1d7c9e2f8a4e6db3c5a7f9e1d2c3b4";
	/** The SIRET of CPTS Sud 04 (seed 002), valid. */
	public static final String VALID_SIRET = "89273929300017";

	private TestData() {
	}

	/** The shared folder beside the project (reference data, seeds). */
	public static Path shared() {
		String configured = System.getProperty("maillage.shared");
		Path p = configured != null ? Path.of(configured) : Path.of("..", "shared");
		if (!Files.isDirectory(p)) {
			throw new IllegalStateException("../shared introuvable : " + p.toAbsolutePath());
		}
		return p;
	}

	public static String seed(String name) {
		try {
			return Files.readString(shared().resolve("seeds").resolve(name));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The commune table of CPTS Sud 04, as it appears in its health project (seed 002). */
	public static String sud04Table() {
		String seed = seed("002_b758e7d3a0dac947.txt");
		int start = seed.indexOf("COMMUNES\tCODE POSTAL");
		int end = seed.indexOf("Evaluation de la population");
		return seed.substring(start, end);
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
