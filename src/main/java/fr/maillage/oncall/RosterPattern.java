package fr.maillage.oncall;

import fr.maillage.reference.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days a roster has a turn, and how long a turn lasts: every day (pharmacies' 24-hour
 * turns), every week from Monday (nurses), Sundays and public holidays (doctors' PDSA, dentists),
 * Saturdays (physiotherapy), or weekends and public holidays.
 */
public enum RosterPattern {
	DAILY, WEEKLY, SUNDAYS_HOLIDAYS, SATURDAYS, WEEKENDS_HOLIDAYS;

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** One turn, in Paris time. */
	public record Turn(ZonedDateTime start, ZonedDateTime end) {
	}

	/** The days turns start on, within a month. */
	public List<LocalDate> startDays(YearMonth month) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			DayOfWeek w = d.getDayOfWeek();
			boolean holiday = PublicHolidays.isHoliday(d, false);
			boolean starts = switch (this) {
				case DAILY -> true;
				case WEEKLY -> w == DayOfWeek.MONDAY;
				case SUNDAYS_HOLIDAYS -> w == DayOfWeek.SUNDAY || holiday;
				case SATURDAYS -> w == DayOfWeek.SATURDAY;
				case WEEKENDS_HOLIDAYS -> w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY || holiday;
			};
			if (starts) {
				days.add(d);
			}
		}
		return days;
	}

	/** The turns of a month: from the start time on each day; an end at or before the start ends the next day (a week later for weekly turns). */
	public List<Turn> turns(YearMonth month, LocalTime start, LocalTime end) {
		List<Turn> turns = new ArrayList<>();
		for (LocalDate d : startDays(month)) {
			LocalDate endDay = this == WEEKLY ? d.plusWeeks(1) : end.isAfter(start) ? d : d.plusDays(1);
			turns.add(new Turn(d.atTime(start).atZone(PARIS), endDay.atTime(end).atZone(PARIS)));
		}
		return turns;
	}

	public String labelKey() {
		return "oncall.pattern." + name();
	}
}
