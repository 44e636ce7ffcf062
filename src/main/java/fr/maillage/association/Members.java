package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Organization;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.shared.EmailAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members (adhérents) of the association: a professional or a structure of the directory, in a
 * college, since a date, with a status (active, lapsed, resigned, excluded) and the honorary flag
 * (a consultative voice only). A coordinator or the board registers them, or accepts an application
 * made from the public page.
 */
@Service
public class Members {

	public enum Status {
		ACTIVE, LAPSED, RESIGNED, EXCLUDED;

		public String labelKey() {
			return "association.member.status." + name();
		}
	}

	public record MemberForm(@Nullable UUID practitionerId, @Nullable UUID organizationId, @Nullable UUID collegeId, @Nullable LocalDate since,
			@Nullable Boolean honorary) {
	}

	public record Member(UUID id, UUID cptsId, UUID collegeId, String collegeName, @Nullable UUID practitionerId, @Nullable UUID organizationId,
			String name, @Nullable String profession, @Nullable String email, Status status, boolean honorary, LocalDate since,
			@Nullable String statusNote) {

		/** Whether the member votes: active and not honorary. */
		public boolean votes() {
			return status == Status.ACTIVE && !honorary;
		}
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Board board;
	private final Colleges colleges;
	private final DirectorySearch directory;
	private final Organizations organizations;
	private final AccountLinks links;
	private final AuditLog audit;
	private final EngagementSync sync;

	Members(JdbcClient jdbc, CptsAccess access, Board board, Colleges colleges, DirectorySearch directory, Organizations organizations,
			AccountLinks links, AuditLog audit, EngagementSync sync) {
		this.sync = sync;
		this.jdbc = jdbc;
		this.access = access;
		this.board = board;
		this.colleges = colleges;
		this.directory = directory;
		this.organizations = organizations;
		this.links = links;
		this.audit = audit;
	}

	/** Registers a member; refuses a second membership of the same professional or structure. */
	@Transactional
	public Member register(UUID cptsId, MemberForm form) {
		CurrentUser user = board.require(cptsId);
		return insert(cptsId, form, user.id());
	}

	Member insert(UUID cptsId, MemberForm form, @Nullable UUID by) {
		Problems problems = new Problems();
		if ((form.practitionerId() == null) == (form.organizationId() == null)) {
			problems.reject("practitionerId", "association.member.who");
		}
		Practitioner practitioner = form.practitionerId() == null ? null : directory.byId(form.practitionerId()).orElse(null);
		Organization organization = null;
		if (form.practitionerId() != null && practitioner == null) {
			problems.reject("practitionerId", "association.member.unknown");
		}
		if (form.organizationId() != null) {
			try {
				organization = organizations.get(form.organizationId());
			} catch (NotFoundException ex) {
				problems.reject("organizationId", "association.member.unknown");
			}
		}
		LocalDate since = form.since() == null ? LocalDate.now(Board.PARIS) : form.since();
		if (since.isAfter(LocalDate.now(Board.PARIS).plusYears(1))) {
			problems.reject("since", "association.member.since.future");
		}
		UUID college = form.collegeId();
		if (college != null) {
			Colleges.College c = colleges.get(college);
			if (!c.cptsId().equals(cptsId)) {
				problems.reject("collegeId", "association.member.college.other");
			}
		}
		problems.throwIfAny();
		if (college == null) {
			college = colleges.defaultFor(cptsId, practitioner == null ? null : practitioner.professionCode(), organization != null);
		}
		boolean already = jdbc.sql("select exists (select 1 from member where cpts_id = :c and (practitioner_id = :p or organization_id = :o))")
			.param("c", cptsId).param("p", form.practitionerId()).param("o", form.organizationId()).query(Boolean.class).single();
		if (already) {
			throw Problems.rejected(form.practitionerId() != null ? "practitionerId" : "organizationId", "association.member.already",
					practitioner != null ? practitioner.displayName() : organization.name());
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into member (id, cpts_id, college_id, practitioner_id, organization_id, status, honorary, since, created_by)
				values (:id, :c, :college, :p, :o, 'ACTIVE', :h, :since, :by)""")
			.param("id", id).param("c", cptsId).param("college", college).param("p", form.practitionerId()).param("o", form.organizationId())
			.param("h", Boolean.TRUE.equals(form.honorary())).param("since", since).param("by", by).update();
		sync.member(id);
		audit.change("association.member.register", "member", id.toString(), cptsId,
				(practitioner != null ? practitioner.displayName() : organization.name()) + (Boolean.TRUE.equals(form.honorary()) ? " (honoraire)" : ""));
		return get(id);
	}

	/** Changes a member's status, college or honorary flag; a status other than active asks for a note. */
	@Transactional
	public Member update(UUID memberId, @Nullable Status status, @Nullable UUID collegeId, @Nullable Boolean honorary, @Nullable String note) {
		Member m = get(memberId);
		board.require(m.cptsId());
		Problems problems = new Problems();
		if (collegeId != null && !colleges.get(collegeId).cptsId().equals(m.cptsId())) {
			problems.reject("collegeId", "association.member.college.other");
		}
		String n = note == null || note.isBlank() ? null : note.strip();
		if (status != null && status != m.status() && status != Status.ACTIVE && n == null) {
			problems.reject("note", "association.member.status.note");
		}
		if (n != null && n.length() > 500) {
			problems.reject("note", "association.tooLong", 500);
		}
		problems.throwIfAny();
		jdbc.sql("""
				update member set status = coalesce(:s, status), college_id = coalesce(:college, college_id), honorary = coalesce(:h, honorary),
				  status_note = case when :s::text is not null and :s::text <> status then :n else status_note end,
				  status_changed_at = case when :s::text is not null and :s::text <> status then now() else status_changed_at end
				where id = :id""")
			.param("s", status == null ? null : status.name()).param("college", collegeId).param("h", honorary).param("n", n).param("id", memberId)
			.update();
		sync.member(memberId);
		audit.change("association.member.update", "member", memberId.toString(), m.cptsId(),
				(status == null ? "" : status.name()) + (n == null ? "" : " : " + n));
		return get(memberId);
	}

	/** The members of a CPTS (any member of the CPTS may read the list of adhérents: it is the association's). */
	public List<Member> list(UUID cptsId, @Nullable Status status, @Nullable UUID collegeId) {
		access.requireMember(cptsId);
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("c", cptsId);
		params.put("s", status == null ? null : status.name());
		params.put("college", collegeId);
		return read("m.cpts_id = :c and (:s::text is null or m.status = :s) and (:college::uuid is null or m.college_id = :college)", params);
	}

	public Member get(UUID memberId) {
		List<Member> found = read("m.id = :id", Map.of("id", memberId));
		if (found.isEmpty()) {
			throw new NotFoundException();
		}
		return found.getFirst();
	}

	/** Several members at once (the invitees of a meeting, say), by id. */
	public Map<UUID, Member> byIds(java.util.Collection<UUID> ids) {
		Map<UUID, Member> out = new HashMap<>();
		if (!ids.isEmpty()) {
			read("m.id = any(:ids)", Map.of("ids", ids.toArray(UUID[]::new))).forEach(m -> out.put(m.id(), m));
		}
		return out;
	}

	/** The signed-in person's memberships (as a professional, or for the structures they act for). */
	public List<Member> mine() {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		if (me.none()) {
			return List.of();
		}
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("p", me.practitionerId() == null ? new UUID(0, 0) : me.practitionerId());
		params.put("o", me.organizations());
		return read("(m.practitioner_id = :p or m.organization_id = any(:o))", params);
	}

	/** The members the signed-in user is (or acts for) in this CPTS. */
	public List<UUID> myMemberIds(UUID cptsId) {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		if (me.none()) {
			return List.of();
		}
		return jdbc.sql("select id from member where cpts_id = :c and (practitioner_id = :p or organization_id = any(:o))")
			.param("c", cptsId).param("p", me.practitionerId()).param("o", me.organizations()).query(UUID.class).list();
	}

	/** The user accounts that answer for each member (the professional's account, the structure's staff). */
	public Map<UUID, List<UUID>> accountsOf(List<Member> members) {
		List<UUID> entries = new ArrayList<>();
		members.forEach(m -> entries.add(m.practitionerId() != null ? m.practitionerId() : m.organizationId()));
		Map<UUID, List<UUID>> byEntry = links.accountsOf(entries);
		Map<UUID, List<UUID>> out = new HashMap<>();
		for (Member m : members) {
			out.put(m.id(), byEntry.getOrDefault(m.practitionerId() != null ? m.practitionerId() : m.organizationId(), List.of()));
		}
		return out;
	}

	private List<Member> read(String where, Map<String, @Nullable Object> params) {
		record Row(UUID id, UUID cpts, UUID college, String collegeName, @Nullable UUID practitioner, @Nullable UUID organization, String status,
				boolean honorary, LocalDate since, @Nullable String note) {
		}
		var spec = jdbc.sql("""
				select m.id, m.cpts_id, m.college_id, c.name, m.practitioner_id, m.organization_id, m.status, m.honorary, m.since, m.status_note
				from member m join college c on c.id = m.college_id where""" + " " + where + " order by c.position, m.since, m.id");
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		List<Row> rows = spec.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7), rs.getBoolean(8),
				rs.getObject(9, LocalDate.class), rs.getString(10))).list();
		Map<UUID, Practitioner> pros = new HashMap<>();
		directory.byIds(rows.stream().map(Row::practitioner).filter(java.util.Objects::nonNull).toList()).forEach(p -> pros.put(p.id(), p));
		Map<UUID, Organization> orgs = new HashMap<>();
		rows.stream().map(Row::organization).filter(java.util.Objects::nonNull).distinct().forEach(o -> orgs.put(o, organizations.get(o)));
		List<Member> out = new ArrayList<>();
		for (Row r : rows) {
			Practitioner p = r.practitioner() == null ? null : pros.get(r.practitioner());
			Organization o = r.organization() == null ? null : orgs.get(r.organization());
			String name = p != null ? p.displayName() : o != null ? o.name() : "?";
			String profession = p != null ? p.professionLabel() : null;
			String email = p != null ? p.mssante() : o != null ? o.email() : null;
			out.add(new Member(r.id(), r.cpts(), r.college(), r.collegeName(), r.practitioner(), r.organization(), name, profession,
					email != null && EmailAddress.isPlausible(email) ? email : null, Status.valueOf(r.status()), r.honorary(), r.since(), r.note()));
		}
		out.sort(java.util.Comparator.comparing(Member::collegeName).thenComparing(Member::name, java.text.Collator.getInstance(java.util.Locale.FRENCH)));
		return out;
	}
}
