package fr.maillage.pathways;

import org.jspecify.annotations.Nullable;

/**
 * Who performs a step, and the role a professional holds in a care circle. A professional's
 * usual role comes from their RPPS profession; the member who enrols chooses it when it differs
 * (a GP who is the patient's psychiatrist, a nurse who is an IPA).
 */
public enum PathwayRole {
	MEDECIN_GENERALISTE("10"), PSYCHIATRE(null), IPA(null), INFIRMIER("60"), PHARMACIEN("21"), KINESITHERAPEUTE("70"), SAGE_FEMME("50"),
	PSYCHOLOGUE("93"), CHIRURGIEN_DENTISTE("40"), STRUCTURE(null), TOUS(null);

	private final @Nullable String professionCode;

	PathwayRole(@Nullable String professionCode) {
		this.professionCode = professionCode;
	}

	/** The role a professional of this RPPS profession usually holds. */
	public static PathwayRole usualFor(@Nullable String professionCode) {
		for (PathwayRole r : values()) {
			if (r.professionCode != null && r.professionCode.equals(professionCode)) {
				return r;
			}
		}
		return TOUS;
	}

	/** Whether a circle member in {@code held} performs steps of this role. */
	public boolean performedBy(PathwayRole held) {
		return this == TOUS || this == held;
	}

	public String labelKey() {
		return "pathways.role." + name();
	}
}
