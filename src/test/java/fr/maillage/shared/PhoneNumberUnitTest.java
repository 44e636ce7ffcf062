package fr.maillage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberUnitTest {

	@Test
	void fullNumbersAsPeopleTypeThem() {
		assertThat(PhoneNumber.isPlausible("04 92 00 00 00")).isTrue();
		assertThat(PhoneNumber.isPlausible("04.92.00.00.00")).isTrue();
		assertThat(PhoneNumber.isPlausible("+33 4 92 00 00 00")).isTrue();
		assertThat(PhoneNumber.isPlausible("+262 262 00 00 00")).isTrue();
		assertThat(PhoneNumber.isPlausible("abc")).isFalse();
		assertThat(PhoneNumber.isPlausible("04 92 00 00")).isFalse();
		assertThat(PhoneNumber.isPlausible("3237")).isFalse();
	}

	@Test
	void aPublicNumberMayBeShort() {
		assertThat(PhoneNumber.isPlausiblePublic("3237")).isTrue();
		assertThat(PhoneNumber.isPlausiblePublic("15")).isTrue();
		assertThat(PhoneNumber.isPlausiblePublic("116 117")).isTrue();
		assertThat(PhoneNumber.isPlausiblePublic("04 92 00 00 00")).isTrue();
		assertThat(PhoneNumber.isPlausiblePublic("abc")).isFalse();
		assertThat(PhoneNumber.isPlausiblePublic("32")).isFalse();
	}

	@Test
	void shownInPairs() {
		assertThat(PhoneNumber.display("0492000000")).isEqualTo("04 92 00 00 00");
		assertThat(PhoneNumber.display("04.92.00.00.00")).isEqualTo("04 92 00 00 00");
		assertThat(PhoneNumber.display("3237")).isEqualTo("3237");
		assertThat(PhoneNumber.display("+33492000000")).isEqualTo("+33 4 92 00 00 00");
		assertThat(PhoneNumber.display(null)).isNull();
	}
}
