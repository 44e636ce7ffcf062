package fr.maillage.reference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A current commune (commune-actuelle) of the reference data. */
public record Commune(String inseeCode, String name, String departementCode, String departementName,
		String regionCode, @Nullable String epciSiren, int population, List<String> postcodes,
		List<String> formerCodes, @Nullable Double latitude, @Nullable Double longitude) {

	public boolean hasCoordinates() {
		return latitude != null && longitude != null;
	}
}
