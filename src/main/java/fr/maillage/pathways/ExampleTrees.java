package fr.maillage.pathways;

import java.util.List;

/**
 * The decision tree the product ships, seed 004's "logigramme pour les alertes violence": a
 * suspected child in danger. An example to be validated, and completed with the département's CRIP
 * number, by the CPTS's professionals before use.
 */
public final class ExampleTrees {

	private ExampleTrees() {
	}

	public static DecisionTrees.TreeForm childInDanger() {
		DecisionNode.Contact samu = new DecisionNode.Contact("SAMU", "15");
		DecisionNode.Contact police = new DecisionNode.Contact("Police, gendarmerie", "17");
		DecisionNode.Contact urgence = new DecisionNode.Contact("Numéro d'urgence européen", "112");
		DecisionNode.Contact enfance = new DecisionNode.Contact("Allô enfance en danger (24 h/24, gratuit)", "119");
		DecisionNode.Contact crip = new DecisionNode.Contact("CRIP du département (cellule de recueil des informations préoccupantes) – numéro à compléter",
				null);
		return new DecisionTrees.TreeForm("Suspicion de violence faite à un enfant (exemple)",
				"Exemple à faire valider par les professionnels de la CPTS, et à compléter du numéro de la CRIP du département, avant usage.",
				List.of(
						new DecisionNode("danger", DecisionNode.Kind.QUESTION,
								"L'enfant est-il en danger immédiat (blessure grave, menace, violence en cours) ?",
								List.of(new DecisionNode.Answer("Oui", "urgence"), new DecisionNode.Answer("Non", "signes")), null, null),
						new DecisionNode("signes", DecisionNode.Kind.QUESTION,
								"Avez-vous constaté des signes qui font penser à des violences (lésions inexpliquées, propos de l'enfant, comportement) ?",
								List.of(new DecisionNode.Answer("Oui", "information"), new DecisionNode.Answer("Je ne sais pas", "avis")), null, null),
						new DecisionNode("urgence", DecisionNode.Kind.OUTCOME, "Danger immédiat : protéger l'enfant maintenant.", null,
								List.of("Mettre l'enfant en sécurité, ne pas le laisser repartir avec l'auteur présumé.",
										"Appeler le 17 ou le 112 ; le 15 si des soins urgents sont nécessaires.",
										"Faire un signalement au procureur de la République ; noter les faits tels que constatés."),
								List.of(police, urgence, samu)),
						new DecisionNode("information", DecisionNode.Kind.OUTCOME, "Transmettre une information préoccupante.", null,
								List.of("Transmettre une information préoccupante à la CRIP du département.",
										"Noter les faits de façon objective, avec les mots de l'enfant, sans l'interroger de façon suggestive.",
										"Prévenir le médecin de l'enfant ; le 119 peut conseiller à tout moment."),
								List.of(crip, enfance)),
						new DecisionNode("avis", DecisionNode.Kind.OUTCOME, "Un doute : demander un avis sans attendre.", null,
								List.of("Appeler le 119 pour un avis.", "En parler au médecin de l'enfant ou à la PMI ; revoir l'enfant rapidement."),
								List.of(enfance))));
	}
}
