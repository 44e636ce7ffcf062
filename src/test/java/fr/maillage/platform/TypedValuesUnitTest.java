package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TypedValuesUnitTest {

	@Test
	void datesInFrenchOrIsoFormAndImpossibleDatesRefused() {
		assertThat(TypedValues.date("02/03/1950")).isEqualTo(LocalDate.of(1950, 3, 2));
		assertThat(TypedValues.date("2/3/1950")).isEqualTo(LocalDate.of(1950, 3, 2));
		assertThat(TypedValues.date("1950-03-02")).isEqualTo(LocalDate.of(1950, 3, 2));
		assertThat(TypedValues.date("31/02/1990")).isNull();
		assertThat(TypedValues.date("29/02/2023")).isNull();
		assertThat(TypedValues.date("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(TypedValues.date("demain")).isNull();
	}

	@Test
	void numbersThatDoNotParseBecomeImpossibleValuesToReport() {
		assertThat(TypedValues.integer("12")).isEqualTo(12);
		assertThat(TypedValues.integer("douze")).isEqualTo(-1);
		assertThat(TypedValues.integer(" ")).isNull();
		assertThat(TypedValues.decimal("12,5")).isEqualTo(12.5);
		assertThat(TypedValues.yes("Oui")).isTrue();
		assertThat(TypedValues.yes("x")).isTrue();
		assertThat(TypedValues.yes("non")).isFalse();
	}

	@Test
	void idsFromASelectAreReadOrLeftOutNeverAnError() {
		assertThat(TypedValues.uuid("0b7e3c52-6f1d-4d0a-9a65-3f0c2b1d9e8a").toString()).isEqualTo("0b7e3c52-6f1d-4d0a-9a65-3f0c2b1d9e8a");
		assertThat(TypedValues.uuid("")).isNull();
		assertThat(TypedValues.uuid("pas-un-id")).isNull();
	}
}
