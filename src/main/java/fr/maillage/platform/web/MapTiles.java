package fr.maillage.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The map tiles an installation configured ({@code maillage.map.tiles-url}), given to every page
 * as {@code mapTiles} for the map fragment; none by default: maps draw the communes' contours
 * without tiles.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class MapTiles {

	private final @Nullable String url;
	private final @Nullable String attribution;

	MapTiles(@Value("${maillage.map.tiles-url:}") String url, @Value("${maillage.map.tiles-attribution:}") String attribution) {
		this.url = url.isBlank() ? null : url.strip();
		this.attribution = this.url == null || attribution.isBlank() ? null : attribution.strip();
	}

	@ModelAttribute("mapTiles")
	MapTiles mapTiles() {
		return this;
	}

	public @Nullable String url() {
		return url;
	}

	public @Nullable String attribution() {
		return attribution;
	}
}
