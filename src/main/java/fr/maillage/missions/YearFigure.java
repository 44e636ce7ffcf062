package fr.maillage.missions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An indicator over a contract year: its value month by month and for the year (months added up,
 * the last one kept, or a ratio of sums, as the indicator aggregates), the year's target and how
 * much of it is reached. Under statistical secrecy a count of patients below the threshold is not
 * given: {@code secretBelow} says "fewer than" instead, and what would let one work it out back
 * (the attainment) is left out too.
 */
public record YearFigure(Indicator indicator, int contractYear, @Nullable BigDecimal value, @Nullable BigDecimal target,
		@Nullable BigDecimal reached, List<MonthFigure> months, @Nullable Integer secretBelow) {

	/** One month: its value (null: none yet), where it comes from (SNAPSHOT, MANUAL, LIVE for the month in course). */
	public record MonthFigure(Contract.Month month, @Nullable Measure measure, @Nullable String origin, boolean secret) {

		public @Nullable BigDecimal value() {
			return measure == null || secret ? null : measure.value();
		}
	}

	public boolean secret() {
		return secretBelow != null;
	}

	/** Off target: a value known, a target set, and the target not reached. */
	public boolean offTarget() {
		return reached != null && target != null && reached.compareTo(BigDecimal.ONE) < 0;
	}

	static @Nullable BigDecimal aggregate(Indicator.Aggregation aggregation, List<Measure> measures) {
		if (measures.isEmpty()) {
			return null;
		}
		return switch (aggregation) {
			case SUM -> measures.stream().map(Measure::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
			case LAST -> measures.getLast().value();
			case RATIO -> {
				BigDecimal num = measures.stream().map(Measure::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal den = measures.stream().map(m -> m.denominator() == null ? BigDecimal.ZERO : m.denominator())
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				yield den.signum() == 0 ? null : num.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
			}
		};
	}

	static boolean underSecrecy(Indicator i, @Nullable BigDecimal value, int threshold) {
		return i.unit() == Indicator.Unit.PATIENTS && value != null && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(threshold)) < 0;
	}
}
