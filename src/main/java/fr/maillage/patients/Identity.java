package fr.maillage.patients;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The identity traits of the INS: birth name, first names (in civil-registry order), birth date,
 * sex (F, M or I for undetermined), birthplace INSEE code (a commune, or 99xxx abroad) and the NIR,
 * both optional; the used name is not an INS trait but helps find people.
 */
public record Identity(@Nullable String birthName, @Nullable String firstNames, @Nullable String usedName,
		@Nullable LocalDate birthDate, @Nullable String sex, @Nullable String birthplaceCode, @Nullable String nir) {

	/** The traits as a form posts them (birthName, firstNames, usedName, birthDate, sex, birthplaceCode, nir), dates read strictly. */
	public static Identity fromForm(java.util.Map<String, String> p) {
		return new Identity(p.get("birthName"), p.get("firstNames"), p.get("usedName"), fr.maillage.platform.TypedValues.date(p.get("birthDate")),
				p.get("sex"), p.get("birthplaceCode"), p.get("nir"));
	}

	/** First name then birth name, as in a letter: "Jeanne Martin". */
	public String displayName() {
		String first = firstNames == null ? "" : firstNames.strip().split("\\s+")[0];
		String last = usedName != null && !usedName.isBlank() ? usedName : birthName == null ? "" : birthName;
		return (first + " " + last).strip();
	}
}
