package fr.maillage.missions;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The missions of the ACI (avenant 2): four "socle" missions every CPTS signs, two optional ones.
 * The default months from the signature to the start and to the full deployment of each mission
 * come from the contract (6 and 18 for access and crisis, 12 and 24 for pathways and prevention);
 * a contract may change them.
 */
public enum Mission {
	ACCESS(true, 6, 18), PATHWAYS(true, 12, 24), PREVENTION(true, 12, 24), CRISIS(true, 6, 18), QUALITY(false, 12, 24),
	SUPPORT(false, 12, 24);

	private final boolean socle;
	private final int startMonths;
	private final int fullMonths;

	Mission(boolean socle, int startMonths, int fullMonths) {
		this.socle = socle;
		this.startMonths = startMonths;
		this.fullMonths = fullMonths;
	}

	public boolean socle() {
		return socle;
	}

	public int defaultStartMonths() {
		return startMonths;
	}

	public int defaultFullMonths() {
		return fullMonths;
	}

	public String labelKey() {
		return "missions.mission." + name().toLowerCase(Locale.ROOT);
	}

	/** The mission an indicator or a sheet names by its code, or null for an own mission's id. */
	public static @Nullable Mission parseOrNull(String code) {
		for (Mission m : values()) {
			if (m.name().equals(code)) {
				return m;
			}
		}
		return null;
	}
}
