package fr.maillage.messaging;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.notifications.LiveUpdates;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.FileCheck;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.Upload;
import fr.maillage.platform.UploadLimits;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.Secrets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations between the people of a CPTS. Only participants see a conversation — by page,
 * API, search or attachment link; for a contributed kind the {@link ParticipantSource} is asked at
 * every access. Every read of a conversation and every message is audited.
 */
@Service
public class Conversations {

	public static final String KIND_MESSAGE = "messaging.message";
	public static final String KIND_ADVICE = "messaging.advice";
	public static final int MAX_BODY = 10_000;
	public static final int MAX_ATTACHMENTS = 3;

	public record Summary(UUID id, String kind, String title, long unread, @Nullable Instant lastMessageAt, @Nullable String lastLine) {
	}

	public record Attachment(UUID id, String name, String contentType, long size, String token) {
	}

	/** Who read a message: for an urgent one with the moment; for the others, only that they have ({@code at} null). */
	public record ReadBy(String name, @Nullable Instant at) {
	}

	public record MessageView(UUID id, UUID authorId, String authorName, String body, boolean urgent, Instant createdAt, boolean mine,
			List<Attachment> attachments, List<ReadBy> readBy) {
	}

	public record Participant(UUID userId, String name) {
	}

	public record Thread(UUID id, String kind, String title, List<Participant> participants, List<MessageView> messages, boolean canLeave) {
	}

	public record Download(String name, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Notifications notifications;
	private final LiveUpdates live;
	private final List<ParticipantSource> sources;
	private final FileCheck check;
	private final Messages messages;

	Conversations(JdbcClient jdbc, CptsAccess access, Accounts accounts, AuditLog audit, Notifications notifications, LiveUpdates live,
			List<ParticipantSource> sources, FileCheck check, Messages messages) {
		this.jdbc = jdbc;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.notifications = notifications;
		this.live = live;
		this.sources = sources;
		this.check = check;
		this.messages = messages;
	}

	private record Row(UUID id, @Nullable UUID cptsId, String kind, @Nullable String sourceRef, @Nullable String title) {
	}

	private Optional<Row> row(UUID id) {
		return jdbc.sql("select id, cpts_id, kind, source_ref, title from conversation where id = :id").param("id", id)
			.query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5)))
			.optional();
	}

	/** The people taking part today: the participants table, or the source of a contributed kind. */
	private Set<UUID> participants(Row c) {
		if (c.kind().equals("DIRECT") || c.kind().equals("GROUP")) {
			return new LinkedHashSet<>(jdbc.sql("select user_id from conversation_participant where conversation_id = :c and left_at is null order by joined_at")
				.param("c", c.id()).query(UUID.class).list());
		}
		return sources.stream().filter(s -> s.kind().equals(c.kind())).findFirst().map(s -> s.participants(String.valueOf(c.sourceRef())))
			.orElse(Set.of());
	}

	/** The conversation, if the signed-in user takes part in it; otherwise it does not exist for them. */
	private Row require(UUID id, CurrentUser user) {
		Row c = row(id).orElseThrow(NotFoundException::new);
		if (!participants(c).contains(user.id())) {
			throw new NotFoundException();
		}
		return c;
	}

	/** The people the signed-in user may write to: those of the CPTS they belong to. */
	private Map<String, Accounts.UserView> reachable(CurrentUser user) {
		Map<String, Accounts.UserView> byEmail = new LinkedHashMap<>();
		for (UUID cpts : user.roles().keySet()) {
			accounts.usersOf(cpts).forEach(u -> byEmail.putIfAbsent(u.email().toLowerCase(Locale.ROOT), u));
		}
		return byEmail;
	}

	/** Opens (or finds again) the direct conversation with a person of one's CPTS, by e-mail. */
	@Transactional
	public UUID startDirect(String email) {
		CurrentUser user = access.requireUser();
		Accounts.UserView other = reachable(user).get(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
		if (other == null || other.id().equals(user.id())) {
			throw Problems.rejected("email", "messaging.start.unknown", email == null ? "" : email.strip());
		}
		Optional<UUID> existing = jdbc.sql("""
				select c.id from conversation c
				join conversation_participant a on a.conversation_id = c.id and a.user_id = :me and a.left_at is null
				join conversation_participant b on b.conversation_id = c.id and b.user_id = :other and b.left_at is null
				where c.kind = 'DIRECT' limit 1""").param("me", user.id()).param("other", other.id()).query(UUID.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		return create("DIRECT", null, List.of(user.id(), other.id()), user);
	}

	/** A group conversation (a working group, a mission team) with people of one's CPTS. */
	@Transactional
	public UUID startGroup(@Nullable String title, List<String> emails) {
		CurrentUser user = access.requireUser();
		Problems problems = new Problems();
		String t = title == null ? "" : title.strip();
		if (t.isEmpty()) {
			problems.reject("title", "messaging.group.title.required");
		}
		Map<String, Accounts.UserView> reachable = reachable(user);
		List<UUID> members = new ArrayList<>(List.of(user.id()));
		List<String> unknown = new ArrayList<>();
		for (String e : emails) {
			if (e == null || e.isBlank()) {
				continue;
			}
			Accounts.UserView u = reachable.get(e.strip().toLowerCase(Locale.ROOT));
			if (u == null) {
				unknown.add(e.strip());
			}
			else if (!members.contains(u.id())) {
				members.add(u.id());
			}
		}
		if (!unknown.isEmpty()) {
			problems.reject("emails", "messaging.start.unknown", String.join(", ", unknown));
		}
		else if (members.size() < 2) {
			problems.reject("emails", "messaging.group.nobody");
		}
		problems.throwIfAny();
		return create("GROUP", t, members, user);
	}

	/** A conversation of a contributed kind (its participants come from the source), found again by its reference. */
	@Transactional
	public UUID forSource(String kind, String ref, @Nullable UUID cptsId, String title) {
		CurrentUser user = access.requireUser();
		ParticipantSource source = sources.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow(NotFoundException::new);
		if (!source.participants(ref).contains(user.id())) {
			throw new NotFoundException();
		}
		return jdbc.sql("select id from conversation where kind = :k and source_ref = :r").param("k", kind).param("r", ref).query(UUID.class)
			.optional().orElseGet(() -> {
				UUID id = UUID.randomUUID();
				jdbc.sql("insert into conversation (id, cpts_id, kind, source_ref, title, created_by) values (:id, :c, :k, :r, :t, :u)")
					.param("id", id).param("c", cptsId).param("k", kind).param("r", ref).param("t", title).param("u", user.id()).update();
				audit.change("messaging.conversation.created", "conversation", id.toString(), cptsId, kind);
				return id;
			});
	}

	/**
	 * Removes every message and attachment of a contributed conversation (a patient's erasure):
	 * the conversation stays, empty, so that its participants see it was emptied. Audited.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseSource(String kind, String ref) {
		List<Row> found = jdbc.sql("select id, cpts_id, kind, source_ref, title from conversation where kind = :k and source_ref = :r")
			.param("k", kind).param("r", ref)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
		int erased = 0;
		for (Row c : found) {
			jdbc.sql("delete from attachment where message_id in (select id from message where conversation_id = :c)").param("c", c.id()).update();
			jdbc.sql("delete from message_read where message_id in (select id from message where conversation_id = :c)").param("c", c.id()).update();
			int deleted = jdbc.sql("delete from message where conversation_id = :c").param("c", c.id()).update();
			jdbc.sql("update conversation set last_message_at = null where id = :c").param("c", c.id()).update();
			audit.change("messaging.conversation.erased", "conversation", c.id().toString(), c.cptsId(), deleted + " messages");
			erased += deleted;
		}
		return erased;
	}

	private UUID create(String kind, @Nullable String title, List<UUID> members, CurrentUser user) {
		UUID id = UUID.randomUUID();
		UUID cpts = user.roles().keySet().stream().sorted().findFirst().orElse(null);
		jdbc.sql("insert into conversation (id, cpts_id, kind, title, created_by) values (:id, :c, :k, :t, :u)").param("id", id).param("c", cpts)
			.param("k", kind).param("t", title).param("u", user.id()).update();
		jdbc.sql("insert into conversation_participant (conversation_id, user_id) select :c, unnest(:u)").param("c", id)
			.param("u", members.toArray(UUID[]::new)).update();
		audit.change("messaging.conversation.created", "conversation", id.toString(), cpts, kind + " " + members.size() + " participants");
		return id;
	}

	/** One's conversations, most recent first, with unread counts; {@code q} searches titles and messages (accents and case ignored). */
	@Transactional(readOnly = true)
	public List<Summary> mine(@Nullable String q) {
		CurrentUser user = access.requireUser();
		List<UUID> ids = conversationsOf(user.id());
		if (ids.isEmpty()) {
			return List.of();
		}
		String search = q == null || q.isBlank() ? null : "%" + FrenchText.normalize(q).toLowerCase(Locale.ROOT) + "%";
		List<Summary> list = jdbc.sql("""
				select c.id, c.kind, c.title, c.last_message_at,
				  (select count(*) from message m where m.conversation_id = c.id and m.author_id <> :u
				     and m.created_at > coalesce((select p.last_read_at from conversation_participant p where p.conversation_id = c.id and p.user_id = :u), '-infinity')),
				  (select m.body from message m where m.conversation_id = c.id order by m.created_at desc limit 1)
				from conversation c where c.id = any(:ids)
				  and (cast(:q as text) is null or lower(unaccent(coalesce(c.title, ''))) like :q
				       or exists (select 1 from message m where m.conversation_id = c.id and lower(unaccent(m.body)) like :q))
				order by coalesce(c.last_message_at, c.created_at) desc""")
			.param("u", user.id()).param("ids", ids.toArray(UUID[]::new)).param("q", search)
			.query((rs, i) -> new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getLong(5), instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(6))).list();
		return list.stream().map(s -> new Summary(s.id(), s.kind(), title(s.id(), s.kind(), s.title(), user), s.unread(), s.lastMessageAt(),
				s.lastLine() == null ? null : s.lastLine().length() > 120 ? s.lastLine().substring(0, 120) + "…" : s.lastLine())).toList();
	}

	private boolean aboutPatients(String kind) {
		return sources.stream().anyMatch(s -> s.kind().equals(kind) && s.aboutPatients());
	}

	/** The conversations a person takes part in: as a participant, or through a source (a care circle…). */
	List<UUID> conversationsOf(UUID userId) {
		List<UUID> ids = new ArrayList<>(jdbc.sql("select conversation_id from conversation_participant where user_id = :u and left_at is null")
			.param("u", userId).query(UUID.class).list());
		for (ParticipantSource s : sources) {
			jdbc.sql("select id, source_ref from conversation where kind = :k").param("k", s.kind())
				.query((rs, i) -> s.participants(rs.getString(2)).contains(userId) ? ids.add(rs.getObject(1, UUID.class)) : false).list();
		}
		return ids;
	}

	/** Total unread messages, for a counter. */
	@Transactional(readOnly = true)
	public long unread() {
		return mine(null).stream().mapToLong(Summary::unread).sum();
	}

	private String title(UUID id, String kind, @Nullable String title, CurrentUser user) {
		if (!kind.equals("DIRECT")) {
			return title == null ? "" : title;
		}
		List<UUID> others = jdbc.sql("select user_id from conversation_participant where conversation_id = :c and user_id <> :u")
			.param("c", id).param("u", user.id()).query(UUID.class).list();
		Map<UUID, String> names = accounts.displayNames(others);
		return others.stream().map(o -> names.getOrDefault(o, "?")).reduce((a, b) -> a + ", " + b).orElse("");
	}

	/** Opens a conversation: its last 200 messages; everything in it is now read by the user (receipts for urgent ones). */
	@Transactional
	public Thread open(UUID id) {
		CurrentUser user = access.requireUser();
		Row c = require(id, user);
		audit.read("messaging.conversation.read", "conversation", id.toString(), c.cptsId(), null);
		int receipts = jdbc.sql("""
				insert into message_read (message_id, user_id)
				select m.id, :u from message m where m.conversation_id = :c and m.urgent and m.author_id <> :u on conflict do nothing""")
			.param("u", user.id()).param("c", id).update();
		jdbc.sql("""
				insert into conversation_participant (conversation_id, user_id, joined_at, last_read_at) values (:c, :u, now(), now())
				on conflict (conversation_id, user_id) do update set last_read_at = now()""").param("c", id).param("u", user.id()).update();
		notifications.markReadByLink(user.id(), "/messages/" + id);
		if (receipts > 0) {
			live.publish(participants(c), "conversation-" + id);
		}
		Set<UUID> people = participants(c);
		Map<UUID, String> names = namesIn(id, people);
		return new Thread(id, c.kind(), title(id, c.kind(), c.title(), user),
				people.stream().map(p -> new Participant(p, names.getOrDefault(p, "?"))).toList(), messagesOf(id, user, names), c.kind().equals("GROUP"));
	}

	/** The names of everyone who appears in a conversation (participants, authors, readers), in one call. */
	private Map<UUID, String> namesIn(UUID id, Set<UUID> participants) {
		Set<UUID> people = new LinkedHashSet<>(participants);
		people.addAll(jdbc.sql("""
				select user_id from conversation_participant where conversation_id = :c
				union select author_id from message where conversation_id = :c
				union select r.user_id from message_read r join message m on m.id = r.message_id where m.conversation_id = :c""")
			.param("c", id).query(UUID.class).list());
		return accounts.displayNames(people);
	}

	private List<MessageView> messagesOf(UUID id, CurrentUser user, Map<UUID, String> names) {
		Map<UUID, List<Attachment>> attachments = new HashMap<>();
		jdbc.sql("""
				select a.message_id, a.id, a.name, a.content_type, a.size, a.token from attachment a join message m on m.id = a.message_id
				where m.conversation_id = :c order by a.name""").param("c", id)
			.query((rs, i) -> attachments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new Attachment(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6))))
			.list();
		Map<UUID, List<ReadBy>> reads = new HashMap<>();
		jdbc.sql("select r.message_id, r.user_id, r.read_at from message_read r join message m on m.id = r.message_id where m.conversation_id = :c order by r.read_at")
			.param("c", id)
			.query((rs, i) -> reads.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new ReadBy(names.getOrDefault(rs.getObject(2, UUID.class), "?"), rs.getObject(3, OffsetDateTime.class).toInstant())))
			.list();
		// how far each other participant has read: receipts for one's own ordinary messages
		Map<UUID, Instant> readUpTo = new HashMap<>();
		jdbc.sql("select user_id, last_read_at from conversation_participant where conversation_id = :c and user_id <> :u and last_read_at is not null")
			.param("c", id).param("u", user.id())
			.query((rs, i) -> readUpTo.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
		List<MessageView> list = jdbc.sql("""
				select * from (select id, author_id, body, urgent, created_at from message where conversation_id = :c order by created_at desc limit 200) x
				order by created_at""").param("c", id)
			.query((rs, i) -> {
				UUID mid = rs.getObject(1, UUID.class);
				UUID author = rs.getObject(2, UUID.class);
				boolean urgentMessage = rs.getBoolean(4);
				Instant created = rs.getObject(5, OffsetDateTime.class).toInstant();
				List<ReadBy> readBy = urgentMessage ? reads.getOrDefault(mid, List.of())
						: !author.equals(user.id()) ? List.of()
								: readUpTo.entrySet().stream().filter(e -> !e.getValue().isBefore(created))
									.map(e -> new ReadBy(names.getOrDefault(e.getKey(), "?"), null)).toList();
				return new MessageView(mid, author, names.getOrDefault(author, "?"), rs.getString(3), urgentMessage, created, author.equals(user.id()),
						attachments.getOrDefault(mid, List.of()), readBy);
			}).list();
		return list;
	}

	/** Posts a message (text and up to three attachments); urgent ones are requests for advice: notified at once, read receipts shown. */
	@Transactional
	public UUID post(UUID id, @Nullable String body, boolean urgent, List<Upload> uploads) {
		CurrentUser user = access.requireUser();
		Row c = require(id, user);
		Problems problems = new Problems();
		String text = body == null ? "" : body.strip();
		List<Upload> files = uploads.stream().filter(u -> u.content().length > 0).toList();
		if (text.isEmpty() && files.isEmpty()) {
			problems.reject("body", "messaging.body.required");
		}
		else if (text.length() > MAX_BODY) {
			problems.reject("body", "messaging.body.tooLong", MAX_BODY, text.length());
		}
		if (files.size() > MAX_ATTACHMENTS) {
			problems.reject("files", "messaging.attachment.tooMany", MAX_ATTACHMENTS);
		}
		List<FileCheck.Checked> checked = new ArrayList<>();
		for (Upload u : files) {
			if (u.content().length > UploadLimits.ATTACHMENT_BYTES) {
				problems.reject("files", "messaging.attachment.tooLarge", u.name(), UploadLimits.megabytes(UploadLimits.ATTACHMENT_BYTES));
				continue;
			}
			FileCheck.Checked k = check.check(u.name(), u.content());
			if (k == null) {
				problems.reject("files", "messaging.attachment.type", u.name());
			}
			else {
				checked.add(k);
			}
		}
		problems.throwIfAny();
		UUID messageId = UUID.randomUUID();
		jdbc.sql("insert into message (id, conversation_id, author_id, body, urgent) values (:id, :c, :a, :b, :u)").param("id", messageId)
			.param("c", id).param("a", user.id()).param("b", text).param("u", urgent).update();
		for (int i = 0; i < checked.size(); i++) {
			FileCheck.Checked k = checked.get(i);
			jdbc.sql("insert into attachment (id, message_id, name, content_type, size, content, token) values (:id, :m, :n, :t, :s, :c, :k)")
				.param("id", UUID.randomUUID()).param("m", messageId).param("n", k.name()).param("t", k.contentType())
				.param("s", (long) files.get(i).content().length).param("c", files.get(i).content()).param("k", Secrets.newToken().substring(4))
				.update();
		}
		jdbc.sql("update conversation set last_message_at = now() where id = :c").param("c", id).update();
		jdbc.sql("update conversation_participant set last_read_at = now() where conversation_id = :c and user_id = :u").param("c", id)
			.param("u", user.id()).update();
		audit.change("messaging.message.posted", "conversation", id.toString(), c.cptsId(), urgent ? "demande d'avis" : null);
		Set<UUID> others = new LinkedHashSet<>(participants(c));
		others.remove(user.id());
		String conversationTitle = title(id, c.kind(), c.title(), user);
		notifications.send(others.stream().map(o -> new Notice(o, c.cptsId(), urgent ? KIND_ADVICE : KIND_MESSAGE,
				messages.get(urgent ? "messaging.notice.advice" : "messaging.notice.message", user.displayName()),
				messages.get("messaging.notice.body", c.kind().equals("DIRECT") ? user.displayName() : conversationTitle), "/messages/" + id, urgent)
				.concerningAPatient(aboutPatients(c.kind())))
			.toList());
		Set<UUID> everyone = new LinkedHashSet<>(others);
		everyone.add(user.id());
		live.publish(everyone, "conversation-" + id);
		return messageId;
	}

	/** Leaves a group conversation: no more access to it, nor any answer in it. */
	@Transactional
	public void leave(UUID id) {
		CurrentUser user = access.requireUser();
		Row c = require(id, user);
		if (!c.kind().equals("GROUP")) {
			throw Problems.rejected("conversation", "messaging.leave.onlyGroups");
		}
		jdbc.sql("update conversation_participant set left_at = now() where conversation_id = :c and user_id = :u").param("c", id)
			.param("u", user.id()).update();
		audit.change("messaging.conversation.left", "conversation", id.toString(), c.cptsId(), null);
		live.publish(participants(c), "conversation-" + id);
	}

	/** An attachment, for a participant holding its link (the token cannot be guessed). */
	@Transactional
	public Download download(UUID attachmentId, String token) {
		CurrentUser user = access.requireUser();
		var found = jdbc.sql("""
				select m.conversation_id, a.name, a.content_type, a.content, a.token from attachment a join message m on m.id = a.message_id
				where a.id = :id""").param("id", attachmentId)
			.query((rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getString(5) })
			.optional().orElseThrow(NotFoundException::new);
		if (!java.security.MessageDigest.isEqual(((String) found[4]).getBytes(), token.getBytes())) {
			throw new NotFoundException();
		}
		Row c = require((UUID) found[0], user);
		audit.read("messaging.attachment.read", "conversation", c.id().toString(), c.cptsId(), attachmentId.toString());
		return new Download((String) found[1], (String) found[2], (byte[]) found[3]);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}
}
