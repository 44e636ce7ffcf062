package fr.maillage.cpts.web;

import fr.maillage.cpts.Territory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The data behind the territory's chart and map, as JSON for the page's script. */
final class TerritoryCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TerritoryCharts() {
	}

	/** Population by commune, largest first. */
	static String populationChart(Territory territory) {
		List<Territory.TerritoryCommune> sorted = new ArrayList<>(territory.communes());
		sorted.sort((a, b) -> Integer.compare(b.population(), a.population()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", sorted.stream().map(Territory.TerritoryCommune::name).toList());
		data.put("values", sorted.stream().map(Territory.TerritoryCommune::population).toList());
		return JSON.writeValueAsString(data);
	}

	/** One point per commune with known coordinates. */
	static String mapPoints(Territory territory) {
		List<Map<String, Object>> points = new ArrayList<>();
		for (Territory.TerritoryCommune c : territory.communes()) {
			if (c.latitude() != null && c.longitude() != null) {
				Map<String, Object> p = new LinkedHashMap<>();
				p.put("code", c.inseeCode());
				p.put("name", c.name());
				p.put("population", c.population());
				p.put("lat", c.latitude());
				p.put("lon", c.longitude());
				p.put("qpv", c.qpv());
				points.add(p);
			}
		}
		return JSON.writeValueAsString(points);
	}
}
