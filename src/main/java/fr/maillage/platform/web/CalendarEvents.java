package fr.maillage.platform.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the calendars of the pages exchange with {@code calendar.js} (FullCalendar): the events of a
 * window as JSON, and the window a calendar asks for ({@code start} and {@code end}, ISO dates
 * with or without time). Each page also renders the same events as a table, for readers without
 * JavaScript; {@link View} is that table's window.
 */
public final class CalendarEvents {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** The longest window one request may ask for: a month view shows six weeks. */
	static final Duration LONGEST = Duration.ofDays(62);

	private CalendarEvents() {
	}

	/**
	 * One event as FullCalendar reads it. {@code classNames} carry its kind (a gap is {@code gap}, in
	 * red); {@code extendedProps} what a page's script needs (the turn to assign). No address is left
	 * out, not null: FullCalendar would follow the word "null".
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	public record Event(String id, String title, Instant start, Instant end, @Nullable String url, List<String> classNames,
			Map<String, Object> extendedProps) {

		public Event(String id, String title, Instant start, Instant end, @Nullable String url, String className) {
			this(id, title, start, end, url, List.of(className), Map.of());
		}
	}

	/** A window of time [from, to). */
	public record Window(Instant from, Instant to) {

		/**
		 * The window a calendar asks for; a missing or unreadable bound gives the current month, and a
		 * window longer than two months is cut to two.
		 */
		public static Window asked(@Nullable String start, @Nullable String end) {
			Instant from = instant(start);
			Instant to = instant(end);
			if (from == null || to == null || !to.isAfter(from)) {
				View month = View.of("mois", null);
				return new Window(month.from(), month.to());
			}
			return new Window(from, to.isAfter(from.plus(LONGEST)) ? from.plus(LONGEST) : to);
		}

		private static @Nullable Instant instant(@Nullable String typed) {
			if (typed == null || typed.isBlank()) {
				return null;
			}
			String s = typed.strip().replace(' ', '+');
			try {
				return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(PARIS).toInstant() : OffsetDateTime.parse(s).toInstant();
			} catch (DateTimeParseException ex) {
				try {
					return java.time.LocalDateTime.parse(s).atZone(PARIS).toInstant();
				} catch (DateTimeParseException again) {
					return null;
				}
			}
		}
	}

	/**
	 * The window of a page's table: a week (Monday to Sunday) or a month around a date, with the
	 * dates of the previous and next windows for its links.
	 */
	public record View(boolean week, LocalDate first, LocalDate end) {

		public static View of(@Nullable String vue, @Nullable String date) {
			LocalDate day = LocalDate.now(PARIS);
			if (date != null && !date.isBlank()) {
				try {
					day = LocalDate.parse(date.strip());
				} catch (DateTimeParseException ex) {
					// an unreadable date shows today
				}
			}
			if ("semaine".equals(vue)) {
				LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				return new View(true, monday, monday.plusWeeks(1));
			}
			YearMonth month = YearMonth.from(day);
			return new View(false, month.atDay(1), month.plusMonths(1).atDay(1));
		}

		public String name() {
			return week ? "semaine" : "mois";
		}

		public Instant from() {
			return first.atStartOfDay(PARIS).toInstant();
		}

		public Instant to() {
			return end.atStartOfDay(PARIS).toInstant();
		}

		public LocalDate previous() {
			return week ? first.minusWeeks(1) : first.minusMonths(1);
		}

		public LocalDate next() {
			return end;
		}

		/** The day of an instant, in France. */
		public static LocalDate day(Instant at) {
			return at.atZone(PARIS).toLocalDate();
		}
	}
}
