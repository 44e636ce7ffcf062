package fr.maillage.cpts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The contrast of white text on a CPTS's colour, as WCAG 2 computes it. */
class CptsIdentityContrastTest {

	@Test
	void whiteOnBlackIs21WhiteOnWhiteIs1AndTheDefaultBlueReads() {
		assertThat(CptsIdentity.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.01));
		assertThat(CptsIdentity.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.01));
		// WCAG's own example values: #767676 is the lightest grey that passes on white
		assertThat(CptsIdentity.contrastWithWhite("#767676")).isGreaterThanOrEqualTo(CptsIdentity.LEAST_CONTRAST);
		assertThat(CptsIdentity.contrastWithWhite("#777777")).isLessThan(CptsIdentity.LEAST_CONTRAST);
		assertThat(CptsIdentity.contrastWithWhite("#0b5394")).isGreaterThan(CptsIdentity.LEAST_CONTRAST);
	}
}
