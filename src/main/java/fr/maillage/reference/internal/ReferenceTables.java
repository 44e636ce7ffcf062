package fr.maillage.reference.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The reference data as rows, whatever it was read from (bundled tables or the etalab package). */
record ReferenceTables(List<RegionRow> regions, List<DepartementRow> departements, List<EpciRow> epcis,
		List<CommuneRow> communes, List<FormerNameRow> formerNames) {

	record RegionRow(String code, String name) {
	}

	record DepartementRow(String code, String name, String regionCode) {
	}

	record EpciRow(String siren, String name, String kind, int population) {
	}

	record CommuneRow(String code, String name, String departementCode, String regionCode, @Nullable String epciSiren,
			int population, List<String> postcodes, List<String> formerCodes) {
	}

	record FormerNameRow(String code, String name, String kind, String currentCode) {
	}
}
