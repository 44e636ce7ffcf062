package fr.maillage.missions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The variable part of a mission: envelope × Σ(weight × attainment), each attainment through the
 * contract's rule. Computed only when the weights of the mission's indicators make 100 %; otherwise
 * the estimate says why.
 */
public final class VariablePart {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private VariablePart() {
	}

	/** An indicator as the variable part sees it: its weight, the value reached, the target. */
	public record Input(UUID indicatorId, String name, BigDecimal weightPercent, @Nullable BigDecimal value, @Nullable BigDecimal target,
			boolean lowerIsBetter) {
	}

	public record Line(Input input, BigDecimal reached, BigDecimal paidShare) {
	}

	/** {@code cents} is null when the weights do not make 100 % ({@code weightSum} says how much they make). */
	public record Estimate(Mission mission, long envelopeCents, BigDecimal weightSum, List<Line> lines, @Nullable Long cents) {

		public boolean weightsComplete() {
			return weightSum.compareTo(HUNDRED) == 0;
		}
	}

	/** How much of the target a value reaches (1 = the target), 0 when either is unknown. */
	public static BigDecimal reached(@Nullable BigDecimal value, @Nullable BigDecimal target, boolean lowerIsBetter) {
		if (value == null || target == null) {
			return BigDecimal.ZERO;
		}
		if (lowerIsBetter) {
			if (value.compareTo(target) <= 0) {
				return BigDecimal.ONE;
			}
			return target.signum() <= 0 ? BigDecimal.ZERO : target.divide(value, 4, RoundingMode.HALF_UP);
		}
		if (target.signum() <= 0) {
			return value.compareTo(target) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		return value.max(BigDecimal.ZERO).divide(target, 4, RoundingMode.HALF_UP);
	}

	public static Estimate estimate(Mission mission, long envelopeCents, AttainmentRule rule, List<Input> inputs) {
		BigDecimal weights = inputs.stream().map(Input::weightPercent).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
		List<Line> lines = inputs.stream().map(i -> {
			BigDecimal reached = reached(i.value(), i.target(), i.lowerIsBetter());
			return new Line(i, reached, rule.paidShare(reached));
		}).toList();
		if (weights.compareTo(HUNDRED) != 0) {
			return new Estimate(mission, envelopeCents, weights, lines, null);
		}
		BigDecimal share = lines.stream().map(l -> l.input().weightPercent().multiply(l.paidShare())).reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(HUNDRED);
		long cents = BigDecimal.valueOf(envelopeCents).multiply(share).setScale(0, RoundingMode.HALF_UP).longValueExact();
		return new Estimate(mission, envelopeCents, weights, lines, cents);
	}
}
