package fr.maillage.pathways;

import java.time.LocalDate;

/**
 * Units of a schedule. Months are added to the anchor date and clamped to the end of the month
 * (31 January + 1 month = 28 or 29 February; + 2 months = 31 March), never chained day by day.
 */
public enum ScheduleUnit {
	DAYS, WEEKS, MONTHS;

	public LocalDate add(LocalDate from, long amount) {
		return switch (this) {
			case DAYS -> from.plusDays(amount);
			case WEEKS -> from.plusWeeks(amount);
			case MONTHS -> from.plusMonths(amount);
		};
	}

	public String labelKey() {
		return "pathways.unit." + name();
	}
}
