package fr.maillage.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Amounts of money in whole cents (a {@code long}): never a floating-point number. Reads what
 * people type in France ("30", "30,50", "1 200,00 €", "30.5") and writes "1 200,00 €".
 */
public final class Euros {

	public enum Problem { EMPTY, NOT_A_NUMBER, NEGATIVE, TOO_PRECISE, TOO_LARGE }

	/** The largest amount accepted: one million euros. */
	public static final long MAX_CENTS = 100_000_000L;

	/** Cents, or the problem. */
	public record Parsed(long cents, @Nullable Problem problem) {
		public boolean ok() {
			return problem == null;
		}
	}

	private Euros() {
	}

	public static Parsed parse(@Nullable String typed) {
		String s = typed == null ? "" : typed.replaceAll("[\\s\\u00a0\\u202f€]", "").replace("EUR", "").replace("eur", "");
		if (s.isEmpty()) {
			return new Parsed(0, Problem.EMPTY);
		}
		if (s.startsWith("-") || s.startsWith("−")) {
			return new Parsed(0, s.substring(1).matches("[0-9]+([.,][0-9]*)?") ? Problem.NEGATIVE : Problem.NOT_A_NUMBER);
		}
		if (!s.matches("[0-9]+([.,][0-9]*)?")) {
			return new Parsed(0, Problem.NOT_A_NUMBER);
		}
		BigDecimal value = new BigDecimal(s.replace(',', '.'));
		if (value.stripTrailingZeros().scale() > 2) {
			return new Parsed(0, Problem.TOO_PRECISE);
		}
		BigDecimal cents = value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
		if (cents.compareTo(BigDecimal.valueOf(MAX_CENTS)) > 0) {
			return new Parsed(0, Problem.TOO_LARGE);
		}
		return new Parsed(cents.longValueExact(), null);
	}

	/** "1 200,00 €" (narrow no-break space between thousands, as the French locale writes them). */
	public static String format(long cents) {
		NumberFormat f = NumberFormat.getCurrencyInstance(Locale.FRANCE);
		return f.format(BigDecimal.valueOf(cents, 2));
	}

	/** "1200,00": for a form field or a spreadsheet cell. */
	public static String plain(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
	}
}
