package fr.maillage.platform;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One card of a person's home page, contributed by the module that owns what it counts: a figure,
 * what it means, a few lines, and the link to the list it counts. Cards never name a patient (the
 * home page is no place to read health data); the list they link to does, through its own access
 * rule and audit.
 *
 * @param audience the part of the home it goes in
 * @param order its place in that part (smaller first)
 * @param titleKey the message key of its title
 * @param href the list it counts (an address inside Maillage)
 * @param figure the number shown large, or null for a card of lines only
 * @param tone how much it asks for attention
 * @param text what the figure means: a message key and its arguments
 * @param lines up to a few lines under it (the next meetings, the next duties)
 */
public record HomeCard(Audience audience, int order, String titleKey, String href, @Nullable Long figure, Tone tone, Text text, List<Line> lines) {

	public HomeCard {
		lines = List.copyOf(lines);
	}

	public static HomeCard of(Audience audience, int order, String titleKey, String href, long figure, Tone tone, String textKey, Object... args) {
		return new HomeCard(audience, order, titleKey, href, figure, tone, new Text(textKey, List.of(args)), List.of());
	}

	public HomeCard withLines(List<Line> more) {
		return new HomeCard(audience, order, titleKey, href, figure, tone, text, more);
	}

	/** The parts of the home, in their order. */
	public enum Audience {
		/** What the coordination of the CPTS has to deal with. */
		COORDINATION,
		/** The person's own work: tasks, duties, bookings, answers owed. */
		PERSONAL,
		/** The installation: hosted CPTS, e-mails waiting, jobs, imports. */
		ADMINISTRATION;

		public String labelKey() {
			return "home.audience." + name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** How much a card asks for attention; an alert comes first in its part. */
	public enum Tone {
		CALM, ATTENTION, ALERT;

		public String css() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/** Attention when {@code n} is positive, calm otherwise. */
		public static Tone attentionIf(long n) {
			return n > 0 ? ATTENTION : CALM;
		}
	}

	/** A message key with its arguments, rendered in the reader's language. */
	public record Text(String key, List<Object> args) {

		public Text {
			args = List.copyOf(args);
		}

		public static Text of(String key, Object... args) {
			return new Text(key, List.of(args));
		}

		public Object[] argsArray() {
			return args.toArray();
		}
	}

	/** A line of a card: what (already in words, no patient), when, where it leads. */
	public record Line(String label, @Nullable Instant when, @Nullable String href) {
	}

	/**
	 * Who asks, for which CPTS. {@code cptsId} is null for a person of no CPTS (an administrator
	 * alone). The flags are the person's roles in that CPTS.
	 */
	public record Viewer(UUID userId, @Nullable UUID cptsId, boolean coordinator, boolean careCoordinator, boolean member, boolean admin,
			Set<UUID> cptsIds) {

		/** A coordinator of the CPTS, by role or as administrator. */
		public boolean coordinates() {
			return cptsId != null && (coordinator || admin);
		}

		public String cptsPath(String rest) {
			return "/cpts/" + cptsId + rest;
		}
	}

	/** Each module contributes its cards by implementing this; a card it has nothing to say about is left out. */
	public interface Provider {
		List<HomeCard> cards(Viewer viewer);
	}
}
