package fr.maillage.unscheduledcare;

import fr.maillage.shared.FrenchText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The professions slots are searched by: RPPS profession codes, or the words people type for them. */
public final class Professions {

	/** Code → French label, in the order forms list them. */
	public static final Map<String, String> LABELS = new LinkedHashMap<>();

	static {
		LABELS.put("10", "Médecin");
		LABELS.put("60", "Infirmier");
		LABELS.put("21", "Pharmacien");
		LABELS.put("70", "Masseur-kinésithérapeute");
		LABELS.put("50", "Sage-femme");
		LABELS.put("40", "Chirurgien-dentiste");
		LABELS.put("91", "Orthophoniste");
	}

	private Professions() {
	}

	/** A code as given, or the code of a profession named ("médecin", "kiné", "infirmière"…). */
	public static Optional<String> code(String typed) {
		String t = typed.strip();
		if (LABELS.containsKey(t)) {
			return Optional.of(t);
		}
		String n = FrenchText.normalize(t);
		if (n.startsWith("MEDECIN") || n.startsWith("GENERALISTE")) {
			return Optional.of("10");
		}
		if (n.startsWith("INFIRMI") || n.equals("IDE")) {
			return Optional.of("60");
		}
		if (n.startsWith("PHARMACI")) {
			return Optional.of("21");
		}
		if (n.startsWith("KINE") || n.startsWith("MASSEUR")) {
			return Optional.of("70");
		}
		if (n.startsWith("SAGE")) {
			return Optional.of("50");
		}
		if (n.contains("DENTISTE")) {
			return Optional.of("40");
		}
		if (n.startsWith("ORTHOPHON")) {
			return Optional.of("91");
		}
		return Optional.empty();
	}
}
