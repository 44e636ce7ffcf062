package fr.maillage.notifications;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.notifications.internal.Outbox;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Secrets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcements: a coordinator writes to an {@link Audience}, may ask for an acknowledgement
 * ("lu") and an availability answer, and follows on a live dashboard who read and who answered,
 * reminding the others. The base of crisis alerts.
 */
@Service
public class Announcements {

	public static final String KIND = "notifications.announcement";
	public static final int MAX_BODY = 20_000;
	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	public enum Availability {
		AVAILABLE, UNAVAILABLE, AVAILABLE_FROM
	}

	/** What a coordinator types; absent flags are "no" (an unticked box sends nothing). */
	public record Draft(@Nullable String title, @Nullable String body, @Nullable String audience, @Nullable String audienceParam,
			@Nullable Boolean askAck, @Nullable Boolean askAvailability, @Nullable Boolean urgent) {
		public static Draft empty() {
			return new Draft("", "", "members", "", true, false, false);
		}

		boolean ack() {
			return Boolean.TRUE.equals(askAck);
		}

		boolean availability() {
			return Boolean.TRUE.equals(askAvailability);
		}

		boolean isUrgent() {
			return Boolean.TRUE.equals(urgent);
		}
	}

	public record Announcement(UUID id, UUID cptsId, String title, String body, String audienceLabel, boolean askAck, boolean askAvailability,
			boolean urgent, Instant createdAt) {
	}

	public record Counts(long recipients, long read, long acknowledged, long available, long unavailable, long availableFrom) {
	}

	public record Summary(Announcement announcement, Counts counts) {
	}

	public record RecipientView(UUID id, String label, boolean byEmailOnly, @Nullable Instant readAt, @Nullable Instant acknowledgedAt,
			@Nullable Availability availability, @Nullable Instant availableFrom, @Nullable Instant remindedAt) {
	}

	public record Dashboard(Announcement announcement, Counts counts, List<RecipientView> recipients) {
	}

	/** What a recipient sees: the announcement and their own answers. */
	public record Received(Announcement announcement, @Nullable Instant acknowledgedAt, @Nullable Availability availability,
			@Nullable Instant availableFrom) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Notifications notifications;
	private final Outbox outbox;
	private final LiveUpdates live;
	private final List<Audience> audiences;
	private final Mail mail;
	private final Messages messages;

	Announcements(JdbcClient jdbc, CptsAccess access, Accounts accounts, AuditLog audit, Notifications notifications, Outbox outbox,
			LiveUpdates live, List<Audience> audiences, Mail mail, Messages messages) {
		this.jdbc = jdbc;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.notifications = notifications;
		this.outbox = outbox;
		this.live = live;
		this.audiences = audiences;
		this.mail = mail;
		this.messages = messages;
	}

	public List<Audience> audiences() {
		return audiences;
	}

	/** Sends an announcement; answers its id. Refused (with the reasons) when the draft is incomplete or reaches nobody. */
	@Transactional
	public UUID publish(UUID cptsId, Draft draft) {
		CurrentUser author = access.requireCoordinator(cptsId);
		Problems problems = new Problems();
		String title = draft.title() == null ? "" : draft.title().strip();
		String body = draft.body() == null ? "" : draft.body().strip();
		if (title.isEmpty()) {
			problems.reject("title", "announcement.title.required");
		}
		else if (title.length() > 200) {
			problems.reject("title", "announcement.title.tooLong", 200);
		}
		if (body.isEmpty()) {
			problems.reject("body", "announcement.body.required");
		}
		else if (body.length() > MAX_BODY) {
			problems.reject("body", "announcement.body.tooLong", MAX_BODY);
		}
		Audience audience = audiences.stream().filter(a -> a.code().equals(draft.audience())).findFirst().orElse(null);
		String param = draft.audienceParam() == null || draft.audienceParam().isBlank() ? null : draft.audienceParam().strip();
		List<Audience.Recipient> recipients = List.of();
		if (audience == null) {
			problems.reject("audience", "announcement.audience.unknown");
		}
		else {
			recipients = audience.resolve(cptsId, param);
			if (recipients.isEmpty()) {
				problems.reject("audience", "announcement.audience.empty");
			}
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		String label = audience.describe(cptsId, param);
		jdbc.sql("""
				insert into announcement (id, cpts_id, author_id, title, body, audience, audience_param, audience_label, ask_ack, ask_availability, urgent)
				values (:id, :c, :a, :t, :b, :aud, :p, :l, :ack, :av, :u)""")
			.param("id", id).param("c", cptsId).param("a", author.id()).param("t", title).param("b", body).param("aud", audience.code())
			.param("p", param).param("l", label).param("ack", draft.ack()).param("av", draft.availability()).param("u", draft.isUrgent())
			.update();
		Set<UUID> seenUsers = new HashSet<>();
		Set<String> seenEmails = new HashSet<>();
		List<UUID> rid = new ArrayList<>();
		List<UUID> ruser = new ArrayList<>();
		List<String> remail = new ArrayList<>();
		List<String> rlabel = new ArrayList<>();
		List<byte[]> rtoken = new ArrayList<>();
		List<Notice> notices = new ArrayList<>();
		List<Outbox.Message> emails = new ArrayList<>();
		String link = "/annonces/" + id;
		String preview = body.length() > 280 ? body.substring(0, 280) + "…" : body;
		for (Audience.Recipient r : recipients) {
			if (r.userId() != null ? !seenUsers.add(r.userId()) : r.email() == null || !seenEmails.add(r.email().toLowerCase())) {
				continue;
			}
			rid.add(UUID.randomUUID());
			ruser.add(r.userId());
			remail.add(r.userId() == null ? r.email() : null);
			rlabel.add(r.label());
			if (r.userId() != null) {
				rtoken.add(null);
				notices.add(new Notice(r.userId(), cptsId, KIND, title, preview, link, draft.isUrgent()));
			}
			else {
				String secret = Secrets.newToken();
				rtoken.add(Secrets.sha256(secret));
				emails.add(Outbox.Message.email(null, r.email(), (draft.isUrgent() ? messages.get("notifications.mail.urgentPrefix") + " " : "")
						+ messages.get("notifications.mail.subject", title),
						messages.get(draft.ack() || draft.availability() ? "announcement.mail.bodyWithLink" : "announcement.mail.body", title, body,
								mail.url("/annonces/accuse/" + secret))));
			}
		}
		jdbc.sql("""
				insert into announcement_recipient (id, announcement_id, user_id, email, label, token_hash)
				select r.id, :a, r.u, r.e, r.l, r.t from unnest(:id, :u, :e, :l, :t) as r(id, u, e, l, t)""")
			.param("a", id).param("id", rid.toArray(UUID[]::new)).param("u", ruser.toArray(UUID[]::new)).param("e", remail.toArray(String[]::new))
			.param("l", rlabel.toArray(String[]::new)).param("t", rtoken.toArray(byte[][]::new)).update();
		notifications.send(notices);
		outbox.enqueue(emails);
		audit.change("announcement.published", "announcement", id.toString(), cptsId, rid.size() + " destinataires : " + label);
		return id;
	}

	private Optional<Announcement> find(UUID id) {
		return jdbc.sql("""
				select id, cpts_id, title, body, audience_label, ask_ack, ask_availability, urgent, created_at, audience, audience_param
				from announcement where id = :id""")
			.param("id", id)
			.query((rs, i) -> new Announcement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					audienceLabel(rs.getObject(2, UUID.class), rs.getString(10), rs.getString(11), rs.getString(5)), rs.getBoolean(6), rs.getBoolean(7),
					rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The audience named in the reader's language, now; as it was written when its module no longer offers it. */
	private String audienceLabel(UUID cptsId, String code, @Nullable String param, String written) {
		return audiences.stream().filter(a -> a.code().equals(code)).findFirst().map(a -> a.describe(cptsId, param)).orElse(written);
	}

	/** A recipient opens an announcement: recorded as read. Anyone else is told it does not exist. */
	@Transactional
	public Received open(UUID id) {
		CurrentUser user = access.requireUser();
		Announcement a = find(id).orElseThrow(NotFoundException::new);
		var mine = jdbc.sql("""
				update announcement_recipient set read_at = coalesce(read_at, now()) where announcement_id = :a and user_id = :u
				returning acknowledged_at, availability, available_from""").param("a", id).param("u", user.id())
			.query((rs, i) -> new Received(a, instant(rs.getObject(1, OffsetDateTime.class)),
					rs.getString(2) == null ? null : Availability.valueOf(rs.getString(2)), instant(rs.getObject(3, OffsetDateTime.class))))
			.optional().orElseThrow(NotFoundException::new);
		notifications.markReadByLink(user.id(), "/annonces/" + id);
		tellCoordinators(a);
		return mine;
	}

	@Transactional
	public void acknowledge(UUID id) {
		CurrentUser user = access.requireUser();
		Announcement a = find(id).orElseThrow(NotFoundException::new);
		if (jdbc.sql("""
				update announcement_recipient set read_at = coalesce(read_at, now()), acknowledged_at = coalesce(acknowledged_at, now())
				where announcement_id = :a and user_id = :u""").param("a", id).param("u", user.id()).update() == 0) {
			throw new NotFoundException();
		}
		tellCoordinators(a);
	}

	/** A recipient's availability; "available from" needs a date and time (Paris), which is kept as typed when refused. */
	@Transactional
	public void answer(UUID id, @Nullable Availability availability, @Nullable LocalDateTime from) {
		CurrentUser user = access.requireUser();
		Announcement a = find(id).orElseThrow(NotFoundException::new);
		if (availability == null) {
			throw Problems.rejected("availability", "announcement.availability.required");
		}
		if (availability == Availability.AVAILABLE_FROM && from == null) {
			throw Problems.rejected("availableFrom", "announcement.availability.fromRequired");
		}
		if (jdbc.sql("""
				update announcement_recipient set read_at = coalesce(read_at, now()), acknowledged_at = coalesce(acknowledged_at, now()),
				  availability = :v, available_from = :f, answered_at = now() where announcement_id = :a and user_id = :u""")
			.param("v", availability.name()).param("f", availability == Availability.AVAILABLE_FROM ? from.atZone(PARIS).toOffsetDateTime() : null)
			.param("a", id).param("u", user.id()).update() == 0) {
			throw new NotFoundException();
		}
		tellCoordinators(a);
	}

	/** Acknowledgement through the link e-mailed to a recipient without an account. */
	@Transactional
	public Optional<Announcement> acknowledgeByToken(String secret) {
		var announcement = jdbc.sql("""
				update announcement_recipient set read_at = coalesce(read_at, now()), acknowledged_at = coalesce(acknowledged_at, now())
				where token_hash = :h returning announcement_id""").param("h", Secrets.sha256(secret)).query(UUID.class).optional()
			.flatMap(this::find);
		announcement.ifPresent(this::tellCoordinators);
		return announcement;
	}

	private void tellCoordinators(Announcement a) {
		live.publish(accounts.holdersOf(a.cptsId(), Role.COORDINATOR), "announcement");
	}

	@Transactional(readOnly = true)
	public Dashboard dashboard(UUID id) {
		Announcement a = find(id).orElseThrow(NotFoundException::new);
		access.requireCoordinator(a.cptsId());
		List<RecipientView> recipients = jdbc.sql("""
				select id, label, user_id is null, read_at, acknowledged_at, availability, available_from, reminded_at from announcement_recipient
				where announcement_id = :a order by (acknowledged_at is null) desc, label""").param("a", id)
			.query((rs, i) -> new RecipientView(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
					instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
					rs.getString(6) == null ? null : Availability.valueOf(rs.getString(6)), instant(rs.getObject(7, OffsetDateTime.class)),
					instant(rs.getObject(8, OffsetDateTime.class))))
			.list();
		audit.read("announcement.dashboard.read", "announcement", id.toString(), a.cptsId(), null);
		return new Dashboard(a, counts(id), recipients);
	}

	private Counts counts(UUID id) {
		return jdbc.sql("""
				select count(*), count(read_at), count(acknowledged_at), count(*) filter (where availability = 'AVAILABLE'),
				  count(*) filter (where availability = 'UNAVAILABLE'), count(*) filter (where availability = 'AVAILABLE_FROM')
				from announcement_recipient where announcement_id = :a""").param("a", id)
			.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))).single();
	}

	@Transactional(readOnly = true)
	public List<Summary> of(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return jdbc.sql("select id from announcement where cpts_id = :c order by created_at desc limit 200").param("c", cptsId).query(UUID.class)
			.list().stream().map(id -> new Summary(find(id).orElseThrow(), counts(id))).toList();
	}

	/** Reminds the recipients with an account who have not acknowledged (or not read, when no acknowledgement was asked). */
	@Transactional
	public int remind(UUID id) {
		Announcement a = find(id).orElseThrow(NotFoundException::new);
		access.requireCoordinator(a.cptsId());
		List<UUID> users = jdbc.sql("""
				update announcement_recipient set reminded_at = now()
				where announcement_id = :a and user_id is not null and (case when :ack then acknowledged_at is null else read_at is null end)
				returning user_id""").param("a", id).param("ack", a.askAck() || a.askAvailability()).query(UUID.class).list();
		String title = messages.get("announcement.reminder.title", a.title());
		notifications.send(users.stream().map(u -> new Notice(u, a.cptsId(), KIND, title, messages.get("announcement.reminder.body"),
				"/annonces/" + id, a.urgent())).toList());
		audit.change("announcement.reminded", "announcement", id.toString(), a.cptsId(), users.size() + " relances");
		return users.size();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}
}
