package fr.maillage.prevention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The therapeutic education forms, bound as typed (text), so nothing is lost when a page comes back with its errors. */
public final class EtpForms {

	private EtpForms() {
	}

	static final String NUMBER = "\\s*\\d{0,3}\\s*";

	public record ProgrammeForm(
			@NotBlank(message = "{prevention.etp.title.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String title,
			@NotBlank(message = "{prevention.etp.disease.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String disease,
			@Size(max = 100, message = "{prevention.tooLong}") @Nullable String arsAuthorisation,
			@NotBlank(message = "{prevention.etp.from.required}") @Pattern(regexp = CampaignForms.DATE, message = "{prevention.date}") @Nullable String authorisedFrom,
			@NotBlank(message = "{prevention.etp.until.required}") @Pattern(regexp = CampaignForms.DATE, message = "{prevention.date}") @Nullable String authorisedUntil,
			@Size(max = 4000, message = "{prevention.tooLong}") @Nullable String description,
			@Pattern(regexp = NUMBER, message = "{prevention.etp.workshops}") @Nullable String workshops,
			@Pattern(regexp = NUMBER, message = "{prevention.etp.everyWeeks}") @Nullable String everyWeeks,
			@Pattern(regexp = NUMBER, message = "{prevention.etp.evaluationMonths}") @Nullable String evaluationMonths,
			@Nullable List<String> teamIds) {

		public static ProgrammeForm empty() {
			return new ProgrammeForm("", "", "", "", "", "", "4", "2", "6", List.of());
		}
	}

	public record SessionForm(
			@NotBlank(message = "{prevention.etp.session.title.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String title,
			@NotBlank(message = "{prevention.etp.session.day.required}") @Pattern(regexp = CampaignForms.DATE, message = "{prevention.date}") @Nullable String day,
			@NotBlank(message = "{prevention.etp.session.time.required}") @Pattern(regexp = "(\\d{2}:\\d{2})?", message = "{prevention.time}") @Nullable String startTime,
			@NotBlank(message = "{prevention.etp.session.time.required}") @Pattern(regexp = "(\\d{2}:\\d{2})?", message = "{prevention.time}") @Nullable String endTime,
			@Size(max = 300, message = "{prevention.tooLong}") @Nullable String place,
			@Pattern(regexp = NUMBER, message = "{prevention.etp.capacity}") @Nullable String capacity) {

		public static SessionForm empty() {
			return new SessionForm("", "", "14:00", "16:00", "", "");
		}
	}
}
