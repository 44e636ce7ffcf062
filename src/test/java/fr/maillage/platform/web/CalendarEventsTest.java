package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The window a calendar asks for, and the window of a page's table. */
class CalendarEventsTest {

	@Test
	void theWindowAskedIsReadWithOrWithoutTimeAndNeverLongerThanTwoMonths() {
		var w = CalendarEvents.Window.asked("2026-11-30T00:00:00+01:00", "2027-01-11T00:00:00+01:00");
		assertThat(w.from()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
		assertThat(w.to()).isEqualTo(Instant.parse("2027-01-10T23:00:00Z"));
		// a '+' of the offset that arrived as a space (not encoded in the query) is still read
		assertThat(CalendarEvents.Window.asked("2026-11-30T00:00:00 01:00", "2026-12-07").from()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
		assertThat(CalendarEvents.Window.asked("2026-11-30", "2026-12-07").to()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
		var longest = CalendarEvents.Window.asked("2020-01-01", "2030-01-01");
		assertThat(Duration.between(longest.from(), longest.to())).isEqualTo(Duration.ofDays(62));
	}

	@Test
	void aWindowThatCannotBeReadIsTheCurrentMonth() {
		var w = CalendarEvents.Window.asked("hier", null);
		var month = CalendarEvents.View.of("mois", null);
		assertThat(w.from()).isEqualTo(month.from());
		assertThat(w.to()).isEqualTo(month.to());
		assertThat(CalendarEvents.Window.asked("2026-12-07", "2026-12-01").from()).isEqualTo(month.from());
	}

	@Test
	void aWeekRunsFromMondayAndAMonthFromItsFirstDay() {
		var week = CalendarEvents.View.of("semaine", "2026-12-03");
		assertThat(week.first()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(week.previous()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.next()).isEqualTo(LocalDate.of(2026, 12, 7));
		var month = CalendarEvents.View.of("mois", "2026-12-03");
		assertThat(month.first()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(month.previous()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(month.next()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(month.from()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(CalendarEvents.View.of(null, "n'importe quoi").week()).isFalse();
	}
}
