package fr.maillage.reference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a pasted list of communes resolves to, line by line. Nothing is saved: the caller shows
 * it to a person, who resolves ambiguities before applying it.
 */
public record ListResolution(List<Line> lines, List<String> contextDepartements) {

	public enum Status { RESOLVED, AMBIGUOUS, UNRESOLVED, IGNORED }

	/** How a resolved line was matched, from the surest to the least sure. */
	public enum Method { CODE, FORMER_CODE, POSTCODE, EXACT_NAME, ABBREVIATION, SHORTENED_NAME, FORMER_NAME, CLOSE_SPELLING, EPCI, ADDED }

	/** A remark on a line, as a message key and its arguments (shown in French). */
	public record Note(String key, List<String> args) {
		public static Note of(String key, String... args) {
			return new Note(key, List.of(args));
		}
	}

	public record Zones(boolean qpv, boolean zip, boolean zac, @Nullable String note) {
		public static final Zones NONE = new Zones(false, false, false, null);
	}

	public record Candidate(Commune commune, Method method, boolean inContext) {
	}

	public record Line(int number, String text, Status status, @Nullable Candidate match,
			List<Candidate> candidates, List<Note> notes, Zones zones, boolean duplicate) {
	}

	public List<Line> withStatus(Status status) {
		return lines.stream().filter(l -> l.status() == status).toList();
	}
}
