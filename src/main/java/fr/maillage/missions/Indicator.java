package fr.maillage.missions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An indicator of the CPTS's catalogue: what it measures, for which mission (an ACI mission's code
 * or an own mission's id), where its value comes from (a module's computed indicator, or a person
 * entering it with a proof), its baseline, its targets per contract year and its weight in the
 * mission's variable part.
 */
public record Indicator(UUID id, UUID cptsId, String mission, @Nullable String sourceCode, String name, Kind kind, @Nullable String definition,
		Unit unit, Aggregation aggregation, @Nullable String sourceLabel, @Nullable BigDecimal baseline, @Nullable LocalDate baselineOn,
		BigDecimal weightPercent, boolean lowerIsBetter, Map<Integer, BigDecimal> targets) {

	public Indicator {
		targets = Map.copyOf(targets);
	}

	/** Moyens, action, résultat: what the ARS template asks of each indicator. */
	public enum Kind {
		MEANS, ACTION, RESULT;

		public String labelKey() {
			return "missions.indicator.kind." + name().toLowerCase(Locale.ROOT);
		}
	}

	/** The unit; a count of PATIENTS falls under statistical secrecy outside the coordination. */
	public enum Unit {
		PATIENTS, COUNT, PERCENT, DAYS, EUROS;

		public String labelKey() {
			return "missions.indicator.unit." + name().toLowerCase(Locale.ROOT);
		}
	}

	/** How months make a year: a flow adds up, a stock keeps its last value, a ratio adds numerators and denominators. */
	public enum Aggregation {
		SUM, LAST, RATIO
	}

	public boolean computed() {
		return sourceCode != null;
	}

	public @Nullable Mission aciMission() {
		return Mission.parseOrNull(mission);
	}

	public @Nullable BigDecimal target(int contractYear) {
		return targets.get(contractYear);
	}
}
