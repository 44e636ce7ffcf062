package fr.maillage.gpaccess.web;

import fr.maillage.gpaccess.RequestForm;
import fr.maillage.gpaccess.Situation;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.InseeCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request form's fields as posted (the page shows them back as typed when something is
 * wrong), turned into a {@link RequestForm}. A commune may be typed as its INSEE code or its exact
 * name; a date that does not parse is left empty, which the service reports as missing.
 */
final class RequestFormBinding {

	static final String[] FIELDS = {"birthName", "firstNames", "usedName", "birthDate", "sex", "birthplaceCode", "nir", "email", "phone",
			"address", "communeCode", "ald", "aldNumber", "c2s", "situation", "homeVisit", "maxKm", "notes", "consent"};

	private RequestFormBinding() {
	}

	static RequestForm form(Map<String, String> p, CommuneDirectory communes) {
		return new RequestForm(
				new Identity(p.get("birthName"), p.get("firstNames"), p.get("usedName"), date(p.get("birthDate")), p.get("sex"),
						p.get("birthplaceCode"), p.get("nir")),
				new Contact(p.get("email"), p.get("phone"), p.get("address"), commune(p.get("communeCode"), communes)),
				on(p.get("ald")), integer(p.get("aldNumber")), on(p.get("c2s")), situation(p.get("situation")), on(p.get("homeVisit")),
				decimal(p.get("maxKm")), p.get("notes"), on(p.get("consent")));
	}

	static boolean on(@Nullable String v) {
		return v != null && (v.equals("true") || v.equals("on"));
	}

	static @Nullable LocalDate date(@Nullable String v) {
		if (v == null || v.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(v.strip());
		} catch (DateTimeParseException e) {
			try {
				return LocalDate.parse(v.strip(), java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu"));
			} catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	static @Nullable Integer integer(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	static @Nullable Double decimal(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Double.valueOf(v.strip().replace(',', '.'));
		} catch (NumberFormatException e) {
			return -1.0;
		}
	}

	static @Nullable Situation situation(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Situation.valueOf(v.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			return Situation.AUTRE;
		}
	}

	/** An INSEE code as typed, or the code of the commune whose name is exactly the one typed. */
	static @Nullable String commune(@Nullable String typed, CommuneDirectory communes) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		if (InseeCode.looksLikeOne(t.toUpperCase(Locale.ROOT))) {
			return t.toUpperCase(Locale.ROOT);
		}
		String wanted = FrenchText.normalize(t);
		return communes.search(t, 10).stream().filter(c -> FrenchText.normalize(c.name()).equals(wanted)).map(Commune::inseeCode)
			.findFirst().orElse(t);
	}
}
