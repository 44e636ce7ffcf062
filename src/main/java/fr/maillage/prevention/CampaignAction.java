package fr.maillage.prevention;

import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One action of a campaign (a stand in a pharmacy, a conference, a school session, a screening day):
 * where, when, who; once done, what it achieved. Results are counts, never people.
 */
public record CampaignAction(UUID id, UUID campaignId, Kind kind, String title, @Nullable String place, LocalDate onDate, @Nullable String who,
		boolean done, @Nullable Results results) {

	public enum Kind {
		STAND, CONFERENCE, SCHOOL, SCREENING_DAY, VACCINATION, OTHER;

		public String labelKey() {
			return "prevention.action.kind." + name();
		}
	}

	public record Results(@Nullable Integer peopleReached, @Nullable Integer screeningsOffered, @Nullable Integer screeningsDone,
			@Nullable Integer vaccinations, @Nullable Integer leaflets, @Nullable String note) {
	}

	/** The action took place: its results. Not before the day, and screenings done never more than offered. */
	public CampaignAction record(Results r, LocalDate today) {
		Problems problems = new Problems();
		if (onDate.isAfter(today)) {
			problems.reject("done", "prevention.action.notYet", onDate);
		}
		if (r.screeningsOffered() != null && r.screeningsDone() != null && r.screeningsDone() > r.screeningsOffered()) {
			problems.reject("screeningsDone", "prevention.action.moreDoneThanOffered");
		}
		problems.throwIfAny();
		return new CampaignAction(id, campaignId, kind, title, place, onDate, who, true, r);
	}
}
