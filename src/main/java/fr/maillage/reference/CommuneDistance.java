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

	public static OptionalDouble km(Commune a, Commune b) {
		if (a.inseeCode().equals(b.inseeCode())) {
			return OptionalDouble.of(0);
		}
		if (a.hasCoordinates() && b.hasCoordinates()) {
			return OptionalDouble.of(greatCircleKm(a.latitude(), a.longitude(), b.latitude(), b.longitude()));
		}
		if (a.epciSiren() != null && a.epciSiren().equals(b.epciSiren())) {
			return OptionalDouble.of(SAME_EPCI_KM);
		}
		if (a.departementCode().equals(b.departementCode())) {
			return OptionalDouble.of(SAME_DEPARTEMENT_KM);
		}
		return OptionalDouble.empty();
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
