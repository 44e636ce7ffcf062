package fr.maillage.missions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** A value: a count, or a ratio kept as numerator and denominator (shown as a percentage). */
public record Measure(BigDecimal numerator, @Nullable BigDecimal denominator) {

	public static Measure count(long n) {
		return new Measure(BigDecimal.valueOf(n), null);
	}

	public static Measure ratio(long numerator, long denominator) {
		return new Measure(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
	}

	/** The count, or the ratio in percent (two decimals); null for a ratio of nothing. */
	public @Nullable BigDecimal value() {
		if (denominator == null) {
			return numerator;
		}
		return denominator.signum() == 0 ? null : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP);
	}
}
