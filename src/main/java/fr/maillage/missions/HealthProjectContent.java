package fr.maillage.missions;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.Territory;
import fr.maillage.directory.Partnership;
import fr.maillage.directory.ProfessionTable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The projet de santé as the ARS template lays it out, from the platform's data: the territory,
 * the organisation (professions, governance, partners, the year's meetings), the missions with
 * their action sheets for the year.
 */
public record HealthProjectContent(Cpts cpts, int year, Territory territory, ProfessionTable.Table professions, AssociationSummary association,
		List<Partnership> partners, @Nullable Contract contract, List<Section> missions, Instant generatedAt) {

	/** A mission (ACI or own) with its label and the year's action sheets. */
	public record Section(String code, String label, boolean signed, List<ActionSheet> sheets) {
	}
}
