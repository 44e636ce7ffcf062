package fr.maillage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NirUnitTest {

	@Test
	void keysAreNinetySevenMinusTheNumberModuloNinetySeven() {
		assertThat(Nir.hasValidKey("184077645108963")).isTrue();
		assertThat(Nir.hasValidKey("269027512345680")).isTrue();
		assertThat(Nir.hasValidKey("269027512345681")).isFalse();
	}

	@Test
	void corsicanDepartementsAreReadAsNineteenAndEighteen() {
		assertThat(Nir.hasValidKey("155122A12345663")).isTrue();
		assertThat(Nir.hasValidKey("278012B01234544")).isTrue();
		assertThat(Nir.hasValidKey("278012B01234545")).isFalse();
	}

	@Test
	void cleaningAcceptsTheUsualSeparators() {
		assertThat(Nir.clean("1 84 07 76 451 089 63")).isEqualTo("184077645108963");
		assertThat(Nir.clean("1.55.12.2a.123.456-63")).isEqualTo("155122A12345663");
	}

	@Test
	void formRejectsWrongLengthsAndFirstDigits() {
		assertThat(Nir.hasValidForm("18407764510896")).isFalse();
		assertThat(Nir.hasValidForm("984077645108963")).isFalse();
		assertThat(Nir.hasValidForm("1840776451089AB")).isFalse();
	}

	@Test
	void agreementComparesSexYearAndRealMonths() {
		assertThat(Nir.agreesWith("184077645108963", LocalDate.of(1984, 7, 3), "M")).isTrue();
		assertThat(Nir.agreesWith("184077645108963", LocalDate.of(1984, 7, 3), "F")).isFalse();
		assertThat(Nir.agreesWith("184077645108963", LocalDate.of(1985, 7, 3), "M")).isFalse();
		assertThat(Nir.agreesWith("184077645108963", LocalDate.of(1984, 8, 3), "M")).isFalse();
		// month 20 and above: unknown month in the civil registry, not compared
		assertThat(Nir.agreesWith("184207645108963", LocalDate.of(1984, 8, 3), "M")).isTrue();
	}
}
