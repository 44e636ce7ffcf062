package fr.maillage.missions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An indicator as a person writes it: computed ({@code sourceCode}, an offered indicator of a
 * module: its unit and aggregation come from there) or entered by hand (the unit and aggregation
 * given). Targets are per contract year, each with its unit (it must be the indicator's).
 */
public record IndicatorForm(@Nullable String mission, @Nullable String sourceCode, @Nullable String name, Indicator.@Nullable Kind kind,
		@Nullable String definition, Indicator.@Nullable Unit unit, Indicator.@Nullable Aggregation aggregation, @Nullable String sourceLabel,
		@Nullable BigDecimal baseline, @Nullable LocalDate baselineOn, @Nullable BigDecimal weightPercent, @Nullable Boolean lowerIsBetter,
		@Nullable Map<Integer, Target> targets) {

	public record Target(@Nullable BigDecimal value, Indicator.@Nullable Unit unit) {
	}
}
