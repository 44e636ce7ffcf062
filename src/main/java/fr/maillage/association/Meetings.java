package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.ICalendar;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of the association: general assembly, council, bureau, RCP, working group. The board
 * prepares one (date, place or video link, agenda, invitees: a body, a college, all members, named
 * members), convenes it by e-mail with an iCalendar invitation, records replies (present, absent,
 * proxy to another invitee), takes attendance on the day, computes the quorum from the statutes'
 * rule, records resolutions and their ballots (honorary members and absent members without proxy
 * do not vote), writes the minutes and publishes them as a PDF to the invitees. The members of a body
 * read its meetings and minutes, earlier ones included.
 */
@Service
public class Meetings {

	public enum Kind {
		AG, CA, BUREAU, RCP, GROUPE;

		public String labelKey() {
			return "association.meeting.kind." + name();
		}
	}

	public enum Reply {
		PRESENT, ABSENT, PROXY
	}

	public enum Choice {
		POUR, CONTRE, ABSTENTION
	}

	public record MeetingForm(@Nullable Kind kind, @Nullable UUID bodyId, @Nullable String title, @Nullable LocalDateTime startsAt,
			@Nullable Integer durationMinutes, @Nullable String place, @Nullable String videoLink, @Nullable String agenda, @Nullable Integer quorumNum,
			@Nullable Integer quorumDen) {
	}

	public record Meeting(UUID id, UUID cptsId, Kind kind, @Nullable UUID bodyId, String title, Instant startsAt, Instant endsAt, @Nullable String place,
			@Nullable String videoLink, @Nullable String agenda, String status, @Nullable Instant convenedAt, int sequence, int quorumNum, int quorumDen,
			boolean proxiesCount, int maxProxies, @Nullable String minutes, @Nullable Instant minutesPublishedAt) {
	}

	public record Invitees(@Nullable UUID bodyId, @Nullable UUID collegeId, @Nullable Boolean allMembers, @Nullable List<UUID> memberIds) {
	}

	public record Invitee(UUID memberId, String name, String college, boolean voting, @Nullable Reply reply, @Nullable UUID proxyTo,
			@Nullable String proxyToName, @Nullable Boolean attended) {
	}

	/** The quorum: voting invitees, those present, those represented by a proxy held by someone present, the number required. */
	public record Quorum(int voting, int present, int represented, int required, boolean reached) {
	}

	public record Attendance(Meeting meeting, List<Invitee> invitees, Quorum quorum) {
	}

	public record Resolution(UUID id, int position, String text, long pour, long contre, long abstention, boolean adopted) {
	}

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

	private final JdbcClient jdbc;
	private final Board board;
	private final CptsAccess access;
	private final Members members;
	private final Governance governance;
	private final CptsService cpts;
	private final Notifications notifications;
	private final PdfDocuments pdf;
	private final Messages messages;
	private final Mail mail;
	private final AuditLog audit;

	Meetings(JdbcClient jdbc, Board board, CptsAccess access, Members members, Governance governance, CptsService cpts, Notifications notifications,
			PdfDocuments pdf, Messages messages, Mail mail, AuditLog audit) {
		this.jdbc = jdbc;
		this.board = board;
		this.access = access;
		this.members = members;
		this.governance = governance;
		this.cpts = cpts;
		this.notifications = notifications;
		this.pdf = pdf;
		this.messages = messages;
		this.mail = mail;
		this.audit = audit;
	}

	// ---- preparing

	@Transactional
	public Meeting create(UUID cptsId, MeetingForm f) {
		CurrentUser user = board.require(cptsId);
		Problems problems = new Problems();
		if (f.kind() == null) {
			problems.reject("kind", "association.meeting.kind");
		}
		Governance.Body body = null;
		if (f.bodyId() != null) {
			body = governance.body(f.bodyId());
			if (!body.cptsId().equals(cptsId)) {
				problems.reject("bodyId", "association.meeting.body");
			}
		}
		String title = f.title() == null ? "" : f.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			problems.reject("title", "association.meeting.title");
		}
		if (f.startsAt() == null) {
			problems.reject("startsAt", "association.meeting.startsAt");
		} else {
			// a past meeting may be recorded (its minutes), within reason: a typed 1901 or 2901 is a slip
			LocalDateTime now = LocalDateTime.now(Board.PARIS);
			if (f.startsAt().isBefore(now.minusYears(10)) || f.startsAt().isAfter(now.plusYears(5))) {
				problems.reject("startsAt", "association.meeting.startsAt.range");
			}
		}
		int minutes = f.durationMinutes() == null ? 120 : f.durationMinutes();
		if (minutes < 15 || minutes > 24 * 60) {
			problems.reject("durationMinutes", "association.meeting.duration");
		}
		String place = blank(f.place());
		String video = blank(f.videoLink());
		if (place == null && video == null) {
			problems.reject("place", "association.meeting.where");
		}
		if (video != null && !video.matches("https://\\S+")) {
			problems.reject("videoLink", "association.meeting.videoInvalid");
		}
		String agenda = blank(f.agenda());
		if (agenda != null && agenda.length() > 10000) {
			problems.reject("agenda", "association.tooLong", 10000);
		}
		int num = f.quorumNum() != null ? f.quorumNum() : body != null ? body.quorumNum() : 1;
		int den = f.quorumDen() != null ? f.quorumDen() : body != null ? body.quorumDen() : 4;
		if (num < 0 || den <= 0 || num > den) {
			problems.reject("quorumNum", "association.body.quorum");
		}
		problems.throwIfAny();
		Instant start = f.startsAt().atZone(Board.PARIS).toInstant();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into meeting (id, cpts_id, kind, body_id, title, starts_at, ends_at, place, video_link, agenda, quorum_num, quorum_den,
				  proxies_count, max_proxies, created_by)
				values (:id, :c, :k, :b, :t, :s, :e, :p, :v, :a, :qn, :qd, :pc, :mp, :by)""")
			.param("id", id).param("c", cptsId).param("k", f.kind().name()).param("b", f.bodyId()).param("t", title)
			.param("s", java.sql.Timestamp.from(start)).param("e", java.sql.Timestamp.from(start.plusSeconds(minutes * 60L))).param("p", place)
			.param("v", video).param("a", agenda).param("qn", num).param("qd", den).param("pc", body == null || body.proxiesCount())
			.param("mp", body == null ? 1 : body.maxProxies()).param("by", user.id()).update();
		audit.change("association.meeting.create", "meeting", id.toString(), cptsId, f.kind() + " " + title);
		if (body != null) {
			invite(id, new Invitees(body.id(), null, false, List.of()));
		}
		return get(id);
	}

	/** Adds invitees: a body's current members, a college, all active members, named members (active ones only). */
	@Transactional
	public List<Invitee> invite(UUID meetingId, Invitees who) {
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		if ("HELD".equals(m.status()) || "CANCELLED".equals(m.status())) {
			throw Problems.rejected("meeting", "association.meeting.closed");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		if (who.bodyId() != null) {
			Governance.Body b = governance.body(who.bodyId());
			if (!b.cptsId().equals(m.cptsId())) {
				throw Problems.rejected("bodyId", "association.meeting.body");
			}
			governance.current(b.id()).forEach(md -> ids.add(md.memberId()));
		}
		List<Members.Member> all = members.list(m.cptsId(), Members.Status.ACTIVE, null);
		if (who.collegeId() != null) {
			all.stream().filter(x -> x.collegeId().equals(who.collegeId())).forEach(x -> ids.add(x.id()));
		}
		if (Boolean.TRUE.equals(who.allMembers())) {
			all.forEach(x -> ids.add(x.id()));
		}
		if (who.memberIds() != null) {
			Map<UUID, Members.Member> active = new HashMap<>();
			all.forEach(x -> active.put(x.id(), x));
			for (UUID id : who.memberIds()) {
				if (!active.containsKey(id)) {
					throw Problems.rejected("memberIds", "association.meeting.inviteeUnknown");
				}
				ids.add(id);
			}
		}
		Map<UUID, Members.Member> byId = new HashMap<>();
		all.forEach(x -> byId.put(x.id(), x));
		for (UUID id : ids) {
			Members.Member x = byId.get(id);
			if (x == null) {
				continue;
			}
			jdbc.sql("insert into meeting_invitee (meeting_id, member_id, voting) values (:m, :x, :v) on conflict do nothing").param("m", meetingId)
				.param("x", id).param("v", x.votes()).update();
		}
		audit.change("association.meeting.invite", "meeting", meetingId.toString(), m.cptsId(), ids.size() + " invités");
		return invitees(meetingId);
	}

	/**
	 * Sends the convocation: an e-mail with the agenda and an iCalendar invitation to every invitee
	 * (to their account's address, or the directory's). A meeting already begun is refused unless
	 * {@code confirmPast} (a convocation sent afterwards, for the record); convening again after a
	 * change sends an updated invitation.
	 */
	@Transactional
	public int convene(UUID meetingId, boolean confirmPast) {
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		if ("HELD".equals(m.status()) || "CANCELLED".equals(m.status())) {
			throw Problems.rejected("meeting", "association.meeting.closed");
		}
		if (m.startsAt().isBefore(Instant.now()) && !confirmPast) {
			throw Problems.rejected("confirmPast", "association.meeting.past", m.startsAt().atZone(Board.PARIS).format(DAY_TIME));
		}
		List<Invitee> invitees = invitees(meetingId);
		if (invitees.isEmpty()) {
			throw Problems.rejected("invitees", "association.meeting.nobody");
		}
		int sequence = m.convenedAt() == null ? 0 : m.sequence() + 1;
		jdbc.sql("update meeting set status = 'CONVENED', convened_at = now(), sequence = :s where id = :id").param("s", sequence).param("id", meetingId)
			.update();
		Meeting convened = get(meetingId);
		Cpts c = cpts.get(m.cptsId());
		String when = m.startsAt().atZone(Board.PARIS).format(DAY_TIME);
		String title = messages.get("association.convocation.title", messages.get(m.kind().labelKey()), m.title(), when);
		String body = messages.get("association.convocation.body", c.name(), m.title(), when, where(m), m.agenda() == null ? "" : m.agenda(),
				mail.url("/reunions/" + meetingId));
		boolean aboutPatients = m.kind() == Kind.RCP; // a case review: its agenda names patients
		List<Members.Member> people = List.copyOf(members.byIds(invitees.stream().map(Invitee::memberId).toList()).values());
		Map<UUID, List<UUID>> accounts = members.accountsOf(people);
		List<Notice> notices = new ArrayList<>();
		int sent = 0;
		for (Members.Member p : people) {
			List<UUID> users = accounts.getOrDefault(p.id(), List.of());
			if (!users.isEmpty()) {
				users.forEach(u -> notices.add(Notice.of(u, m.cptsId(), "association.convocation", title, body, "/reunions/" + meetingId)
					.concerningAPatient(aboutPatients)));
				sent++;
			} else if (p.email() != null) {
				notifications.emailTo(p.email(), title, body, List.of(invitation(convened, c, p.email())), aboutPatients);
				sent++;
			}
		}
		Map<UUID, String> addresses = notifications.emailAddresses(notices.stream().map(Notice::userId).distinct().toList());
		notifications.sendFormal(notices, n -> addresses.containsKey(n.userId()) ? List.of(invitation(convened, c, addresses.get(n.userId())))
				: List.of());
		audit.change("association.meeting.convene", "meeting", meetingId.toString(), m.cptsId(), sent + " convocations, séquence " + sequence);
		return sent;
	}

	private Notifications.File invitation(Meeting m, Cpts c, String attendee) {
		String ics = ICalendar.invitation(new ICalendar.Event("meeting-" + m.id() + "@maillage", m.startsAt(), m.endsAt(), m.title(), where(m),
				m.agenda(), mail.url("/reunions/" + m.id())), c.name(), c.email(), attendee, m.sequence(), "CANCELLED".equals(m.status()));
		return new Notifications.File("invitation.ics", "text/calendar; method=" + ("CANCELLED".equals(m.status()) ? "CANCEL" : "REQUEST")
				+ "; charset=UTF-8", ics.getBytes(StandardCharsets.UTF_8));
	}

	private static String where(Meeting m) {
		return m.place() != null && m.videoLink() != null ? m.place() + " / " + m.videoLink() : m.place() != null ? m.place() : m.videoLink();
	}

	// ---- replies and attendance

	/**
	 * An invitee's reply: present, absent, or a proxy to another voting invitee (who may hold at most
	 * the body's maximum). The invitee answers for themself; the board may record a reply on their behalf.
	 */
	@Transactional
	public List<Invitee> reply(UUID meetingId, UUID memberId, @Nullable Reply reply, @Nullable UUID proxyTo) {
		Meeting m = get(meetingId);
		boolean boardMember = board.may(m.cptsId());
		if (!boardMember && !members.myMemberIds(m.cptsId()).contains(memberId)) {
			throw new NotFoundException();
		}
		if ("HELD".equals(m.status()) || "CANCELLED".equals(m.status())) {
			throw Problems.rejected("reply", "association.meeting.closed");
		}
		Map<UUID, Invitee> invited = new HashMap<>();
		invitees(meetingId).forEach(i -> invited.put(i.memberId(), i));
		Invitee me = invited.get(memberId);
		if (me == null) {
			throw Problems.rejected("memberId", "association.reply.notInvited");
		}
		if (reply == null) {
			throw Problems.rejected("reply", "association.reply.required");
		}
		if (reply == Reply.PROXY) {
			if (!me.voting()) {
				throw Problems.rejected("proxyTo", "association.proxy.noVote");
			}
			Invitee holder = proxyTo == null ? null : invited.get(proxyTo);
			if (holder == null) {
				throw Problems.rejected("proxyTo", "association.proxy.notInvited");
			}
			if (holder.memberId().equals(memberId)) {
				throw Problems.rejected("proxyTo", "association.proxy.self");
			}
			if (!holder.voting()) {
				throw Problems.rejected("proxyTo", "association.proxy.holderNoVote", holder.name());
			}
			if (holder.reply() == Reply.PROXY || holder.reply() == Reply.ABSENT) {
				throw Problems.rejected("proxyTo", "association.proxy.holderAbsent", holder.name());
			}
			long held = invited.values().stream().filter(i -> proxyTo.equals(i.proxyTo()) && !i.memberId().equals(memberId)).count();
			if (held >= m.maxProxies()) {
				throw Problems.rejected("proxyTo", "association.proxy.tooMany", holder.name(), m.maxProxies());
			}
		} else if (invited.values().stream().anyMatch(i -> memberId.equals(i.proxyTo())) && reply == Reply.ABSENT) {
			throw Problems.rejected("reply", "association.proxy.holdsProxies");
		}
		jdbc.sql("update meeting_invitee set reply = :r, proxy_to = :p, replied_at = now() where meeting_id = :m and member_id = :x")
			.param("r", reply.name()).param("p", reply == Reply.PROXY ? proxyTo : null).param("m", meetingId).param("x", memberId).update();
		audit.change("association.meeting.reply", "meeting", meetingId.toString(), m.cptsId(), me.name() + " : " + reply
				+ (reply == Reply.PROXY ? " → " + invited.get(proxyTo).name() : ""));
		return invitees(meetingId);
	}

	/** Takes attendance on the day: who is there (everyone else is absent); the meeting is then held. */
	@Transactional
	public Attendance takeAttendance(UUID meetingId, List<UUID> present) {
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		if ("CANCELLED".equals(m.status()) || "DRAFT".equals(m.status())) {
			throw Problems.rejected("meeting", "association.attendance.notConvened");
		}
		Set<UUID> invited = new LinkedHashSet<>(invitees(meetingId).stream().map(Invitee::memberId).toList());
		for (UUID p : present) {
			if (!invited.contains(p)) {
				throw Problems.rejected("present", "association.attendance.notInvited");
			}
		}
		jdbc.sql("update meeting_invitee set attended = (member_id = any(:p)) where meeting_id = :m").param("p", present.toArray(UUID[]::new))
			.param("m", meetingId).update();
		jdbc.sql("update meeting set status = 'HELD' where id = :id").param("id", meetingId).update();
		audit.change("association.meeting.attendance", "meeting", meetingId.toString(), m.cptsId(), present.size() + " présents");
		return attendance(meetingId);
	}

	/** Who was invited, replied, attended, and the quorum (board, or an invitee). */
	public Attendance attendance(UUID meetingId) {
		Meeting m = visible(meetingId);
		List<Invitee> invitees = invitees(meetingId);
		return new Attendance(m, invitees, quorum(m, invitees));
	}

	static Quorum quorum(Meeting m, List<Invitee> invitees) {
		int voting = (int) invitees.stream().filter(Invitee::voting).count();
		boolean taken = invitees.stream().anyMatch(i -> i.attended() != null);
		Set<UUID> present = new LinkedHashSet<>();
		for (Invitee i : invitees) {
			if (i.voting() && (taken ? Boolean.TRUE.equals(i.attended()) : i.reply() == Reply.PRESENT)) {
				present.add(i.memberId());
			}
		}
		int represented = m.proxiesCount() ? (int) invitees.stream()
			.filter(i -> i.voting() && i.reply() == Reply.PROXY && !present.contains(i.memberId()) && present.contains(i.proxyTo())).count() : 0;
		int required = (int) Math.ceil((double) voting * m.quorumNum() / m.quorumDen());
		return new Quorum(voting, present.size(), represented, required, present.size() + represented >= required && voting > 0);
	}

	// ---- resolutions and ballots

	@Transactional
	public Resolution addResolution(UUID meetingId, @Nullable String text) {
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		String t = text == null ? "" : text.strip();
		if (t.isEmpty() || t.length() > 2000) {
			throw Problems.rejected("text", "association.resolution.text");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into resolution (id, meeting_id, position, text) select :id, :m, coalesce(max(position), 0) + 1, :t from resolution where meeting_id = :m")
			.param("id", id).param("m", meetingId).param("t", t).update();
		audit.change("association.resolution.add", "meeting", meetingId.toString(), m.cptsId(), t);
		return resolutions(meetingId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Records one voice on a resolution: the voter's own if they attended, or cast by the attendee
	 * who holds their proxy. Honorary members, absent members without a proxy and a second ballot
	 * for the same voice are refused (the last one by the database as well).
	 */
	@Transactional
	public Resolution vote(UUID resolutionId, UUID voterId, @Nullable Choice choice) {
		UUID meetingId = jdbc.sql("select meeting_id from resolution where id = :id").param("id", resolutionId).query(UUID.class).optional()
			.orElseThrow(NotFoundException::new);
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		if (!"HELD".equals(m.status())) {
			throw Problems.rejected("voterId", "association.vote.notHeld");
		}
		if (choice == null) {
			throw Problems.rejected("choice", "association.vote.choice");
		}
		Map<UUID, Invitee> invited = new HashMap<>();
		invitees(meetingId).forEach(i -> invited.put(i.memberId(), i));
		Invitee voter = invited.get(voterId);
		if (voter == null) {
			throw Problems.rejected("voterId", "association.vote.notInvited");
		}
		if (!voter.voting()) {
			throw Problems.rejected("voterId", "association.vote.honorary", voter.name());
		}
		UUID castBy;
		if (Boolean.TRUE.equals(voter.attended())) {
			castBy = voterId;
		} else if (voter.reply() == Reply.PROXY && voter.proxyTo() != null && invited.containsKey(voter.proxyTo())
				&& Boolean.TRUE.equals(invited.get(voter.proxyTo()).attended()) && m.proxiesCount()) {
			castBy = voter.proxyTo();
		} else {
			throw Problems.rejected("voterId", "association.vote.absent", voter.name());
		}
		int added = jdbc.sql("""
				insert into ballot (resolution_id, meeting_id, voter_id, cast_by, choice) values (:r, :m, :v, :c, :ch)
				on conflict (resolution_id, voter_id) do nothing""")
			.param("r", resolutionId).param("m", meetingId).param("v", voterId).param("c", castBy).param("ch", choice.name()).update();
		if (added == 0) {
			throw Problems.rejected("voterId", "association.vote.twice", voter.name());
		}
		audit.change("association.vote", "resolution", resolutionId.toString(), m.cptsId(), voter.name() + " : " + choice
				+ (castBy.equals(voterId) ? "" : " (procuration)"));
		return resolutions(meetingId).stream().filter(r -> r.id().equals(resolutionId)).findFirst().orElseThrow();
	}

	public List<Resolution> resolutions(UUID meetingId) {
		return jdbc.sql("""
				select r.id, r.position, r.text, count(*) filter (where b.choice = 'POUR'), count(*) filter (where b.choice = 'CONTRE'),
				  count(*) filter (where b.choice = 'ABSTENTION')
				from resolution r left join ballot b on b.resolution_id = r.id where r.meeting_id = :m group by r.id order by r.position""")
			.param("m", meetingId)
			.query((rs, n) -> new Resolution(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getLong(4) > rs.getLong(5)))
			.list();
	}

	// ---- minutes

	@Transactional
	public Meeting saveMinutes(UUID meetingId, @Nullable String text) {
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		if (text != null && text.length() > 100_000) {
			throw Problems.rejected("minutes", "association.tooLong", 100_000);
		}
		jdbc.sql("update meeting set minutes = :t where id = :id").param("t", text == null || text.isBlank() ? null : text.strip()).param("id", meetingId)
			.update();
		audit.change("association.minutes.save", "meeting", meetingId.toString(), m.cptsId(), null);
		return get(meetingId);
	}

	/** Publishes the minutes: the PDF goes to every invitee; they read it in the application too. */
	@Transactional
	public int publishMinutes(UUID meetingId) {
		Meeting m = get(meetingId);
		board.require(m.cptsId());
		if (!"HELD".equals(m.status())) {
			throw Problems.rejected("minutes", "association.minutes.notHeld");
		}
		if (m.minutes() == null) {
			throw Problems.rejected("minutes", "association.minutes.empty");
		}
		jdbc.sql("update meeting set minutes_published_at = now() where id = :id").param("id", meetingId).update();
		Meeting published = get(meetingId);
		Notifications.File file = new Notifications.File("proces-verbal.pdf", "application/pdf", minutesPdf(published));
		List<Members.Member> people = List.copyOf(members.byIds(invitees(meetingId).stream().map(Invitee::memberId).toList()).values());
		Map<UUID, List<UUID>> accounts = members.accountsOf(people);
		String when = m.startsAt().atZone(Board.PARIS).format(DAY_TIME);
		String title = messages.get("association.minutes.title", m.title(), when);
		String body = messages.get("association.minutes.body", m.title(), when, mail.url("/reunions/" + meetingId));
		List<Notice> notices = new ArrayList<>();
		int sent = 0;
		for (Members.Member p : people) {
			List<UUID> users = accounts.getOrDefault(p.id(), List.of());
			if (!users.isEmpty()) {
				users.forEach(u -> notices.add(Notice.of(u, m.cptsId(), "association.minutes", title, body, "/reunions/" + meetingId)
					.concerningAPatient(m.kind() == Kind.RCP)));
				sent++;
			} else if (p.email() != null) {
				notifications.emailTo(p.email(), title, body, List.of(file), m.kind() == Kind.RCP);
				sent++;
			}
		}
		notifications.sendFormal(notices, n -> List.of(file));
		audit.change("association.minutes.publish", "meeting", meetingId.toString(), m.cptsId(), sent + " destinataires");
		return sent;
	}

	public byte[] minutesPdf(Meeting m) {
		List<Invitee> invitees = invitees(m.id());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Map<String, Object> model = new HashMap<>();
			model.put("cpts", cpts.get(m.cptsId()));
			model.put("m", m);
			model.put("when", m.startsAt().atZone(Board.PARIS).format(DAY_TIME));
			model.put("kind", messages.get(m.kind().labelKey()));
			model.put("invitees", invitees);
			model.put("quorum", quorum(m, invitees));
			model.put("resolutions", resolutions(m.id()));
			model.put("paragraphs", m.minutes() == null ? List.of() : List.of(m.minutes().split("\\R\\s*\\R")));
			pdf.render("association/minutes-pdf", model, out);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	// ---- reading

	/** Whether the signed-in user is on the board of the CPTS (reads unpublished minutes, manages meetings). */
	public boolean boardMay(UUID cptsId) {
		return board.may(cptsId);
	}

	public Meeting get(UUID id) {
		return jdbc.sql("select * from meeting where id = :id").param("id", id).query(Meetings::map).optional().orElseThrow(NotFoundException::new);
	}

	/** A meeting for the board, or for one of its invitees. */
	public Meeting visible(UUID id) {
		Meeting m = get(id);
		if (board.may(m.cptsId())) {
			return m;
		}
		List<UUID> mine = members.myMemberIds(m.cptsId());
		boolean invited = !mine.isEmpty() && jdbc.sql("""
				select exists (select 1 from meeting_invitee where meeting_id = :m and member_id = any(:x))
				  or exists (select 1 from meeting x join mandate md on md.body_id = x.body_id where x.id = :m and x.status <> 'DRAFT'
				    and md.member_id = any(:x) and md.starts_on <= current_date and (md.ends_on is null or md.ends_on >= current_date))""")
			.param("m", id).param("x", mine.toArray(UUID[]::new)).query(Boolean.class).single();
		if (!invited) {
			throw new NotFoundException();
		}
		return m;
	}

	/** The meetings of a CPTS the user may see: all for the board, those one is invited to for a member. */
	public List<Meeting> list(UUID cptsId) {
		access.requireMember(cptsId);
		if (board.may(cptsId)) {
			return jdbc.sql("select * from meeting where cpts_id = :c order by starts_at desc").param("c", cptsId).query(Meetings::map).list();
		}
		List<UUID> mine = members.myMemberIds(cptsId);
		return jdbc.sql("""
				select * from meeting m where cpts_id = :c and status <> 'DRAFT'
				  and (exists (select 1 from meeting_invitee i where i.meeting_id = m.id and i.member_id = any(:x))
				    or exists (select 1 from mandate md where md.body_id = m.body_id and md.member_id = any(:x) and md.starts_on <= current_date
				      and (md.ends_on is null or md.ends_on >= current_date)))
				order by starts_at desc""")
			.param("c", cptsId).param("x", mine.toArray(UUID[]::new)).query(Meetings::map).list();
	}

	public List<Invitee> invitees(UUID meetingId) {
		record Row(UUID member, boolean voting, @Nullable String reply, @Nullable UUID proxy, @Nullable Boolean attended) {
		}
		List<Row> rows = jdbc.sql("select member_id, voting, reply, proxy_to, attended from meeting_invitee where meeting_id = :m").param("m", meetingId)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getString(3), rs.getObject(4, UUID.class),
					(Boolean) rs.getObject(5)))
			.list();
		Map<UUID, Members.Member> people = members.byIds(rows.stream().map(Row::member).toList());
		return rows.stream().map(r -> new Invitee(r.member(), people.get(r.member()).name(), people.get(r.member()).collegeName(), r.voting(),
				r.reply() == null ? null : Reply.valueOf(r.reply()), r.proxy(), r.proxy() == null ? null : people.get(r.proxy()).name(), r.attended()))
			.sorted(java.util.Comparator.comparing(Invitee::name, java.text.Collator.getInstance(java.util.Locale.FRENCH))).toList();
	}

	private static Meeting map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Meeting(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), Kind.valueOf(rs.getString("kind")),
				rs.getObject("body_id", UUID.class), rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("place"), rs.getString("video_link"), rs.getString("agenda"), rs.getString("status"),
				rs.getTimestamp("convened_at") == null ? null : rs.getTimestamp("convened_at").toInstant(), rs.getInt("sequence"), rs.getInt("quorum_num"),
				rs.getInt("quorum_den"), rs.getBoolean("proxies_count"), rs.getInt("max_proxies"), rs.getString("minutes"),
				rs.getTimestamp("minutes_published_at") == null ? null : rs.getTimestamp("minutes_published_at").toInstant());
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
