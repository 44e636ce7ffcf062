package fr.maillage.missions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How reaching a target turns into a share of the variable part. LINEAR pays what was reached
 * (value / target), up to the cap (100 % by default); THRESHOLDS pays by steps ("50:50;75:75;100:100":
 * half the target reached pays half, three quarters pay three quarters, the target pays all).
 */
public record AttainmentRule(Kind kind, int capPercent, List<Step> steps) {

	public enum Kind {
		LINEAR, THRESHOLDS
	}

	/** From {@code reachedPercent} of the target on, {@code paidPercent} of the indicator's weight is paid. */
	public record Step(int reachedPercent, int paidPercent) {
	}

	public static final AttainmentRule DEFAULT = new AttainmentRule(Kind.LINEAR, 100, List.of());

	public AttainmentRule {
		steps = steps.stream().sorted(Comparator.comparingInt(Step::reachedPercent)).toList();
	}

	/** The steps as they are written and stored: "50:50;75:75;100:100". */
	public String stepsText() {
		return steps.stream().map(s -> s.reachedPercent() + ":" + s.paidPercent()).collect(Collectors.joining(";"));
	}

	/** Steps as a person writes them, or empty when they do not read (each part "reached:paid", percentages 0 to 200). */
	public static Optional<List<Step>> parseSteps(String text) {
		List<Step> steps = new ArrayList<>();
		for (String part : text.replace(" ", "").split("[;,]")) {
			if (part.isEmpty()) {
				continue;
			}
			String[] two = part.replace("%", "").split(":");
			if (two.length != 2 || !two[0].matches("\\d{1,3}") || !two[1].matches("\\d{1,3}")) {
				return Optional.empty();
			}
			int reached = Integer.parseInt(two[0]);
			int paid = Integer.parseInt(two[1]);
			if (reached > 200 || paid > 200) {
				return Optional.empty();
			}
			steps.add(new Step(reached, paid));
		}
		return steps.isEmpty() ? Optional.empty() : Optional.of(steps);
	}

	/** The share of the weight paid (1 = all of it) for a target reached at {@code reached} (1 = exactly). */
	public BigDecimal paidShare(BigDecimal reached) {
		BigDecimal cap = BigDecimal.valueOf(capPercent).movePointLeft(2);
		BigDecimal share = switch (kind) {
			case LINEAR -> reached;
			case THRESHOLDS -> {
				BigDecimal paid = BigDecimal.ZERO;
				for (Step s : steps) {
					if (reached.compareTo(BigDecimal.valueOf(s.reachedPercent()).movePointLeft(2)) >= 0) {
						paid = BigDecimal.valueOf(s.paidPercent()).movePointLeft(2);
					}
				}
				yield paid;
			}
		};
		return share.max(BigDecimal.ZERO).min(cap).setScale(4, RoundingMode.HALF_UP);
	}
}
