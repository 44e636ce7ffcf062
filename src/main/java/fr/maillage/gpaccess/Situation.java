package fr.maillage.gpaccess;

/** Why the person has no médecin traitant, as they tell it. */
public enum Situation {
	MT_RETRAITE, MT_PARTI, NOUVEL_ARRIVANT, JAMAIS_EU, AUTRE;

	public String labelKey() {
		return "gpaccess.situation." + name();
	}
}
