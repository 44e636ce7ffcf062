package fr.maillage.crisis;

/** What a professional says they can do in a crisis; alerts target them by it. */
public enum Skill {
	VACCINATION, HOME_VISITS, REGULATION, PSYCHOLOGICAL_SUPPORT, PHARMACY, BIOLOGY, LOGISTICS;

	public String labelKey() {
		return "crisis.skill." + name();
	}
}
