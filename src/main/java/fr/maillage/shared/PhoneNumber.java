package fr.maillage.shared;

import java.util.regex.Pattern;

/** French phone numbers as people type them (spaces, dots, dashes, brackets) and as pages show them. */
public final class PhoneNumber {

	/** A full number: ten digits from 0, +33, or the overseas departments' prefixes. */
	private static final Pattern FULL = Pattern.compile("^(0[1-9]\\d{8}|\\+33[1-9]\\d{8}|\\+262\\d{9}|\\+590\\d{9}|\\+594\\d{9}|\\+596\\d{9})$");
	/** A short public number: 15, 112, 116117, the pharmacies' 3237. */
	private static final Pattern SHORT = Pattern.compile("^(1\\d{1,5}|3\\d{3})$");

	private PhoneNumber() {
	}

	/** The digits (and a leading +) without the separators people type. */
	public static String normalize(String typed) {
		return typed.strip().replaceAll("[\\s.\\-()]", "");
	}

	/** A full number one can call from anywhere. */
	public static boolean isPlausible(String typed) {
		return FULL.matcher(normalize(typed)).matches();
	}

	/** A full number or a short public one (a service's number shown to the public). */
	public static boolean isPlausiblePublic(String typed) {
		String n = normalize(typed);
		return FULL.matcher(n).matches() || SHORT.matcher(n).matches();
	}

	/** As French pages write it: "04 92 00 00 00", "+33 4 92 00 00 00"; other forms as given; nothing stays nothing. */
	public static @org.jspecify.annotations.Nullable String display(@org.jspecify.annotations.Nullable String typed) {
		if (typed == null) {
			return null;
		}
		String n = normalize(typed);
		if (n.matches("\\+33[1-9]\\d{8}")) {
			return "+33 " + n.charAt(3) + " " + n.substring(4).replaceAll("(\\d{2})(?=\\d)", "$1 ");
		}
		if (n.matches("0\\d{9}")) {
			return n.replaceAll("(\\d{2})(?=\\d)", "$1 ");
		}
		return typed.strip();
	}
}
