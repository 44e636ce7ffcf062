package fr.maillage.reference;

import java.util.OptionalDouble;

/**
 * The distance between two communes, as every module that matches people to places reckons it:
 * the great-circle distance between their centroids when both have imported coordinates;
 * otherwise a fallback (same commune 0 km, same EPCI 10 km, same département 30 km, anything
 * else unknown, which callers treat as too far).
 */
public final class CommuneDistance {

	public static final double SAME_EPCI_KM = 10;
	public static final double SAME_DEPARTEMENT_KM = 30;
	private static final double EARTH_RADIUS_KM = 6371.0088;

	private CommuneDistance() {
	}

	/** How a distance was reckoned: only a measured one (or the same commune) may be shown as a number. */
	public enum Basis {
		SAME_COMMUNE, MEASURED, SAME_EPCI, SAME_DEPARTEMENT;

		public boolean measured() {
			return this == SAME_COMMUNE || this == MEASURED;
		}

		/** What a page says instead of a number for a fallback ("même EPCI"), or for a measure ("{0} km"). */
		public String labelKey() {
			return "reference.distance." + name();
		}
	}

	/** A distance in km with how it was reckoned. */
	public record Estimate(double km, Basis basis) {
	}

	public static OptionalDouble km(Commune a, Commune b) {
		return estimate(a, b).map(e -> OptionalDouble.of(e.km())).orElse(OptionalDouble.empty());
	}

	public static java.util.Optional<Estimate> estimate(Commune a, Commune b) {
		if (a.inseeCode().equals(b.inseeCode())) {
			return java.util.Optional.of(new Estimate(0, Basis.SAME_COMMUNE));
		}
		if (a.hasCoordinates() && b.hasCoordinates()) {
			return java.util.Optional.of(new Estimate(greatCircleKm(a.latitude(), a.longitude(), b.latitude(), b.longitude()), Basis.MEASURED));
		}
		if (a.epciSiren() != null && a.epciSiren().equals(b.epciSiren())) {
			return java.util.Optional.of(new Estimate(SAME_EPCI_KM, Basis.SAME_EPCI));
		}
		if (a.departementCode().equals(b.departementCode())) {
			return java.util.Optional.of(new Estimate(SAME_DEPARTEMENT_KM, Basis.SAME_DEPARTEMENT));
		}
		return java.util.Optional.empty();
	}

	public static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
	}
}
