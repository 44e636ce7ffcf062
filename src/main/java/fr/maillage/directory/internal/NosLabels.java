package fr.maillage.directory.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Labels of the national nomenclatures (NOS) the Annuaire Santé API gives as codes, worded as the
 * RPPS extraction words them, for when a coding comes without its display.
 */
final class NosLabels {

	/** TRE_G15 ProfessionSante. */
	static final Map<String, String> PROFESSIONS = Map.ofEntries(Map.entry("10", "Médecin"), Map.entry("21", "Pharmacien"),
			Map.entry("26", "Audioprothésiste"), Map.entry("28", "Opticien-Lunetier"), Map.entry("31", "Assistant dentaire"),
			Map.entry("40", "Chirurgien-Dentiste"), Map.entry("50", "Sage-Femme"), Map.entry("60", "Infirmier"),
			Map.entry("69", "Infirmier psychiatrique"), Map.entry("70", "Masseur-Kinésithérapeute"), Map.entry("80", "Pédicure-Podologue"),
			Map.entry("81", "Orthoprothésiste"), Map.entry("82", "Podo-Orthésiste"), Map.entry("83", "Orthopédiste-Orthésiste"),
			Map.entry("84", "Oculariste"), Map.entry("85", "Epithésiste"), Map.entry("86", "Technicien de laboratoire médical"),
			Map.entry("91", "Orthophoniste"), Map.entry("92", "Orthoptiste"), Map.entry("94", "Ergothérapeute"), Map.entry("95", "Diététicien"),
			Map.entry("96", "Psychomotricien"), Map.entry("98", "Manipulateur ERM"));

	/** TRE_R09 CategorieProfessionnelle. */
	static final Map<String, String> CATEGORIES = Map.of("C", "Civil", "M", "Militaire", "E", "Etudiant", "F", "Fonctionnaire");

	/** TRE_R23 ModeExercice. */
	static final Map<String, String> MODES = Map.of("L", "Libéral", "S", "Salarié", "B", "Bénévole");

	/** Civilités d'exercice (the name's prefix). */
	static final Map<String, String> CIVILITIES = Map.of("DR", "Docteur", "PR", "Professeur", "M", "Monsieur", "MME", "Madame",
			"MLLE", "Mademoiselle");

	private NosLabels() {
	}

	static @Nullable String label(Map<String, String> table, @Nullable String code, @Nullable String display) {
		if (display != null && !display.isBlank()) {
			return display;
		}
		return code == null ? null : table.getOrDefault(code.toUpperCase(java.util.Locale.ROOT), code);
	}
}
