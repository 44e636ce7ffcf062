package fr.maillage.prevention;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A professional's offer of prevention consultations at the key ages (Mon bilan prévention): the
 * ages, where, how to book. Public: it is meant to be found by inhabitants.
 */
public record ConsultationOffer(UUID id, UUID practitionerId, String name, String profession, List<String> ages, @Nullable String howToBook,
		@Nullable String phone, @Nullable String bookingUrl, @Nullable String place, String communeCode, String communeName, boolean active) {

	/** The key ages of Mon bilan prévention. */
	public static final List<String> KEY_AGES = List.of("18-25", "45-50", "60-65", "70-75");

	/** The professions that may offer them: médecins, sages-femmes, pharmaciens, infirmiers (RPPS codes). */
	public static final List<String> PROFESSIONS = List.of("10", "50", "21", "60");

	/** An offer as found near a commune, with its distance. */
	public record Found(ConsultationOffer offer, @Nullable Double distanceKm) {
	}
}
