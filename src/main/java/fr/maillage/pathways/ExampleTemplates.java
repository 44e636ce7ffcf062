package fr.maillage.pathways;

import java.util.List;

/**
 * The editable examples the product ships. Each says it must be validated by the CPTS's
 * professionals before use. The mental-health pathway reads seed 000 this way: the psychiatric
 * diagnosis at enrolment, then a psychiatric consultation 12 months after the previous one; a GP
 * consultation 6 months after each psychiatric one; IPA renewals 3 and 9 months after each
 * psychiatric one (between the other two).
 */
public final class ExampleTemplates {

	public record Example(String name, String description, int durationMonths, List<StepDefinition> steps) {
	}

	private ExampleTemplates() {
	}

	public static Example mentalHealth() {
		return new Example("Santé mentale – suivi gradué (exemple)",
				"Exemple tiré d'un projet de santé : à faire valider par les professionnels de la CPTS avant usage. Diagnostic psychiatrique à "
						+ "l'inclusion, puis consultation psychiatrique annuelle ; consultation du médecin généraliste six mois après chaque "
						+ "consultation psychiatrique ; renouvellements par l'IPA trois et neuf mois après chacune.",
				36, List.of(
						new StepDefinition("psy", "Consultation psychiatrique (diagnostic à l'inclusion, puis chaque année)", PathwayRole.PSYCHIATRE, null, 0,
								ScheduleUnit.MONTHS, 12, null, 30, false, null),
						new StepDefinition("mg", "Consultation du médecin généraliste", PathwayRole.MEDECIN_GENERALISTE, "psy", 6, ScheduleUnit.MONTHS, null,
								null, 30, false, null),
						new StepDefinition("ipa3", "Renouvellement par l'IPA (3 mois après le psychiatre)", PathwayRole.IPA, "psy", 3, ScheduleUnit.MONTHS,
								null, null, 15, false, null),
						new StepDefinition("ipa9", "Renouvellement par l'IPA (9 mois après le psychiatre)", PathwayRole.IPA, "psy", 9, ScheduleUnit.MONTHS,
								null, null, 15, false, null)));
	}

	public static Example hospitalDischarge() {
		return new Example("Sortie d'hospitalisation – personne âgée (exemple)",
				"Exemple à faire valider par les professionnels de la CPTS avant usage : visite infirmière à domicile sous 48 heures, "
						+ "consultation du médecin traitant et bilan de médication par le pharmacien sous 7 jours.",
				3, List.of(
						new StepDefinition("ide", "Visite infirmière à domicile (sous 48 heures)", PathwayRole.INFIRMIER, null, 2, ScheduleUnit.DAYS, null,
								null, 0, false, null),
						new StepDefinition("mt", "Consultation du médecin traitant (sous 7 jours)", PathwayRole.MEDECIN_GENERALISTE, null, 7,
								ScheduleUnit.DAYS, null, null, 0, false, null),
						new StepDefinition("pharma", "Bilan de médication par le pharmacien (sous 7 jours)", PathwayRole.PHARMACIEN, null, 7,
								ScheduleUnit.DAYS, null, null, 0, false, null)));
	}

	public static List<Example> all() {
		return List.of(mentalHealth(), hospitalDischarge());
	}
}
