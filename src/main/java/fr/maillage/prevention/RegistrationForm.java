package fr.maillage.prevention;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A registration as the person types it on the event's page; consent is required. */
public record RegistrationForm(
		@NotBlank(message = "{prevention.registration.name.required}") @Size(max = 200, message = "{prevention.tooLong}") @Nullable String name,
		@NotBlank(message = "{prevention.registration.email.required}") @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{prevention.registration.email.invalid}") @Size(max = 320, message = "{prevention.tooLong}") @Nullable String email,
		@Pattern(regexp = "[0-9 +.()-]{0,20}", message = "{prevention.registration.phone.invalid}") @Nullable String phone,
		@Size(max = 100, message = "{prevention.tooLong}") @Nullable String profession,
		@NotNull(message = "{prevention.registration.consent.required}") @Pattern(regexp = "true|on", message = "{prevention.registration.consent.required}") @Nullable String consent) {

	public static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "", "");
	}
}
