package fr.maillage.accounts;

import fr.maillage.platform.ICalendar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a module puts in a person's calendar feed (on-call duties, booked slots, later meetings).
 * Entries go to calendar applications outside Maillage: never a patient's name or health detail.
 */
public interface CalendarEntries {

	List<ICalendar.Event> entries(UUID userId, Instant from, Instant to);

	/** The kind of these entries on the agenda page ({@code garde}, {@code creneau}, {@code reunion}): its colour and legend. */
	default String category() {
		return "autre";
	}
}
