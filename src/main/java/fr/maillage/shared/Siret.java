package fr.maillage.shared;

import java.util.Optional;

/**
 * A SIRET number: 14 digits whose Luhn key is valid. La Poste's establishments (SIREN
 * 356000000) follow another rule: the sum of the digits is a multiple of 5.
 */
public record Siret(String value) {

	public enum Problem { EMPTY, NOT_14_DIGITS, WRONG_KEY }

	public Siret {
		if (check(value).isPresent()) {
			throw new IllegalArgumentException("invalid SIRET " + value);
		}
	}

	/** Spaces and dots as people type them are accepted and dropped. */
	public static String clean(String raw) {
		return raw.replaceAll("[\\s.\\u00a0\\u202f]", "");
	}

	public static Optional<Problem> check(String raw) {
		String s = clean(raw);
		if (s.isEmpty()) {
			return Optional.of(Problem.EMPTY);
		}
		if (!s.matches("\\d{14}")) {
			return Optional.of(Problem.NOT_14_DIGITS);
		}
		if (s.startsWith("356000000")) {
			int sum = s.chars().map(c -> c - '0').sum();
			return sum % 5 == 0 ? Optional.empty() : Optional.of(Problem.WRONG_KEY);
		}
		return Luhn.isValid(s) ? Optional.empty() : Optional.of(Problem.WRONG_KEY);
	}

	public static Siret parse(String raw) {
		return new Siret(clean(raw));
	}

	@Override
	public String toString() {
		return value;
	}
}
