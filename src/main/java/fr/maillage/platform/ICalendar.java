package fr.maillage.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * iCalendar (RFC 5545) documents: a feed of events, times in UTC. Only what calendar applications
 * need is written (UID, DTSTAMP, DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION, URL), with the
 * escaping and the 75-octet line folding the RFC requires; the tests read the result back with
 * ical4j, an independent parser.
 */
public final class ICalendar {

	/** One event; {@code uid} must be stable from one download to the next (calendars update by it). */
	public record Event(String uid, Instant start, Instant end, String summary, @Nullable String location, @Nullable String description,
			@Nullable String url) {
	}

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	/** A calendar with a name, its events in the order given. */
	public static String of(String name, List<Event> events) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Maillage//Maillage//FR");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(name));
		String stamp = UTC.format(Instant.now());
		for (Event e : events) {
			line(out, "BEGIN:VEVENT");
			eventLines(out, e, stamp);
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/**
	 * A meeting invitation for one attendee (iTIP, RFC 5546): METHOD:REQUEST, or CANCEL when the
	 * meeting is called off; {@code sequence} grows with each change so calendars replace the
	 * earlier version of the same UID.
	 */
	public static String invitation(Event e, String organizerName, String organizerEmail, String attendeeEmail, int sequence, boolean cancelled) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Maillage//Maillage//FR");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"));
		line(out, "BEGIN:VEVENT");
		eventLines(out, e, UTC.format(Instant.now()));
		line(out, "SEQUENCE:" + sequence);
		line(out, "ORGANIZER;CN=" + param(organizerName) + ":mailto:" + organizerEmail);
		line(out, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + attendeeEmail);
		line(out, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	private static void eventLines(StringBuilder out, Event e, String stamp) {
		line(out, "UID:" + text(e.uid()));
		line(out, "DTSTAMP:" + stamp);
		line(out, "DTSTART:" + UTC.format(e.start()));
		line(out, "DTEND:" + UTC.format(e.end()));
		line(out, "SUMMARY:" + text(e.summary()));
		if (e.location() != null && !e.location().isBlank()) {
			line(out, "LOCATION:" + text(e.location()));
		}
		if (e.description() != null && !e.description().isBlank()) {
			line(out, "DESCRIPTION:" + text(e.description()));
		}
		if (e.url() != null) {
			line(out, "URL:" + e.url());
		}
	}

	/** A parameter value: quoted, without the characters a quoted value cannot hold. */
	static String param(String value) {
		return "\"" + value.replace("\"", "'").replace("\r", "").replace("\n", " ") + "\"";
	}

	/** TEXT values: backslash, semicolon, comma and new lines escaped. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "");
	}

	/** Writes a content line folded at 75 octets (never inside a UTF-8 sequence), ended by CRLF. */
	private static void line(StringBuilder out, String content) {
		int octets = 0;
		int i = 0;
		while (i < content.length()) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
