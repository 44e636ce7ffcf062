package fr.maillage.prevention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An event as the organiser writes it, kept as typed so nothing is lost when it comes back with
 * its errors: dates and times as the browser's date-time field sends them (Paris time), the
 * capacity as digits.
 */
public record EventForm(
		@NotBlank(message = "{prevention.event.title.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String title,
		@Size(max = 4000, message = "{prevention.tooLong}") @Nullable String description,
		@NotBlank(message = "{prevention.event.audience.required}") @Pattern(regexp = "MEMBERS|PROFESSIONALS|PUBLIC", message = "{prevention.event.audience.required}") @Nullable String audience,
		@NotBlank(message = "{prevention.event.startsAt.required}") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = "{prevention.event.dateTime}") @Nullable String startsAt,
		@NotBlank(message = "{prevention.event.endsAt.required}") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = "{prevention.event.dateTime}") @Nullable String endsAt,
		@NotBlank(message = "{prevention.event.place.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String place,
		@Size(max = 300, message = "{prevention.tooLong}") @Nullable String address,
		@Pattern(regexp = "(\\d[0-9AB]\\d{3})?", message = "{prevention.event.commune}") @Nullable String communeCode,
		@NotBlank(message = "{prevention.event.capacity.required}") @Pattern(regexp = "\\s*\\d{1,6}\\s*", message = "{prevention.event.capacity.number}") @Nullable String capacity,
		@Pattern(regexp = "\\d{0,9}", message = "{form.typeMismatch}") @Nullable String version) {

	public static EventForm empty() {
		return new EventForm("", "", PreventionEvent.Audience.PUBLIC.name(), "", "", "", "", "", "", "");
	}

	public PreventionEvent.@Nullable Audience audienceValue() {
		return audience == null || !audience.matches("MEMBERS|PROFESSIONALS|PUBLIC") ? null : PreventionEvent.Audience.valueOf(audience);
	}

	public @Nullable Integer versionValue() {
		return version == null || !version.matches("\\d{1,9}") ? null : Integer.valueOf(version);
	}
}
