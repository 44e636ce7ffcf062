package fr.maillage.prevention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A professional's offer of prevention consultations, as typed. */
public record OfferForm(@Nullable List<String> ages, @Size(max = 500, message = "{prevention.tooLong}") @Nullable String howToBook,
		@Pattern(regexp = "[0-9 +.()-]{0,20}", message = "{prevention.registration.phone.invalid}") @Nullable String phone,
		@Pattern(regexp = "(https?://\\S{3,290})?", message = "{prevention.offer.url}") @Nullable String bookingUrl,
		@Size(max = 200, message = "{prevention.tooLong}") @Nullable String place,
		@NotBlank(message = "{prevention.offer.commune}") @Pattern(regexp = "\\d[0-9AB]\\d{3}", message = "{prevention.offer.commune}") @Nullable String communeCode) {
}
