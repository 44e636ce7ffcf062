package fr.maillage.unscheduledcare;

/** Where the care happens. */
public enum SlotKind {
	CABINET, DOMICILE, TELECONSULTATION;

	public String labelKey() {
		return "snp.kind." + name();
	}
}
