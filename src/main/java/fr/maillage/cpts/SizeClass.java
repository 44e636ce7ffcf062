package fr.maillage.cpts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The size class of a CPTS by population (taille 1 to 4 of the ACI). */
public enum SizeClass {
	ONE(1), TWO(2), THREE(3), FOUR(4);

	private final int number;

	SizeClass(int number) {
		this.number = number;
	}

	@JsonValue
	public int number() {
		return number;
	}

	/** Under 40,000; 40,000 to 80,000; 80,000 to 175,000; over 175,000 inhabitants. */
	public static SizeClass of(long population) {
		if (population < 40_000) {
			return ONE;
		}
		if (population < 80_000) {
			return TWO;
		}
		if (population <= 175_000) {
			return THREE;
		}
		return FOUR;
	}
}
