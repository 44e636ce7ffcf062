package fr.maillage.cpts;

import org.jspecify.annotations.Nullable;

/** What a person types to create or edit a CPTS; validated by {@link CptsService}. */
public record CptsForm(@Nullable String name, @Nullable String legalForm, @Nullable String siret, @Nullable String address,
		@Nullable String email, @Nullable String phone, @Nullable String slug) {

	public static CptsForm empty() {
		return new CptsForm("", LegalForm.ASSOCIATION_1901.name(), "", "", "", "", "");
	}
}
