package fr.maillage.oncall;

import org.jspecify.annotations.Nullable;

/**
 * Who takes turns on a roster: pharmacies (structures of the directory), or professionals of one
 * profession (RPPS code); each kind comes with the usual turn, which the coordinator may change.
 */
public enum RosterKind {
	PHARMACIE(null, RosterPattern.DAILY, "09:00", "09:00", "3237"),
	INFIRMIER("60", RosterPattern.WEEKLY, "08:00", "08:00", null),
	MEDECIN("10", RosterPattern.SUNDAYS_HOLIDAYS, "08:00", "20:00", "116 117"),
	DENTISTE("40", RosterPattern.SUNDAYS_HOLIDAYS, "09:00", "12:00", null),
	KINE("70", RosterPattern.SATURDAYS, "09:00", "12:00", null);

	private final @Nullable String professionCode;
	private final RosterPattern usualPattern;
	private final String usualStart;
	private final String usualEnd;
	private final @Nullable String usualPhone;

	RosterKind(@Nullable String professionCode, RosterPattern usualPattern, String usualStart, String usualEnd, @Nullable String usualPhone) {
		this.professionCode = professionCode;
		this.usualPattern = usualPattern;
		this.usualStart = usualStart;
		this.usualEnd = usualEnd;
		this.usualPhone = usualPhone;
	}

	/** The RPPS profession of the professionals on this roster; null for pharmacies, which are structures. */
	public @Nullable String professionCode() {
		return professionCode;
	}

	public boolean structures() {
		return professionCode == null;
	}

	public RosterPattern usualPattern() {
		return usualPattern;
	}

	public String usualStart() {
		return usualStart;
	}

	public String usualEnd() {
		return usualEnd;
	}

	public @Nullable String usualPhone() {
		return usualPhone;
	}

	public String labelKey() {
		return "oncall.kind." + name();
	}
}
