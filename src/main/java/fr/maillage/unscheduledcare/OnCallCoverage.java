package fr.maillage.unscheduledcare;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * On-call coverage for the unscheduled-care indicators: the module that owns the rosters reports,
 * per roster, how many turns there were in a period and how many had someone on duty.
 */
public interface OnCallCoverage {

	record Row(String roster, String kindLabel, long turns, long covered) {
	}

	List<Row> coverage(UUID cptsId, Instant from, Instant to);
}
