package fr.maillage.shared;

import java.util.regex.Pattern;

/** The INSEE code of a commune: five characters, digits except Corsica's 2A and 2B. */
public final class InseeCode {

	private static final Pattern FORM = Pattern.compile("(\\d{5}|2[AB]\\d{3})");

	private InseeCode() {
	}

	public static boolean looksLikeOne(String s) {
		return FORM.matcher(s).matches();
	}

	/** The département code an INSEE code belongs to (two characters, three overseas). */
	public static String departementOf(String code) {
		return code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2);
	}
}
