package fr.maillage.shared;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The NIR (numéro d'inscription au répertoire, the "numéro de sécurité sociale"): 13 characters
 * (sex, year and month of birth, département — 2A and 2B for Corsica —, commune, order) and a
 * two-digit key, 97 minus the number modulo 97 (2A read as 19, 2B as 18).
 */
public final class Nir {

	private Nir() {
	}

	/** Spaces, dots and dashes removed, letters upper-cased. */
	public static String clean(String raw) {
		return raw.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
	}

	public static boolean hasValidForm(String nir) {
		return nir.matches("[1-478]\\d{4}(\\d{2}|2A|2B)\\d{6}\\d{2}");
	}

	public static boolean hasValidKey(String nir) {
		if (!hasValidForm(nir)) {
			return false;
		}
		return key(nir.substring(0, 13)) == Integer.parseInt(nir.substring(13));
	}

	/** The key of the 13 first characters. */
	public static int key(String first13) {
		String digits = first13.replace("2A", "19").replace("2B", "18");
		return 97 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
	}

	/**
	 * Whether the NIR agrees with a birth date and a sex ("F" or "M"). Only what the NIR states is
	 * compared: the month when it is a real month (01–12), the sex when the first digit is 1 or 2.
	 */
	public static boolean agreesWith(String nir, LocalDate birthDate, String sex) {
		char sexDigit = nir.charAt(0);
		if ((sexDigit == '1' && !"M".equals(sex)) || (sexDigit == '2' && !"F".equals(sex))) {
			return false;
		}
		int year = Integer.parseInt(nir.substring(1, 3));
		if (year != birthDate.getYear() % 100) {
			return false;
		}
		int month = Integer.parseInt(nir.substring(3, 5));
		return month < 1 || month > 12 || month == birthDate.getMonthValue();
	}
}
