package fr.maillage.missions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a module offers the contract: the indicators it can compute from its own data, and their
 * values for a CPTS over a period. Measures are counts, never people: a source runs without a
 * signed-in user (the monthly snapshot job) and reads no personal data, so nothing is audited.
 */
public interface IndicatorSource {

	java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

	/** The start of a day in Paris, as SQL compares instants. */
	static java.sql.Timestamp at(LocalDate day) {
		return java.sql.Timestamp.from(day.atStartOfDay(PARIS).toInstant());
	}

	/** The indicators this module offers, each with a code unique across Maillage ("gpaccess.found"). */
	List<OfferedIndicator> offered();

	/**
	 * Every offered indicator's value for the CPTS from {@code from} up to {@code to} (excluded): flows count what
	 * happened in the period, stocks ({@link Indicator.Aggregation#LAST}) what stood on its last day.
	 */
	Map<String, Measure> measure(UUID cptsId, LocalDate from, LocalDate to);
}
