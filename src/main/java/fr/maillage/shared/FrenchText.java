package fr.maillage.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of French names for tolerant comparison: case, accents, punctuation. */
public final class FrenchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9]+");

	private FrenchText() {
	}

	/** "Saint-Michel-l'Observatoire" → "SAINT MICHEL L OBSERVATOIRE". */
	public static String normalize(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFD);
		s = MARKS.matcher(s).replaceAll("");
		s = s.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae");
		s = s.toUpperCase(Locale.ROOT);
		return NOT_ALNUM.matcher(s).replaceAll(" ").strip();
	}
}
