package fr.maillage.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicHolidaysUnitTest {

	@Test
	void easterFallsOnTheKnownSundays() {
		// dates from the published calendars
		assertThat(PublicHolidays.easter(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(PublicHolidays.easter(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(PublicHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(PublicHolidays.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(PublicHolidays.easter(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
		assertThat(PublicHolidays.easter(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
	}

	@Test
	void elevenHolidaysAYearThirteenInAlsaceMoselle() {
		var days = PublicHolidays.of(2026, false);
		assertThat(days).hasSize(11);
		assertThat(days).containsEntry(LocalDate.of(2026, 4, 6), "Lundi de Pâques").containsEntry(LocalDate.of(2026, 5, 14), "Ascension")
			.containsEntry(LocalDate.of(2026, 5, 25), "Lundi de Pentecôte").containsEntry(LocalDate.of(2026, 7, 14), "Fête nationale");
		assertThat(PublicHolidays.of(2026, true)).hasSize(13).containsKey(LocalDate.of(2026, 4, 3)).containsKey(LocalDate.of(2026, 12, 26));
		assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 11, 11), false)).isTrue();
		assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 11, 12), false)).isFalse();
		assertThat(PublicHolidays.alsaceMoselle("67")).isTrue();
		assertThat(PublicHolidays.alsaceMoselle("04")).isFalse();
	}
}
