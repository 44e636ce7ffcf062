package fr.maillage.notifications.internal;

import fr.maillage.platform.AfterCommit;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox table: messages are enqueued in the transaction that causes them, claimed by the
 * dispatchers of any node with {@code FOR UPDATE SKIP LOCKED}, and marked sent one by one right
 * after each send, so a crash can repeat at most the messages in flight at that instant (with
 * their Message-ID, fixed at enqueue time).
 */
@Component
public class Outbox {

	/** E-mail through the ordinary SMTP server, e-mail through the MSSanté operator, or SMS. */
	public enum Channel {
		EMAIL, MSSANTE, SMS
	}

	public record Message(@Nullable UUID notificationId, Channel channel, String recipient, @Nullable String subject, String body,
			List<Attachment> attachments) {
		public static Message email(@Nullable UUID notificationId, String to, String subject, String body) {
			return new Message(notificationId, Channel.EMAIL, to, subject, body, List.of());
		}

		public static Message sms(@Nullable UUID notificationId, String to, String text) {
			return new Message(notificationId, Channel.SMS, to, null, text, List.of());
		}

		public Message with(List<Attachment> files) {
			return new Message(notificationId, channel, recipient, subject, body, files);
		}
	}

	/** A file sent with an e-mail. */
	public record Attachment(String name, String contentType, byte[] content) {
	}

	public record Claimed(UUID id, Channel channel, String recipient, @Nullable String subject, String body, String messageId, int attempts) {
	}

	public record Row(UUID id, Channel channel, String recipient, @Nullable String subject, String status, int attempts,
			@Nullable String lastError, Instant createdAt, Instant nextAttemptAt) {
	}

	static final int MAX_ATTEMPTS = 8;

	private final JdbcClient jdbc;
	private final MssanteRouting routing;
	private final String domain;
	private final Semaphore signal = new Semaphore(0);

	Outbox(JdbcClient jdbc, MssanteRouting routing, @Value("${maillage.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.routing = routing;
		String host = URI.create(baseUrl).getHost();
		this.domain = host == null || host.isBlank() ? "maillage.localhost" : host;
	}

	/**
	 * Enqueues in the current transaction; the dispatchers are woken when it commits. An e-mail to
	 * an MSSanté address leaves through MSSanté when it is configured (an MSSanté mailbox takes
	 * nothing from outside its trust space).
	 */
	public void enqueue(List<Message> given) {
		if (given.isEmpty()) {
			return;
		}
		java.util.Set<String> secure = routing.secure(given.stream().filter(m -> m.channel() == Channel.EMAIL).map(Message::recipient).toList());
		List<Message> messages = given.stream()
			.map(m -> m.channel() == Channel.EMAIL && secure.contains(m.recipient().toLowerCase(java.util.Locale.ROOT))
					? new Message(m.notificationId(), Channel.MSSANTE, m.recipient(), m.subject(), m.body(), m.attachments()) : m)
			.toList();
		UUID[] ids = new UUID[messages.size()];
		String[] messageIds = new String[messages.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = UUID.randomUUID();
			messageIds[i] = "<" + ids[i] + "@" + domain + ">";
		}
		jdbc.sql("""
				insert into outbox_message (id, notification_id, channel, recipient, subject, body, message_id)
				select * from unnest(:id, :n, :c, :r, :s, :b, :m)""")
			.param("id", ids).param("n", messages.stream().map(Message::notificationId).toArray(UUID[]::new))
			.param("c", messages.stream().map(m -> m.channel().name()).toArray(String[]::new))
			.param("r", messages.stream().map(Message::recipient).toArray(String[]::new))
			.param("s", messages.stream().map(Message::subject).toArray(String[]::new))
			.param("b", messages.stream().map(Message::body).toArray(String[]::new)).param("m", messageIds).update();
		for (int i = 0; i < ids.length; i++) {
			List<Attachment> files = messages.get(i).attachments();
			for (int k = 0; k < files.size(); k++) {
				jdbc.sql("insert into outbox_attachment (id, message_id, position, name, content_type, content) values (:id, :m, :p, :n, :t, :c)")
					.param("id", UUID.randomUUID()).param("m", ids[i]).param("p", k).param("n", files.get(k).name())
					.param("t", files.get(k).contentType()).param("c", files.get(k).content()).update();
			}
		}
		AfterCommit.run(this::wake);
	}

	void wake() {
		signal.release(64);
	}

	boolean awaitWork(Duration timeout) throws InterruptedException {
		boolean woken = signal.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		signal.drainPermits();
		return woken;
	}

	/** Claims up to {@code n} due messages for a node: pending ones, and those whose earlier claim expired (a crashed node). */
	List<Claimed> claim(int n, String node, Duration lease, java.util.Set<Channel> channels) {
		if (channels.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				update outbox_message set status = 'SENDING', claimed_by = :node, claimed_until = now() + make_interval(secs => :lease),
				  attempts = attempts + 1
				where id in (select id from outbox_message
				  where (status = 'PENDING' or (status = 'SENDING' and claimed_until < now())) and next_attempt_at <= now() and channel = any(:channels)
				  order by next_attempt_at, created_at limit :n for update skip locked)
				returning id, channel, recipient, subject, body, message_id, attempts""")
			.param("node", node).param("lease", (double) lease.toSeconds()).param("n", n)
			.param("channels", channels.stream().map(Enum::name).toArray(String[]::new))
			.query((rs, i) -> new Claimed(rs.getObject(1, UUID.class), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7)))
			.list();
	}

	/** The files of a message, in order (read when it is sent: they never travel with the claim). */
	List<Attachment> attachmentsOf(UUID messageId) {
		return jdbc.sql("select name, content_type, content from outbox_attachment where message_id = :m order by position").param("m", messageId)
			.query((rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
	}

	/** At start, a node takes back what it had claimed before it stopped (it cannot be sending it any more). */
	int releaseClaimsOf(String node) {
		return jdbc.sql("update outbox_message set status = 'PENDING', claimed_by = null, claimed_until = null where status = 'SENDING' and claimed_by = :n")
			.param("n", node).update();
	}

	void markSent(UUID id) {
		jdbc.sql("update outbox_message set status = 'SENT', sent_at = now(), claimed_until = null, last_error = null where id = :id")
			.param("id", id).update();
	}

	/** A failed attempt: retried with exponential backoff (30 s, 1 min, 2 min… at most 1 h), failed for good after eight. */
	void markFailed(Claimed c, String error) {
		boolean last = c.attempts() >= MAX_ATTEMPTS;
		long delay = Math.min(3600, 30L << Math.min(c.attempts() - 1, 7));
		jdbc.sql("""
				update outbox_message set status = :s, claimed_until = null, last_error = :e,
				  next_attempt_at = now() + make_interval(secs => :d) where id = :id""")
			.param("s", last ? "FAILED" : "PENDING").param("e", error.length() > 500 ? error.substring(0, 500) : error).param("d", (double) delay)
			.param("id", c.id()).update();
	}

	/** Messages that failed for good, or are waiting for a retry after an error: what an administrator looks at. */
	public List<Row> troubled(int limit) {
		return jdbc.sql("""
				select id, channel, recipient, subject, status, attempts, last_error, created_at, next_attempt_at from outbox_message
				where status = 'FAILED' or (status = 'PENDING' and last_error is not null) order by created_at desc limit :l""")
			.param("l", limit)
			.query((rs, i) -> new Row(rs.getObject(1, UUID.class), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
					rs.getObject(9, OffsetDateTime.class).toInstant()))
			.list();
	}

	public record Counts(long pending, long sent, long failed) {
	}

	public Counts counts() {
		return jdbc.sql("""
				select count(*) filter (where status in ('PENDING', 'SENDING')), count(*) filter (where status = 'SENT'),
				  count(*) filter (where status = 'FAILED') from outbox_message""")
			.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	/** Sends a failed message again, from now. */
	public boolean retry(UUID id) {
		boolean done = jdbc.sql("""
				update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null
				where id = :id and status in ('FAILED', 'PENDING')""").param("id", id).update() == 1;
		wake();
		return done;
	}
}
