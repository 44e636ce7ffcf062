package fr.maillage.directory;

import org.jspecify.annotations.Nullable;

/** What a coordinator types about a structure. */
public record OrganizationForm(@Nullable String kind, @Nullable String name, @Nullable String finess, @Nullable String siret,
		@Nullable String address, @Nullable String commune, @Nullable String phone, @Nullable String email, @Nullable String website,
		@Nullable String services, @Nullable String openingHours, @Nullable Boolean publicListing) {

	public static OrganizationForm empty() {
		return new OrganizationForm(OrganizationKind.MSP.name(), "", "", "", "", "", "", "", "", "", "", false);
	}

	public static OrganizationForm of(Organization o) {
		return new OrganizationForm(o.kind().name(), o.name(), o.finess(), o.siret(), o.address(), o.communeCode(), o.phone(), o.email(),
				o.website(), o.services(), o.openingHours(), o.publicListing());
	}
}
