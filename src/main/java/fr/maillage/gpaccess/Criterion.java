package fr.maillage.gpaccess;

/**
 * What the priority protocol can rank requests by. A request takes the priority of the first
 * criterion it meets in the CPTS's protocol; one meeting none comes after all of them.
 */
public enum Criterion {
	/** In affection de longue durée (ALD). */
	ALD,
	/** Beneficiary of the complémentaire santé solidaire. */
	C2S,
	/** Aged 70 or over on the day of the orientation. */
	AGE_70,
	/** Needs home visits (reduced mobility). */
	HOME_VISIT,
	/** Their médecin traitant retired or left. */
	MT_LEFT,
	/** New to the territory. */
	NEW_ARRIVAL;

	public static final java.util.List<Criterion> DEFAULT_PROTOCOL = java.util.List.of(ALD, C2S, AGE_70);

	public String labelKey() {
		return "gpaccess.criterion." + name();
	}
}
