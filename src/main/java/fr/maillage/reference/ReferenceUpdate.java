package fr.maillage.reference;

/**
 * Replaces the national reference data from a newer copy of the JSON files of
 * {@code @etalab/decoupage-administratif} (communes.json, epci.json, departements.json,
 * regions.json). Everything is read and checked before anything changes; commune coordinates
 * already imported are kept; territories keep their codes (a commune that disappeared stays
 * listed by its code).
 */
public interface ReferenceUpdate {

	/** Largest accepted JSON file (communes.json is about 9 MB). */
	long MAX_FILE_BYTES = 20L * 1024 * 1024;

	record Files(byte[] communes, byte[] epci, byte[] departements, byte[] regions) {
	}

	/** What the files hold and how they differ from the data in use; {@code problem} is a message key when unreadable. */
	record Report(int communes, int formerNames, int epcis, int departements, int added, int removed, int renamed,
			int populationChanged, String problem, boolean applied) {
		public boolean acceptable() {
			return problem == null && communes > 30_000;
		}
	}

	Report preview(Files files);

	Report apply(Files files);

	/** Keeps previewed files until their confirmation, which any node may receive (one day at most). */
	java.util.UUID keep(Files files);

	/** Applies the files kept under this id, all or nothing, and forgets them; empty when there are none (confirmed already, or forgotten). */
	java.util.Optional<Report> applyKept(java.util.UUID id);
}
