package fr.maillage.shared;

import java.util.regex.Pattern;

/** E-mail addresses (MSSanté addresses are e-mail addresses too). */
public final class EmailAddress {

	private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private EmailAddress() {
	}

	/** One @, something on each side, a dot in the domain, no spaces: what a form can check. */
	public static boolean isPlausible(String address) {
		return PLAUSIBLE.matcher(address.strip()).matches();
	}
}
