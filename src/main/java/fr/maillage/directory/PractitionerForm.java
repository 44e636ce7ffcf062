package fr.maillage.directory;

import org.jspecify.annotations.Nullable;

/** What a coordinator types about a professional: contact details the RPPS does not know, or a whole entry for those without a national id. */
public record PractitionerForm(@Nullable String nationalId, @Nullable String lastName, @Nullable String firstName,
		@Nullable String professionLabel, @Nullable String communeCode, @Nullable String address, @Nullable String mssante,
		@Nullable String phone, @Nullable String languages, @Nullable String takesNewPatients) {

	public static PractitionerForm empty() {
		return new PractitionerForm("", "", "", "", "", "", "", "", "", "");
	}
}
