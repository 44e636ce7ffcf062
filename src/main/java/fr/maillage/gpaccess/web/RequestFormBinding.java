package fr.maillage.gpaccess.web;

import fr.maillage.gpaccess.RequestForm;
import fr.maillage.gpaccess.Situation;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.platform.TypedValues;
import fr.maillage.reference.CommuneListResolver;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request form's fields as posted (the page shows them back as typed when something is
 * wrong), turned into a {@link RequestForm} (see {@link TypedValues} for how values are read).
 */
final class RequestFormBinding {

	static final String[] FIELDS = {"birthName", "firstNames", "usedName", "birthDate", "sex", "birthplaceCode", "nir", "email", "phone",
			"address", "communeCode", "ald", "aldNumber", "c2s", "situation", "homeVisit", "maxKm", "notes", "consent"};

	private RequestFormBinding() {
	}

	static RequestForm form(Map<String, String> p, CommuneListResolver communes) {
		return new RequestForm(Identity.fromForm(p), Contact.fromForm(p, communes.codeOrTyped(p.get("communeCode"))),
				TypedValues.yes(p.get("ald")), TypedValues.integer(p.get("aldNumber")), TypedValues.yes(p.get("c2s")), situation(p.get("situation")),
				TypedValues.yes(p.get("homeVisit")), TypedValues.decimal(p.get("maxKm")), p.get("notes"), TypedValues.yes(p.get("consent")));
	}

	static @Nullable Situation situation(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Situation.valueOf(v.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			return Situation.AUTRE;
		}
	}

}
