package fr.maillage.crisis;

/** The kinds of crisis a CPTS's plan answers, each with its reflex sheet (the ARS's frame for the crisis mission). */
public enum CrisisKind {
	MASS_CASUALTIES, SEASONAL_EPIDEMIC, HEATWAVE, COLD, POLLUTION, EMERGING_AGENT, NRBC, CARE_DISRUPTION;

	public String labelKey() {
		return "crisis.kind." + name();
	}

	/** The reflex sheet the application ships for this kind, to adapt to the territory. */
	public String defaultSheetKey() {
		return "crisis.sheet." + name();
	}
}
