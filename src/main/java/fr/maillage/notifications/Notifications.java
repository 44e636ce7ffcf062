package fr.maillage.notifications;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.notifications.internal.MssanteRouting;
import fr.maillage.notifications.internal.NoticeMail;
import fr.maillage.notifications.internal.Outbox;
import fr.maillage.platform.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way every module notifies someone. {@link #send} writes, in the caller's transaction,
 * the in-application notifications and the outbox rows of the e-mails (and SMS) to deliver, so a
 * notification exists if and only if what caused it was committed, and none is lost if the
 * application stops before delivering it. Delivery, retries and digests happen in the background.
 */
@Service
public class Notifications {

	public record View(UUID id, String kind, String title, String body, @Nullable String link, boolean urgent, Instant createdAt,
			@Nullable Instant readAt) {
	}

	public record Page(List<View> items, long total, long unread, int page, int size) {
	}

	public record Preference(NotificationKind kind, DeliveryMode mode) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Outbox outbox;
	private final LiveUpdates live;
	private final List<NotificationKind> kinds;
	private final MssanteRouting routing;
	private final NoticeMail noticeMail;

	Notifications(JdbcClient jdbc, CptsAccess access, Outbox outbox, LiveUpdates live, List<NotificationKind.Declarations> declarations,
			MssanteRouting routing, NoticeMail noticeMail) {
		this.jdbc = jdbc;
		this.access = access;
		this.outbox = outbox;
		this.live = live;
		this.kinds = declarations.stream().flatMap(d -> d.kinds().stream()).toList();
		this.routing = routing;
		this.noticeMail = noticeMail;
	}

	public List<NotificationKind> kinds() {
		return kinds;
	}

	private DeliveryMode defaultMode(String kind) {
		return kinds.stream().filter(k -> k.code().equals(kind)).map(NotificationKind::defaultMode).findFirst().orElse(DeliveryMode.IMMEDIATE);
	}

	/** A file sent with a formal notice's e-mail (an invitation, a receipt). */
	public record File(String name, String contentType, byte[] content) {
	}

	/** Notifies users, in the caller's transaction; answers the ids of the notifications written, in order. */
	@Transactional(propagation = Propagation.REQUIRED)
	public List<UUID> send(Collection<Notice> given) {
		return send(given, false, n -> List.of());
	}

	/**
	 * Formal notices (a convocation, a receipt): in the inbox like any other, and always e-mailed
	 * at once whatever the reader's preference, with the files {@code filesOf} gives for each.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public List<UUID> sendFormal(Collection<Notice> given, java.util.function.Function<Notice, List<File>> filesOf) {
		return send(given, true, filesOf);
	}

	private List<UUID> send(Collection<Notice> given, boolean formal, java.util.function.Function<Notice, List<File>> filesOf) {
		if (given.isEmpty()) {
			return List.of();
		}
		List<Notice> notices = List.copyOf(given);
		Map<String, DeliveryMode> chosen = new HashMap<>();
		List<UUID> users = notices.stream().map(Notice::userId).distinct().toList();
		jdbc.sql("select user_id, kind, mode from notification_preference where user_id = any(:u)")
			.param("u", users.toArray(UUID[]::new))
			.query((rs, i) -> chosen.put(rs.getString(1) + "|" + rs.getString(2), DeliveryMode.valueOf(rs.getString(3)))).list();
		List<UUID> ids = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		List<Notice> byEmail = new ArrayList<>();
		List<UUID> byEmailIds = new ArrayList<>();
		for (Notice n : notices) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			rows.add(new Object[] { id, n.userId(), n.cptsId(), n.kind(), n.title(), n.body(), n.link(), n.urgent(), n.aboutPatient() });
			DeliveryMode mode = chosen.getOrDefault(n.userId() + "|" + n.kind(), defaultMode(n.kind()));
			if (mode == DeliveryMode.IMMEDIATE || n.urgent() || formal) {
				byEmail.add(n);
				byEmailIds.add(id);
			}
		}
		List<Outbox.Message> out = noticeMail.of(byEmail, byEmailIds, notices, ids, filesOf);
		jdbc.sql("""
				insert into notification (id, user_id, cpts_id, kind, title, body, link, urgent, about_patient)
				select * from unnest(:id, :u, :c, :k, :t, :b, :l, :g, :p)""")
			.param("id", rows.stream().map(r -> r[0]).toArray(UUID[]::new)).param("u", rows.stream().map(r -> r[1]).toArray(UUID[]::new))
			.param("c", rows.stream().map(r -> r[2]).toArray(UUID[]::new)).param("k", rows.stream().map(r -> r[3]).toArray(String[]::new))
			.param("t", rows.stream().map(r -> r[4]).toArray(String[]::new)).param("b", rows.stream().map(r -> r[5]).toArray(String[]::new))
			.param("l", rows.stream().map(r -> r[6]).toArray(String[]::new)).param("g", rows.stream().map(r -> r[7]).toArray(Boolean[]::new))
			.param("p", rows.stream().map(r -> r[8]).toArray(Boolean[]::new))
			.update();
		outbox.enqueue(out);
		live.publish(users, "notification");
		return ids;
	}

	/**
	 * An e-mail to someone who may have no account (an applicant, a member known only by the
	 * directory's address), queued in the caller's transaction like every other.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void emailTo(String address, String subject, String body, List<File> files) {
		emailTo(address, subject, body, files, false);
	}

	/** The same; {@code aboutPatient}, its content goes only to an MSSanté address, through MSSanté. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void emailTo(String address, String subject, String body, List<File> files, boolean aboutPatient) {
		outbox.enqueue(List.of(noticeMail.toAddress(address, subject, body, files, aboutPatient)));
	}

	public UUID send(Notice notice) {
		return send(List.of(notice)).getFirst();
	}

	/**
	 * Where each user's e-mails go: with MSSanté configured, the MSSanté address the directory
	 * knows for them; else, and for those without one, the account's.
	 */
	public Map<UUID, String> emailAddresses(Collection<UUID> userIds) {
		Map<UUID, String> out = new HashMap<>();
		routing.of(userIds).forEach((user, route) -> out.put(user, route.address()));
		return out;
	}

	// ---- the signed-in user

	/** Where the signed-in user's e-mails go, whether that is MSSanté, and whether MSSanté is configured at all. */
	public record Delivery(String address, boolean secure, boolean mssanteAvailable) {
	}

	@Transactional(readOnly = true)
	public Optional<Delivery> myDelivery() {
		CurrentUser user = access.requireUser();
		return Optional.ofNullable(routing.of(List.of(user.id())).get(user.id()))
			.map(r -> new Delivery(r.address(), r.secure(), routing.available()));
	}

	@Transactional(readOnly = true)
	public Page mine(int page, int size) {
		CurrentUser user = access.requireUser();
		int s = Math.clamp(size, 1, 100);
		int p = Math.max(0, page);
		List<View> items = jdbc.sql("""
				select id, kind, title, body, link, urgent, created_at, read_at from notification where user_id = :u
				order by created_at desc, id limit :l offset :o""").param("u", user.id()).param("l", s).param("o", (long) p * s)
			.query((rs, i) -> new View(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
					rs.getObject(8, OffsetDateTime.class) == null ? null : rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
		long total = jdbc.sql("select count(*) from notification where user_id = :u").param("u", user.id()).query(Long.class).single();
		return new Page(items, total, unreadCount(), p, s);
	}

	@Transactional(readOnly = true)
	public long unreadCount() {
		return access.current().map(u -> jdbc.sql("select count(*) from notification where user_id = :u and read_at is null")
			.param("u", u.id()).query(Long.class).single()).orElse(0L);
	}

	/** Marks one of the user's notifications read and answers its link (to follow it). */
	@Transactional
	public Optional<String> open(UUID id) {
		CurrentUser user = access.requireUser();
		var link = jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = :id and user_id = :u returning coalesce(link, '')")
			.param("id", id).param("u", user.id()).query(String.class).optional();
		if (link.isEmpty()) {
			throw new NotFoundException();
		}
		live.publish(List.of(user.id()), "notification");
		return link.filter(l -> !l.isEmpty());
	}

	@Transactional
	public int markAllRead() {
		CurrentUser user = access.requireUser();
		int n = jdbc.sql("update notification set read_at = now() where user_id = :u and read_at is null").param("u", user.id()).update();
		live.publish(List.of(user.id()), "notification");
		return n;
	}

	/** Marks read the user's notifications that point to a link (a conversation they just opened, say). */
	@Transactional
	public void markReadByLink(UUID userId, String link) {
		if (jdbc.sql("update notification set read_at = now() where user_id = :u and link = :l and read_at is null").param("u", userId)
			.param("l", link).update() > 0) {
			live.publish(List.of(userId), "notification");
		}
	}

	@Transactional(readOnly = true)
	public List<Preference> preferences() {
		CurrentUser user = access.requireUser();
		Map<String, DeliveryMode> chosen = new LinkedHashMap<>();
		jdbc.sql("select kind, mode from notification_preference where user_id = :u").param("u", user.id())
			.query((rs, i) -> chosen.put(rs.getString(1), DeliveryMode.valueOf(rs.getString(2)))).list();
		return kinds.stream().map(k -> new Preference(k, chosen.getOrDefault(k.code(), k.defaultMode()))).toList();
	}

	@Transactional
	public void choose(String kind, DeliveryMode mode) {
		CurrentUser user = access.requireUser();
		if (kinds.stream().noneMatch(k -> k.code().equals(kind))) {
			throw new NotFoundException();
		}
		jdbc.sql("""
				insert into notification_preference (user_id, kind, mode) values (:u, :k, :m)
				on conflict (user_id, kind) do update set mode = excluded.mode""").param("u", user.id()).param("k", kind).param("m", mode.name())
			.update();
	}

	/** Several choices at once, all or none (one transaction). */
	@Transactional
	public void chooseAll(java.util.Map<String, DeliveryMode> modes) {
		modes.forEach(this::choose);
	}
}
