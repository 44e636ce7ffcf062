package fr.maillage.cpts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The communes of a CPTS with their zone flags, and what follows from them. */
public record Territory(List<TerritoryCommune> communes, long population, int communeCount, SizeClass sizeClass) {

	public record TerritoryCommune(String inseeCode, String name, String departementCode, String departementName,
			List<String> postcodes, int population, @Nullable String epciSiren, boolean qpv, boolean zip, boolean zac,
			@Nullable String zoneNote, @Nullable Double latitude, @Nullable Double longitude) {
	}

	public boolean hasCoordinates() {
		return communes.stream().anyMatch(c -> c.latitude() != null);
	}

	public static Territory of(List<TerritoryCommune> communes) {
		long population = communes.stream().mapToLong(TerritoryCommune::population).sum();
		return new Territory(communes, population, communes.size(), SizeClass.of(population));
	}
}
