package fr.maillage.prevention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The campaign's forms, bound as typed (text), so nothing is lost when a page comes back with its errors. */
public final class CampaignForms {

	private CampaignForms() {
	}

	static final String DATE = "(\\d{4}-\\d{2}-\\d{2})?";
	static final String COUNT = "\\s*\\d{0,7}\\s*";

	public record CampaignForm(@Nullable String themeCode,
			@NotBlank(message = "{prevention.campaign.title.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String title,
			@NotBlank(message = "{prevention.campaign.startsOn.required}") @Pattern(regexp = DATE, message = "{prevention.date}") @Nullable String startsOn,
			@NotBlank(message = "{prevention.campaign.endsOn.required}") @Pattern(regexp = DATE, message = "{prevention.date}") @Nullable String endsOn,
			@Size(max = 100, message = "{prevention.tooLong}") @Nullable String targetAges,
			@Pattern(regexp = "(ALL|F|M)?", message = "{form.typeMismatch}") @Nullable String targetSex,
			@Size(max = 2000, message = "{prevention.tooLong}") @Nullable String targetCommunes, @Nullable String qpv,
			@Size(max = 4000, message = "{prevention.tooLong}") @Nullable String objectives, @Nullable List<String> partnerIds,
			@Nullable List<String> professionalIds) {

		public static CampaignForm empty() {
			return new CampaignForm("", "", "", "", "", "ALL", "", "", "", List.of(), List.of());
		}
	}

	public record ActionForm(
			@NotBlank(message = "{prevention.action.kind.required}") @Pattern(regexp = "STAND|CONFERENCE|SCHOOL|SCREENING_DAY|VACCINATION|OTHER", message = "{prevention.action.kind.required}") @Nullable String kind,
			@NotBlank(message = "{prevention.action.title.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String title,
			@Size(max = 200, message = "{prevention.tooLong}") @Nullable String place,
			@NotBlank(message = "{prevention.action.onDate.required}") @Pattern(regexp = DATE, message = "{prevention.date}") @Nullable String onDate,
			@Size(max = 300, message = "{prevention.tooLong}") @Nullable String who) {

		public static ActionForm empty() {
			return new ActionForm("STAND", "", "", "", "");
		}
	}

	public record ResultsForm(@Pattern(regexp = COUNT, message = "{prevention.count}") @Nullable String peopleReached,
			@Pattern(regexp = COUNT, message = "{prevention.count}") @Nullable String screeningsOffered,
			@Pattern(regexp = COUNT, message = "{prevention.count}") @Nullable String screeningsDone,
			@Pattern(regexp = COUNT, message = "{prevention.count}") @Nullable String vaccinations,
			@Pattern(regexp = COUNT, message = "{prevention.count}") @Nullable String leaflets,
			@Size(max = 1000, message = "{prevention.tooLong}") @Nullable String note) {

		CampaignAction.Results read() {
			return new CampaignAction.Results(n(peopleReached), n(screeningsOffered), n(screeningsDone), n(vaccinations), n(leaflets),
					note == null || note.isBlank() ? null : note.strip());
		}

		private static @Nullable Integer n(@Nullable String s) {
			return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
		}
	}
}
