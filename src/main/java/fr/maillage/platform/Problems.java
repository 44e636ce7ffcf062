package fr.maillage.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with what a person typed, field by field, as message keys with arguments. An
 * expected outcome, not an exception: forms show it beside the fields, the API returns it with 400.
 */
public final class Problems {

	public record Problem(String field, String key, List<Object> args) {
	}

	private final Map<String, Problem> byField = new LinkedHashMap<>();

	public Problems reject(String field, String key, Object... args) {
		byField.putIfAbsent(field, new Problem(field, key, List.of(args)));
		return this;
	}

	public boolean any() {
		return !byField.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public List<Problem> all() {
		return List.copyOf(byField.values());
	}

	public Map<String, Problem> byField() {
		return Map.copyOf(byField);
	}

	/** Thrown by a service when a command is refused; carries the problems to show. */
	public static class RejectedException extends RuntimeException {
		private final Problems problems;

		public RejectedException(Problems problems) {
			super("rejected: " + problems.byField.keySet(), null, false, false);
			this.problems = problems;
		}

		public Problems problems() {
			return problems;
		}
	}

	/** The refusal of a single field, to throw. */
	public static RejectedException rejected(String field, String key, Object... args) {
		return new RejectedException(new Problems().reject(field, key, args));
	}

	public void throwIfAny() {
		if (any()) {
			throw new RejectedException(this);
		}
	}
}
