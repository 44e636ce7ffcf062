package fr.maillage.platform;

import java.time.Duration;
import java.util.List;

/**
 * A compartment for POST requests that come in storms (thousands of answers to an alert in a minute):
 * at most {@code permits} of them reach the application at once, the others wait their turn
 * (first come, first served) up to {@code patience}, then get 503 with a French message. The
 * database connections they leave free serve everything else, such as the board the crisis cell
 * reads during the storm. Declared as a bean by the module that owns the paths.
 *
 * @param name what the compartment holds, for the logs
 * @param patterns path patterns ({@code /api/v1/crises/{crisisId}/alerts/{alertId}/answer})
 * @param permits how many such requests run at once
 * @param patience how long a request waits for its turn
 */
public record Bulkhead(String name, List<String> patterns, int permits, Duration patience) {

	public Bulkhead {
		if (permits < 1) {
			throw new IllegalArgumentException("a bulkhead lets at least one request through");
		}
		patterns = List.copyOf(patterns);
	}
}
