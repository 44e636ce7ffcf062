package fr.maillage.shared;

/** A FINESS number: nine characters (digits; Corsica's start with 2A or 2B), with a Luhn key. */
public final class Finess {

	private Finess() {
	}

	public static String clean(String raw) {
		return raw.replaceAll("[\\s.]", "").toUpperCase(java.util.Locale.ROOT);
	}

	public static boolean hasValidForm(String finess) {
		return finess.matches("\\d{9}|2[AB]\\d{7}");
	}

	/** The key, computed with Corsica's letters read as 0 (2A) and 0 (2B) as in the national files. */
	public static boolean hasValidKey(String finess) {
		return Luhn.isValid(finess.replace("2A", "20").replace("2B", "20"));
	}
}
