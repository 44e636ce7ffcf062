package fr.maillage.reference;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Look-ups in the national reference data. */
public interface CommuneDirectory {

	Optional<Commune> find(String inseeCode);

	/** The current communes among the given codes, in the order given; unknown codes are skipped. */
	List<Commune> findAll(Collection<String> inseeCodes);

	/** Autocomplete: by name (any case, any accents, ST for Saint), INSEE code or postcode. */
	List<Commune> search(String query, int limit);

	/** An EPCI by SIREN, or by its exact name (case and accents ignored). */
	Optional<Epci> findEpci(String sirenOrName);

	List<Epci> searchEpci(String query, int limit);

	int communeCount();

	/**
	 * The codes of the communes whose centroid lies within {@code radiusKm} of the given commune's;
	 * empty when the commune or its coordinates are unknown.
	 */
	Optional<List<String>> within(String inseeCode, double radiusKm);

	/**
	 * The codes of the communes within {@code km} of the given one as {@link CommuneDistance}
	 * reckons it (centroids when both have coordinates, otherwise same commune, EPCI, département);
	 * the commune itself first. Empty when the commune is unknown.
	 */
	List<String> reachable(String inseeCode, double km);
}
