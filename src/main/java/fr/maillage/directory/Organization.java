package fr.maillage.directory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A structure of the directory. Its national id, when it has a FINESS, is "1" + FINESS. */
public record Organization(UUID id, OrganizationKind kind, String name, @Nullable String finess, @Nullable String siret,
		@Nullable String address, @Nullable String postcode, @Nullable String communeCode, @Nullable String communeName,
		@Nullable String phone, @Nullable String email, @Nullable String website, @Nullable String services,
		@Nullable String openingHours, boolean publicListing) {

	@com.fasterxml.jackson.annotation.JsonProperty("nationalId")
	public @Nullable String nationalId() {
		return finess == null ? null : "1" + finess;
	}
}
