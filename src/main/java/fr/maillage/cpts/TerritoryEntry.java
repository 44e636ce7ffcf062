package fr.maillage.cpts;

import org.jspecify.annotations.Nullable;

/** One commune to put in a territory, with its zone flags. */
public record TerritoryEntry(String inseeCode, boolean qpv, boolean zip, boolean zac, @Nullable String zoneNote) {

	public static TerritoryEntry of(String inseeCode) {
		return new TerritoryEntry(inseeCode, false, false, false, null);
	}
}
