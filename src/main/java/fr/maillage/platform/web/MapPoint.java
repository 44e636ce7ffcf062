package fr.maillage.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One point of a map drawn by {@code map.js} (fragment {@code fragments/map}): where (a commune's
 * centroid), what its tooltip says, how much it weighs (the circle grows with the square root),
 * where a click leads and its kind ({@code here}, {@code gap}: other colours).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MapPoint(double lat, double lon, String label, long count, @Nullable String href, @Nullable String kind) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Where a map reads these communes' contours (public reference data, see
	 * {@code /communes/contours}), relative to the application; null without communes or beyond
	 * 500 of them (a map of so many draws points only).
	 */
	public static @Nullable String contoursPath(java.util.Collection<String> inseeCodes) {
		return inseeCodes.isEmpty() || inseeCodes.size() > 500 ? null : "/communes/contours?codes=" + String.join(",", inseeCodes);
	}

	/** The points as the {@code data-points} attribute carries them. */
	public static String json(List<MapPoint> points) {
		return JSON.writeValueAsString(points);
	}
}
