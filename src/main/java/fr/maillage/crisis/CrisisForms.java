package fr.maillage.crisis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The crisis forms, bound as typed (text), so nothing is lost when a page comes back with its errors. */
public final class CrisisForms {

	private CrisisForms() {
	}

	public record ActivationForm(
			@NotBlank(message = "{crisis.activate.kind}") @Pattern(regexp = "MASS_CASUALTIES|SEASONAL_EPIDEMIC|HEATWAVE|COLD|POLLUTION|EMERGING_AGENT|NRBC|CARE_DISRUPTION", message = "{crisis.activate.kind}") @Nullable String kind,
			@NotBlank(message = "{crisis.activate.level}") @Pattern(regexp = "[123]", message = "{crisis.activate.level}") @Nullable String level,
			@Nullable String exercise,
			@Size(max = 200, message = "{crisis.tooLong}") @Nullable String title,
			@Size(max = 4000, message = "{crisis.tooLong}") @Nullable String communes) {

		public static ActivationForm empty() {
			return new ActivationForm("HEATWAVE", "1", "", "", "");
		}

		public boolean isExercise() {
			return "true".equals(exercise) || "on".equals(exercise);
		}
	}

	public record AlertForm(
			@NotBlank(message = "{crisis.alert.message.required}") @Size(max = 2000, message = "{crisis.tooLong}") @Nullable String message,
			@Nullable List<String> professions,
			@Nullable List<String> skills,
			@Size(max = 4000, message = "{crisis.tooLong}") @Nullable String communes,
			@Pattern(regexp = "\\s*\\d{0,4}\\s*", message = "{crisis.alert.remindAfter}") @Nullable String remindAfter) {

		public static AlertForm empty() {
			return new AlertForm("", List.of(), List.of(), "", "30");
		}
	}
}
