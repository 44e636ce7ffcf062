package fr.maillage.prevention;

import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A prevention campaign of the CPTS (Octobre rose, the flu vaccination…): its period, the people it
 * aims at, its objectives, the partner structures and the professionals in it. Its actions must
 * fall within its period.
 */
public record Campaign(UUID id, UUID cptsId, @Nullable String themeCode, String title, LocalDate startsOn, LocalDate endsOn, @Nullable String targetAges,
		TargetSex targetSex, List<String> targetCommunes, boolean qpv, @Nullable String objectives, List<Named> partners, List<Named> professionals) {

	public enum TargetSex {
		ALL, F, M;

		public String labelKey() {
			return "prevention.campaign.sex." + name();
		}
	}

	/** A structure or a professional as named when the campaign was written. */
	public record Named(UUID id, String name) {
	}

	/** Refuses an action dated outside the campaign's period. */
	public void checkWithin(LocalDate on) {
		if (on.isBefore(startsOn) || on.isAfter(endsOn)) {
			throw Problems.rejected("onDate", "prevention.action.outside", startsOn, endsOn);
		}
	}
}
