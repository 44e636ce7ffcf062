package fr.maillage.accounts;

import fr.maillage.audit.AuditLog;
import fr.maillage.platform.ICalendar;
import fr.maillage.shared.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's calendar feed: a secret address (calendar applications cannot sign in) that serves
 * the iCalendar of what the modules contribute, from a month back to six months ahead. Only the
 * secret's hash is stored; renewing it kills the old address.
 */
@Service
public class CalendarFeeds {

	static final Duration PAST = Duration.ofDays(31);
	static final Duration AHEAD = Duration.ofDays(183);

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final List<CalendarEntries> sources;

	CalendarFeeds(JdbcClient jdbc, CptsAccess access, AuditLog audit, List<CalendarEntries> sources) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.sources = sources;
	}

	/** Whether the signed-in user has a feed address. */
	@Transactional(readOnly = true)
	public boolean exists() {
		return jdbc.sql("select exists (select 1 from calendar_feed where user_id = :u)").param("u", access.requireUser().id()).query(Boolean.class)
			.single();
	}

	/** A new secret for the signed-in user's feed (the previous address stops working); answers the secret, shown once. */
	@Transactional
	public String renew() {
		UUID user = access.requireUser().id();
		String secret = Secrets.newToken().substring(4);
		jdbc.sql("""
				insert into calendar_feed (user_id, secret_hash) values (:u, :h)
				on conflict (user_id) do update set secret_hash = excluded.secret_hash, created_at = now()""")
			.param("u", user).param("h", hex(Secrets.sha256(secret))).update();
		audit.change("calendar.feed.renew", "user_account", user.toString(), null, null);
		return secret;
	}

	@Transactional
	public void revoke() {
		UUID user = access.requireUser().id();
		if (jdbc.sql("delete from calendar_feed where user_id = :u").param("u", user).update() > 0) {
			audit.change("calendar.feed.revoke", "user_account", user.toString(), null, null);
		}
	}

	/** The feed behind a secret, or empty when the secret is unknown. */
	@Transactional(readOnly = true)
	public Optional<String> feed(String secret, String calendarName) {
		Optional<UUID> user = jdbc.sql("select user_id from calendar_feed where secret_hash = :h").param("h", hex(Secrets.sha256(secret)))
			.query(UUID.class).optional();
		return user.map(u -> {
			Instant now = Instant.now();
			List<ICalendar.Event> events = new ArrayList<>();
			sources.forEach(s -> events.addAll(s.entries(u, now.minus(PAST), now.plus(AHEAD))));
			events.sort(Comparator.comparing(ICalendar.Event::start));
			return ICalendar.of(calendarName, events);
		});
	}

	/** An entry of one's agenda, with the kind of its source. */
	public record Entry(String category, ICalendar.Event event) {
	}

	/** The signed-in user's agenda between two instants, in time order: what each module contributes. */
	@Transactional(readOnly = true)
	public List<Entry> agenda(Instant from, Instant to) {
		UUID user = access.requireUser().id();
		List<Entry> entries = new ArrayList<>();
		sources.forEach(s -> s.entries(user, from, to).forEach(e -> entries.add(new Entry(s.category(), e))));
		entries.sort(Comparator.comparing((Entry e) -> e.event().start()));
		return entries;
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}
}
