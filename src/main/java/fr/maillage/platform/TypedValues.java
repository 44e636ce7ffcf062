package fr.maillage.platform;

import fr.maillage.shared.FrenchText;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Values as people type them in forms and spreadsheets: a number that does not parse becomes an
 * impossible value (−1) so that the check reports it rather than forgets it; dates in the French
 * or ISO form; yes as oui/x/1; times as hh:mm.
 */
public final class TypedValues {

	/** Strict: 31/02 is an error to report, not 28/02 (the lenient default would quietly move it). */
	private static final List<DateTimeFormatter> DATES = java.util.stream.Stream.of("uuuu-MM-dd", "dd/MM/uuuu", "d/M/uuuu", "dd-MM-uuuu")
		.map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(java.time.format.ResolverStyle.STRICT)).toList();
	private static final List<String> YES = List.of("OUI", "O", "X", "1", "VRAI", "TRUE", "ON", "YES");

	private TypedValues() {
	}

	public static @Nullable LocalDate date(@Nullable String v) {
		if (v == null || v.isBlank()) {
			return null;
		}
		for (DateTimeFormatter f : DATES) {
			try {
				return LocalDate.parse(v.strip(), f);
			} catch (DateTimeParseException e) {
				// next form
			}
		}
		return null;
	}

	/** A constant of an enum by its name, or null when blank or unknown (the form's check then reports it). */
	public static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Enum.valueOf(type, v.strip());
		} catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** An id chosen in a form's select: null when none was chosen, or when what came is not an id (a tampered form gets "not found"-like refusals, never an error page). */
	public static java.util.@Nullable UUID uuid(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : java.util.UUID.fromString(v.strip());
		} catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public static @Nullable Integer integer(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	public static @Nullable Double decimal(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : Double.valueOf(v.strip().replace(',', '.'));
		} catch (NumberFormatException e) {
			return -1.0;
		}
	}

	public static boolean yes(@Nullable String v) {
		return v != null && YES.contains(FrenchText.normalize(v));
	}

	public static java.time.@Nullable LocalTime time(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : java.time.LocalTime.parse(v.strip());
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	public static java.time.@Nullable LocalDateTime dateTime(@Nullable String v) {
		try {
			return v == null || v.isBlank() ? null : java.time.LocalDateTime.parse(v.strip());
		} catch (DateTimeParseException e) {
			return null;
		}
	}
}
