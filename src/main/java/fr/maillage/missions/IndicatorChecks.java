package fr.maillage.missions;

import fr.maillage.missions.internal.IndicatorSources;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything wrong with an indicator a person wrote, field by field; otherwise the indicator to store. */
final class IndicatorChecks {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final IndicatorSources sources;

	IndicatorChecks(IndicatorSources sources) {
		this.sources = sources;
	}

	Indicator check(UUID id, UUID cptsId, IndicatorForm f, Contract contract, List<Indicator> others, Messages messages) {
		Problems problems = new Problems();
		OfferedIndicator offered = null;
		if (f.sourceCode() != null && !f.sourceCode().isBlank()) {
			offered = sources.offered(f.sourceCode()).orElse(null);
			if (offered == null) {
				problems.reject("sourceCode", "missions.indicator.source.unknown");
			}
			else if (others.stream().anyMatch(i -> f.sourceCode().equals(i.sourceCode()))) {
				problems.reject("sourceCode", "missions.indicator.source.twice");
			}
		}
		String mission = f.mission() == null || f.mission().isBlank() ? (offered == null ? null : offered.mission().name()) : f.mission().strip();
		Mission aci = mission == null ? null : Mission.parseOrNull(mission);
		if (mission == null) {
			problems.reject("mission", "missions.indicator.mission.required");
		}
		else if (aci == null || !contract.signs(aci)) {
			problems.reject("mission", "missions.indicator.mission.unsigned");
		}
		String name = f.name() == null || f.name().isBlank() ? (offered == null ? null : messages.get(offered.nameKey())) : f.name().strip();
		if (name == null) {
			problems.reject("name", "missions.indicator.name.required");
		}
		else if (name.length() > 200) {
			problems.reject("name", "missions.text.tooLong", 200);
		}
		Indicator.Kind kind = f.kind() != null ? f.kind() : offered == null ? null : offered.kind();
		if (kind == null) {
			problems.reject("kind", "missions.indicator.kind.required");
		}
		Indicator.Unit unit = offered != null ? offered.unit() : f.unit();
		if (unit == null) {
			problems.reject("unit", "missions.indicator.unit.required");
		}
		Indicator.Aggregation aggregation = offered != null ? offered.aggregation()
				: f.aggregation() != null ? f.aggregation() : Indicator.Aggregation.LAST;
		String definition = f.definition() == null || f.definition().isBlank() ? (offered == null ? null : messages.get(offered.definitionKey()))
				: f.definition().strip();
		if (definition != null && definition.length() > 2000) {
			problems.reject("definition", "missions.text.tooLong", 2000);
		}
		if (f.sourceLabel() != null && f.sourceLabel().length() > 200) {
			problems.reject("sourceLabel", "missions.text.tooLong", 200);
		}
		if (f.baseline() != null && f.baselineOn() == null) {
			problems.reject("baselineOn", "missions.indicator.baseline.date");
		}
		BigDecimal weight = f.weightPercent() == null ? BigDecimal.ZERO : f.weightPercent();
		if (weight.signum() < 0 || weight.compareTo(HUNDRED) > 0 || weight.scale() > 2) {
			problems.reject("weightPercent", "missions.indicator.weight.range");
		}
		else if (mission != null) {
			BigDecimal sum = others.stream().filter(i -> mission.equals(i.mission())).map(Indicator::weightPercent).reduce(weight, BigDecimal::add);
			if (sum.compareTo(HUNDRED) > 0) {
				problems.reject("weightPercent", "missions.indicator.weight.sum", sum.stripTrailingZeros().toPlainString(),
						sum.subtract(weight).stripTrailingZeros().toPlainString());
			}
		}
		Map<Integer, BigDecimal> targets = new HashMap<>();
		if (f.targets() != null) {
			for (var e : f.targets().entrySet()) {
				String field = "targets[" + e.getKey() + "]";
				IndicatorForm.Target t = e.getValue();
				if (e.getKey() == null || e.getKey() < 1 || e.getKey() > Contract.YEARS) {
					problems.reject(field, "missions.year.range", Contract.YEARS);
				}
				else if (t == null || t.value() == null) {
					continue;
				}
				else if (unit != null && t.unit() != null && t.unit() != unit) {
					problems.reject(field, "missions.target.unit", messages.get(t.unit().labelKey()), messages.get(unit.labelKey()));
				}
				else if (t.value().scale() > 2 || t.value().signum() < 0) {
					problems.reject(field, "missions.target.format");
				}
				else {
					targets.put(e.getKey(), t.value());
				}
			}
		}
		problems.throwIfAny();
		boolean lower = f.lowerIsBetter() != null ? f.lowerIsBetter() : offered != null && offered.lowerIsBetter();
		return new Indicator(id, cptsId, mission, offered == null ? null : offered.code(), name, kind, definition, unit, aggregation,
				f.sourceLabel() == null || f.sourceLabel().isBlank() ? (offered == null ? null : "Maillage") : f.sourceLabel().strip(), f.baseline(),
				f.baselineOn(), weight, lower, targets);
	}
}
