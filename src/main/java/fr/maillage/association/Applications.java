package fr.maillage.association;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.shared.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for membership made from the CPTS's public page: a professional says who they are;
 * the coordinator or the board finds them in the directory and accepts (they become a member) or
 * refuses with a word; the applicant is told by e-mail either way.
 */
@Service
public class Applications {

	public record ApplicationForm(@Nullable String lastName, @Nullable String firstName, @Nullable String email, @Nullable String phone,
			@Nullable String profession, @Nullable String rpps, @Nullable String communeCode, @Nullable String message) {
	}

	public record Application(UUID id, UUID cptsId, String lastName, String firstName, String email, @Nullable String phone, String profession,
			@Nullable String rpps, @Nullable String communeCode, @Nullable String message, String status, @Nullable UUID memberId,
			@Nullable String answerNote, Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final Board board;
	private final Members members;
	private final CptsService cpts;
	private final Notifications notifications;
	private final Messages messages;
	private final AuditLog audit;

	Applications(JdbcClient jdbc, Board board, Members members, CptsService cpts, Notifications notifications, Messages messages,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.board = board;
		this.members = members;
		this.cpts = cpts;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
	}

	/** An application from the public page (anyone); the board is notified. */
	@Transactional
	public UUID apply(String slug, ApplicationForm f) {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		Problems problems = new Problems();
		String last = strip(f.lastName());
		String first = strip(f.firstName());
		String email = strip(f.email());
		String profession = strip(f.profession());
		String rpps = f.rpps() == null ? null : f.rpps().replaceAll("\\s", "");
		if (last == null || last.length() > 100) {
			problems.reject("lastName", "association.apply.lastName");
		}
		if (first == null || first.length() > 100) {
			problems.reject("firstName", "association.apply.firstName");
		}
		if (email == null || !EmailAddress.isPlausible(email)) {
			problems.reject("email", "association.apply.email");
		}
		if (profession == null || profession.length() > 100) {
			problems.reject("profession", "association.apply.profession");
		}
		if (rpps != null && !rpps.isEmpty() && !rpps.matches("\\d{11}")) {
			problems.reject("rpps", "association.apply.rpps");
		}
		String message = strip(f.message());
		if (message != null && message.length() > 2000) {
			problems.reject("message", "association.tooLong", 2000);
		}
		String phone = strip(f.phone());
		if (phone != null && !phone.matches("\\+?[0-9 .()\\-]{6,30}")) {
			problems.reject("phone", "association.apply.phone");
		}
		problems.throwIfAny();
		// the public page is open to all: a few applications a day from one address at most
		int recent = jdbc.sql("select count(*) from membership_application where lower(email) = lower(:e) and created_at > now() - interval '1 day'")
			.param("e", email).query(Integer.class).single();
		if (recent >= 3) {
			throw Problems.rejected("email", "association.apply.tooMany");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into membership_application (id, cpts_id, last_name, first_name, email, phone, profession, rpps, commune_code, message)
				values (:id, :c, :l, :f, :e, :ph, :p, :r, :commune, :m)""")
			.param("id", id).param("c", c.id()).param("l", last).param("f", first).param("e", email).param("ph", phone).param("p", profession)
			.param("r", rpps == null || rpps.isEmpty() ? null : rpps).param("commune", strip(f.communeCode())).param("m", message).update();
		audit.changeAs(null, email, "association.application", "membership_application", id.toString(), c.id(), first + " " + last);
		notifications.emailTo(email, messages.get("association.apply.mail.subject", c.name()),
				messages.get("association.apply.mail.body", first, c.name()), List.of());
		return id;
	}

	public List<Application> pending(UUID cptsId) {
		board.require(cptsId);
		return jdbc.sql("select * from membership_application where cpts_id = :c and status = 'PENDING' order by created_at").param("c", cptsId)
			.query(Applications::map).list();
	}

	public Application get(UUID id) {
		return jdbc.sql("select * from membership_application where id = :id").param("id", id).query(Applications::map).optional()
			.orElseThrow(NotFoundException::new);
	}

	/** Accepts: the member is registered (the professional or structure chosen in the directory) and the applicant told. */
	@Transactional
	public Members.Member accept(UUID applicationId, Members.MemberForm form) {
		Application a = pendingOne(applicationId);
		CurrentUser user = board.require(a.cptsId());
		Members.Member m = members.insert(a.cptsId(), form, user.id());
		jdbc.sql("update membership_application set status = 'ACCEPTED', member_id = :m, answered_by = :u, answered_at = now() where id = :id")
			.param("m", m.id()).param("u", user.id()).param("id", applicationId).update();
		Cpts c = cpts.get(a.cptsId());
		notifications.emailTo(a.email(), messages.get("association.accept.mail.subject", c.name()),
				messages.get("association.accept.mail.body", a.firstName(), c.name(), m.collegeName()), List.of());
		return m;
	}

	@Transactional
	public void refuse(UUID applicationId, @Nullable String note) {
		Application a = pendingOne(applicationId);
		CurrentUser user = board.require(a.cptsId());
		String n = strip(note);
		if (n == null) {
			throw Problems.rejected("note", "association.refuse.note");
		}
		if (n.length() > 500) {
			throw Problems.rejected("note", "association.tooLong", 500);
		}
		jdbc.sql("update membership_application set status = 'REFUSED', answer_note = :n, answered_by = :u, answered_at = now() where id = :id")
			.param("n", n).param("u", user.id()).param("id", applicationId).update();
		audit.change("association.application.refuse", "membership_application", applicationId.toString(), a.cptsId(), n);
		Cpts c = cpts.get(a.cptsId());
		notifications.emailTo(a.email(), messages.get("association.refuse.mail.subject", c.name()),
				messages.get("association.refuse.mail.body", a.firstName(), c.name(), n), List.of());
	}

	private Application pendingOne(UUID id) {
		Application a = jdbc.sql("select * from membership_application where id = :id for update").param("id", id).query(Applications::map)
			.optional().orElseThrow(NotFoundException::new);
		board.require(a.cptsId());
		if (!"PENDING".equals(a.status())) {
			throw Problems.rejected("application", "association.apply.answered");
		}
		return a;
	}

	private static Application map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Application(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("last_name"),
				rs.getString("first_name"), rs.getString("email"), rs.getString("phone"), rs.getString("profession"), rs.getString("rpps"),
				rs.getString("commune_code"), rs.getString("message"), rs.getString("status"), rs.getObject("member_id", UUID.class),
				rs.getString("answer_note"), rs.getTimestamp("created_at").toInstant());
	}

	private static @Nullable String strip(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
