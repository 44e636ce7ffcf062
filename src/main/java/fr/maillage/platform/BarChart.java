package fr.maillage.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bar chart as the pages draw it (Chart.js through {@code /assets/js/bar-chart.js}): the labels of the
 * x axis and a series per colour, written as JSON into the canvas's {@code data-bar-chart}.
 */
public record BarChart(List<String> labels, List<Series> datasets) {

	/** A series: bars by default; {@code type} "line" draws it as a line over the bars (a target, a running total). */
	public record Series(String label, List<? extends @Nullable Number> data, String backgroundColor, @Nullable String type) {

		public Series(String label, List<? extends Number> data, String backgroundColor) {
			this(label, data, backgroundColor, null);
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public String json() {
		return JSON.writeValueAsString(this);
	}
}
