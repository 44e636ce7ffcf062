package fr.maillage.reference;

import java.util.Collection;
import java.util.List;

/**
 * Commune contours for the maps: imported by an administrator from a GeoJSON FeatureCollection
 * (the shape of IGN Admin Express extracts: a {@code code} property, a Polygon or MultiPolygon),
 * all or nothing, with a report by feature; served as GeoJSON for a list of communes.
 */
public interface CommuneContours {

	/** One feature's remark: its number in the file (from 1), a message key and its arguments. */
	record Remark(int feature, String key, List<String> args) {
	}

	/** What the file held and what it did; {@code applied} is false when errors refused it. The lists hold the first 200 remarks. */
	record Report(int features, int stored, int viaFormerCode, int unknownCount, List<Remark> unknown, List<Remark> errors, boolean applied) {
	}

	Report apply(byte[] geojson);

	int communesWithContours();

	/** How many of these communes have their contour. */
	int countAmong(Collection<String> inseeCodes);

	/** A FeatureCollection of these communes' contours (those known), each with its code, name and population. */
	String featureCollection(Collection<String> inseeCodes);
}
