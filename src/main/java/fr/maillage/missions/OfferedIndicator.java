package fr.maillage.missions;

/**
 * An offered indicator: its code, mission, kind, unit, how months add up, message keys of its
 * name, definition and source, and whether less is better (ruptures).
 */
public record OfferedIndicator(String code, Mission mission, Indicator.Kind kind, Indicator.Unit unit, Indicator.Aggregation aggregation, boolean lowerIsBetter) {

	public String nameKey() {
		return "indicator." + code + ".name";
	}

	public String definitionKey() {
		return "indicator." + code + ".definition";
	}
}
