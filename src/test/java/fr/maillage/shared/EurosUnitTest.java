package fr.maillage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EurosUnitTest {

	@Test
	void readsWhatPeopleTypeInFrance() {
		assertThat(Euros.parse("30").cents()).isEqualTo(3000);
		assertThat(Euros.parse("30,5").cents()).isEqualTo(3050);
		assertThat(Euros.parse("30.05").cents()).isEqualTo(3005);
		assertThat(Euros.parse("1 200,00 €").cents()).isEqualTo(120000);
		assertThat(Euros.parse("0,10").cents()).isEqualTo(10);
		assertThat(Euros.parse("0.1").cents()).as("no binary rounding: 0.1 is ten cents").isEqualTo(10);
		assertThat(Euros.parse("19,999").problem()).isEqualTo(Euros.Problem.TOO_PRECISE);
		assertThat(Euros.parse("-10").problem()).isEqualTo(Euros.Problem.NEGATIVE);
		assertThat(Euros.parse("dix").problem()).isEqualTo(Euros.Problem.NOT_A_NUMBER);
		assertThat(Euros.parse("").problem()).isEqualTo(Euros.Problem.EMPTY);
		assertThat(Euros.parse("2000000").problem()).isEqualTo(Euros.Problem.TOO_LARGE);
	}

	@Test
	void writesAmountsTheFrenchWay() {
		assertThat(Euros.format(120050)).isEqualTo("1\u202f200,50\u00a0€");
		assertThat(Euros.plain(3005)).isEqualTo("30,05");
	}
}
