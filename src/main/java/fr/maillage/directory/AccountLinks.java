package fr.maillage.directory;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.shared.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts for whom: a user account is the professional of one directory entry, and acts for the
 * structures whose staff it belongs to (an MSP's secretary). A coordinator links an account of
 * their CPTS directly; a professional claims their entry with their RPPS number, confirms by a
 * one-time link sent to the e-mail the directory knows for them (MSSanté first, else the one of a
 * practice site, else the account's own), and a coordinator of their CPTS approves. Later
 * capabilities (the GP who accepts a patient, the MSP that publishes slots) ask this service.
 */
@Service
public class AccountLinks {

	static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);

	/** The notifications this class sends: claims to review, approved, refused. */
	public static final String KIND = "directory.claim";

	public enum Status {
		UNCONFIRMED, PENDING, ACTIVE, REFUSED, ENDED
	}

	/** Where the confirmation link of a claim went: the directory's address for the professional, or only the account's. */
	public enum ConfirmedVia {
		DIRECTORY, ACCOUNT
	}

	public record Link(UUID id, UUID userId, @Nullable UUID practitionerId, @Nullable UUID organizationId, @Nullable UUID cptsId,
			Status status, String origin, @Nullable ConfirmedVia confirmVia, @Nullable String confirmEmail, Instant createdAt,
			@Nullable Instant confirmedAt, @Nullable String decisionNote) {
	}

	/** A link as pages show it: with the account and the entry it joins. */
	public record LinkView(Link link, String personName, String personEmail, String entryLabel, @Nullable String entryDetail) {
	}

	/** A started claim: where the confirmation went, and whether the e-mail left. */
	public record ClaimStarted(UUID linkId, String sentTo, ConfirmedVia via, boolean sent) {
	}

	/** What the signed-in user is in the directory. */
	public record Mine(@Nullable LinkView practitioner, @Nullable LinkView claim, List<LinkView> organizations) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Accounts accounts;
	private final AuditLog audit;
	private final DirectorySearch search;
	private final Mail mail;
	private final Messages messages;
	private final Notifications notifications;

	AccountLinks(JdbcClient jdbc, CptsAccess access, Accounts accounts, AuditLog audit, DirectorySearch search, Mail mail,
			Messages messages, Notifications notifications) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.search = search;
		this.mail = mail;
		this.messages = messages;
	}

	// ---- what other modules ask

	/** The directory entry a user account is (an active link), if any. */
	@Transactional(readOnly = true)
	public Optional<UUID> practitionerOf(UUID userId) {
		return jdbc.sql("select practitioner_id from account_link_directory where user_id = :u and practitioner_id is not null and status = 'ACTIVE'")
			.param("u", userId).query(UUID.class).optional();
	}

	/** The account of a professional, if they have one linked. */
	@Transactional(readOnly = true)
	public Optional<UUID> accountOf(UUID practitionerId) {
		return jdbc.sql("select user_id from account_link_directory where practitioner_id = :p and status = 'ACTIVE'")
			.param("p", practitionerId).query(UUID.class).optional();
	}

	/** The accounts that answer for many professionals and structures at once (their own, their staff's), by entry id. */
	@Transactional(readOnly = true)
	public Map<UUID, List<UUID>> accountsOf(java.util.Collection<UUID> entryIds) {
		Map<UUID, List<UUID>> out = new java.util.HashMap<>();
		if (entryIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select coalesce(practitioner_id, organization_id), user_id from account_link_directory
				where status = 'ACTIVE' and (practitioner_id = any(:e) or organization_id = any(:e))""")
			.param("e", entryIds.toArray(UUID[]::new))
			.query((rs, n) -> out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>()).add(rs.getObject(2, UUID.class))).list();
		return out;
	}

	/** Where and as what an account's professional practises: profession, and the commune of their first active place. */
	public record Practice(UUID userId, UUID practitionerId, @Nullable String professionCode, @Nullable String professionLabel,
			@Nullable String communeCode, @Nullable String communeName) {
	}

	/** The practice of many accounts at once (an alert to a region's professionals): one query; accounts not linked are left out. */
	@Transactional(readOnly = true)
	public Map<UUID, Practice> practicesOf(java.util.Collection<UUID> userIds) {
		Map<UUID, Practice> out = new java.util.HashMap<>();
		if (userIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select l.user_id, p.id, p.profession_code, p.profession_label, a.commune_code, a.commune_name
				from account_link_directory l join practitioner p on p.id = l.practitioner_id
				left join lateral (select commune_code, commune_name from practitioner_activity a
				  where a.practitioner_id = p.id and a.active and a.commune_code is not null order by a.id limit 1) a on true
				where l.status = 'ACTIVE' and l.user_id = any(:u)""")
			.param("u", userIds.toArray(UUID[]::new))
			.query((rs, n) -> out.put(rs.getObject(1, UUID.class), new Practice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6))))
			.list();
		return out;
	}

	/** The structures a user acts for. */
	@Transactional(readOnly = true)
	public List<UUID> organizationsOf(UUID userId) {
		return jdbc.sql("select organization_id from account_link_directory where user_id = :u and organization_id is not null and status = 'ACTIVE'")
			.param("u", userId).query(UUID.class).list();
	}

	/** Whom an account answers for: the professional it is, if any, and the structures it acts for. */
	public record Represented(@Nullable UUID practitionerId, List<UUID> organizationIds) {

		public boolean none() {
			return practitionerId == null && organizationIds.isEmpty();
		}

		/** The structures as an array, for SQL {@code = any(:o)}. */
		public UUID[] organizations() {
			return organizationIds.toArray(UUID[]::new);
		}

		/** Whether this is the professional, or a structure, named (the holder of a slot, a turn…). */
		public boolean holds(@Nullable UUID practitioner, @Nullable UUID organization) {
			return practitioner != null ? practitioner.equals(practitionerId) : organization != null && organizationIds.contains(organization);
		}
	}

	/** Both answers at once, for lists of what a person offers or holds: one read, no transaction (asked on every task list). */
	public Represented represented(UUID userId) {
		List<UUID[]> links = jdbc.sql("select practitioner_id, organization_id from account_link_directory where user_id = :u and status = 'ACTIVE'")
			.param("u", userId).query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
		return new Represented(links.stream().map(l -> l[0]).filter(java.util.Objects::nonNull).findFirst().orElse(null),
				links.stream().map(l -> l[1]).filter(java.util.Objects::nonNull).toList());
	}

	@Transactional(readOnly = true)
	public boolean actsFor(UUID userId, UUID organizationId) {
		return jdbc.sql("""
				select exists (select 1 from account_link_directory where user_id = :u and organization_id = :o and status = 'ACTIVE')""")
			.param("u", userId).param("o", organizationId).query(Boolean.class).single();
	}

	/** Whether the signed-in user is this professional. */
	public boolean isSelf(UUID practitionerId) {
		return access.current().map(u -> practitionerOf(u.id()).filter(practitionerId::equals).isPresent()).orElse(false);
	}

	/** Whether the signed-in user acts for this structure. */
	public boolean isStaff(UUID organizationId) {
		return access.current().map(u -> actsFor(u.id(), organizationId)).orElse(false);
	}

	// ---- the signed-in user

	@Transactional(readOnly = true)
	public Mine mine() {
		CurrentUser user = access.requireUser();
		List<Link> links = jdbc.sql("""
				select * from account_link_directory where user_id = :u and status in ('UNCONFIRMED', 'PENDING', 'ACTIVE') order by created_at""")
			.param("u", user.id()).query(AccountLinks::map).list();
		LinkView practitioner = null;
		LinkView claim = null;
		List<LinkView> organizations = new java.util.ArrayList<>();
		for (Link l : links) {
			LinkView v = view(l, user.displayName(), user.email());
			if (l.practitionerId() == null) {
				organizations.add(v);
			}
			else if (l.status() == Status.ACTIVE) {
				practitioner = v;
			}
			else {
				claim = v;
			}
		}
		audit.read("directory.link.read", "user", user.id().toString(), null, null);
		return new Mine(practitioner, claim, organizations);
	}

	/**
	 * Claims the directory entry of an RPPS number for the signed-in user, in one of their CPTS
	 * (whose coordinator approves). Sends the confirmation link.
	 */
	@Transactional
	public ClaimStarted claim(String rpps, @Nullable UUID cptsId) {
		CurrentUser user = access.requireUser();
		Problems problems = new Problems();
		String digits = rpps == null ? "" : rpps.replaceAll("\\s", "");
		if (digits.matches("8\\d{11}")) {
			digits = digits.substring(1);
		}
		UUID cpts = cptsId;
		if (cpts == null && user.roles().size() == 1) {
			cpts = user.roles().keySet().iterator().next();
		}
		if (cpts == null || !user.roles().containsKey(cpts)) {
			problems.reject("cptsId", user.roles().isEmpty() ? "directory.claim.noCpts" : "directory.claim.cptsRequired");
		}
		UUID practitionerId = null;
		if (!digits.matches("\\d{11}")) {
			problems.reject("rpps", "directory.claim.rpps.format");
		}
		else {
			practitionerId = jdbc.sql("select id from practitioner where national_id = :n").param("n", "8" + digits).query(UUID.class)
				.optional().orElse(null);
			if (practitionerId == null) {
				problems.reject("rpps", "directory.claim.rpps.unknown", digits);
			}
			else if (accountOf(practitionerId).isPresent()) {
				problems.reject("rpps", "directory.claim.taken");
			}
		}
		if (practitionerOf(user.id()).isPresent() || openClaim(user.id()).isPresent()) {
			problems.reject("rpps", "directory.claim.already");
		}
		problems.throwIfAny();
		DirectoryEmail found = directoryEmailOf(practitionerId);
		String directoryEmail = found == null ? null : found.address();
		ConfirmedVia via = directoryEmail == null ? ConfirmedVia.ACCOUNT : ConfirmedVia.DIRECTORY;
		String to = directoryEmail == null ? user.email() : directoryEmail;
		String secret = Secrets.newToken();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into account_link_directory (id, user_id, practitioner_id, cpts_id, status, origin, confirm_hash, confirm_email, confirm_via,
				  confirm_expires_at, created_by)
				values (:id, :u, :p, :c, 'UNCONFIRMED', 'CLAIM', :h, :e, :via, :exp, :u)""")
			.param("id", id).param("u", user.id()).param("p", practitionerId).param("c", cpts).param("h", Secrets.sha256(secret))
			.param("e", to).param("via", via.name())
			.param("exp", OffsetDateTime.now().plus(CONFIRMATION_VALIDITY)).update();
		audit.change("directory.link.claimed", "practitioner", practitionerId.toString(), cpts, via.name());
		String subject = messages.get("mail.claim.subject");
		String body = messages.get("mail.claim.body", user.displayName(), user.email(), practitionerLabel(practitionerId)[0],
				mail.url("/annuaire/rattachement/" + secret), Math.toIntExact(CONFIRMATION_VALIDITY.toHours()));
		boolean sent = found != null && found.mssante() ? mail.sendToMssante(to, subject, body)
				: mail.send(to, subject, body);
		return new ClaimStarted(id, to, via, sent);
	}

	/** What a confirmation link is about, without using it (the page asks for a click: mail scanners open links). */
	@Transactional(readOnly = true)
	public Optional<LinkView> confirmable(String secret) {
		return byConfirmation(secret).map(l -> view(l, "", ""));
	}

	/** Confirms a claim from its e-mailed link: it then waits for a coordinator. False when unknown, used or expired. */
	@Transactional
	public boolean confirm(String secret) {
		Optional<Link> link = byConfirmation(secret);
		if (link.isEmpty()) {
			return false;
		}
		int updated = jdbc.sql("""
				update account_link_directory set status = 'PENDING', confirmed_at = now(), confirm_hash = null
				where id = :id and status = 'UNCONFIRMED'""").param("id", link.get().id()).update();
		if (updated == 1) {
			Link l = link.get();
			audit.changeAs(l.userId(), l.confirmEmail() == null ? "?" : l.confirmEmail(), "directory.link.confirmed",
					"practitioner", String.valueOf(l.practitionerId()), l.cptsId(), null);
			if (l.cptsId() != null) {
				String entry = practitionerLabel(l.practitionerId())[0];
				notifications.send(accounts.holdersOf(l.cptsId(), fr.maillage.accounts.Role.COORDINATOR).stream()
					.map(c -> Notice.of(c, l.cptsId(), KIND, messages.get("directory.claim.notice.toReview.title"),
							messages.get("directory.claim.notice.toReview.body", entry), "/cpts/" + l.cptsId() + "/rattachements"))
					.toList());
			}
		}
		return updated == 1;
	}

	private Optional<Link> byConfirmation(String secret) {
		return jdbc.sql("""
				select * from account_link_directory where confirm_hash = :h and status = 'UNCONFIRMED' and confirm_expires_at > now()""")
			.param("h", Secrets.sha256(secret)).query(AccountLinks::map).optional();
	}

	/** Withdraws the signed-in user's open claim (to claim another entry, or after a typo). */
	@Transactional
	public void withdrawClaim() {
		CurrentUser user = access.requireUser();
		openClaim(user.id()).ifPresent(l -> {
			end(l.id(), Status.ENDED, null);
			audit.change("directory.link.withdrawn", "practitioner", String.valueOf(l.practitionerId()), l.cptsId(), null);
		});
	}

	private Optional<Link> openClaim(UUID userId) {
		return jdbc.sql("""
				select * from account_link_directory where user_id = :u and practitioner_id is not null and status in ('UNCONFIRMED', 'PENDING')""")
			.param("u", userId).query(AccountLinks::map).optional();
	}

	// ---- coordinators

	/** The confirmed claims waiting for a coordinator of this CPTS. */
	@Transactional(readOnly = true)
	public List<LinkView> pendingClaims(UUID cptsId) {
		access.requireCoordinator(cptsId);
		List<LinkView> claims = jdbc.sql("select * from account_link_directory where cpts_id = :c and status = 'PENDING' order by confirmed_at")
			.param("c", cptsId).query(AccountLinks::map).list().stream().map(l -> view(l, null, null)).toList();
		audit.read("directory.link.claims.read", "cpts", cptsId.toString(), cptsId, null);
		return claims;
	}

	/** The active links made in this CPTS (by its coordinators or approved by them). */
	@Transactional(readOnly = true)
	public List<LinkView> activeLinks(UUID cptsId) {
		access.requireCoordinator(cptsId);
		List<LinkView> links = jdbc.sql("select * from account_link_directory where cpts_id = :c and status = 'ACTIVE' order by created_at")
			.param("c", cptsId).query(AccountLinks::map).list().stream().map(l -> view(l, null, null)).toList();
		audit.read("directory.link.list.read", "cpts", cptsId.toString(), cptsId, null);
		return links;
	}

	@Transactional
	public void approve(UUID cptsId, UUID linkId) {
		access.requireCoordinator(cptsId);
		Link link = pending(cptsId, linkId);
		if (accountOf(link.practitionerId()).isPresent()) {
			throw Problems.rejected("decision", "directory.claim.taken");
		}
		jdbc.sql("update account_link_directory set status = 'ACTIVE', decided_by = :by, decided_at = now() where id = :id")
			.param("by", access.requireUser().id()).param("id", linkId).update();
		audit.change("directory.link.approved", "practitioner", link.practitionerId().toString(), cptsId, link.userId().toString());
		notifications.send(Notice.of(link.userId(), cptsId, KIND, messages.get("directory.claim.notice.approved.title"),
				messages.get("directory.claim.notice.approved.body", practitionerLabel(link.practitionerId())[0]), "/compte/annuaire"));
	}

	@Transactional
	public void refuse(UUID cptsId, UUID linkId, @Nullable String note) {
		access.requireCoordinator(cptsId);
		Link link = pending(cptsId, linkId);
		end(linkId, Status.REFUSED, note == null || note.isBlank() ? null : note.strip());
		audit.change("directory.link.refused", "practitioner", link.practitionerId().toString(), cptsId, link.userId().toString());
		notifications.send(Notice.of(link.userId(), cptsId, KIND, messages.get("directory.claim.notice.refused.title"),
				messages.get("directory.claim.notice.refused.body", practitionerLabel(link.practitionerId())[0],
						note == null || note.isBlank() ? "-" : note.strip()), "/compte/annuaire"));
	}

	private Link pending(UUID cptsId, UUID linkId) {
		return jdbc.sql("select * from account_link_directory where id = :id and cpts_id = :c and status = 'PENDING'")
			.param("id", linkId).param("c", cptsId).query(AccountLinks::map).optional().orElseThrow(NotFoundException::new);
	}

	/** The account linked to a professional, for the coordinators who may change it (empty for others). */
	@Transactional(readOnly = true)
	public Optional<LinkView> accountLinkOf(UUID practitionerId) {
		return activeFor("practitioner_id", practitionerId).stream().findFirst();
	}

	/** The accounts that act for a structure (ids only, to notify them). */
	@Transactional(readOnly = true)
	public List<UUID> staffAccounts(UUID organizationId) {
		return jdbc.sql("select user_id from account_link_directory where organization_id = :o and status = 'ACTIVE' order by created_at")
			.param("o", organizationId).query(UUID.class).list();
	}

	/** The people who act for a structure, as its staff or a coordinator sees them (empty for others). */
	@Transactional(readOnly = true)
	public List<LinkView> staffOf(UUID organizationId) {
		return activeFor("organization_id", organizationId);
	}

	private List<LinkView> activeFor(String column, UUID id) {
		CurrentUser user = access.requireUser();
		List<Link> links = jdbc.sql("select * from account_link_directory where " + column + " = :id and status = 'ACTIVE' order by created_at")
			.param("id", id).query(AccountLinks::map).list();
		boolean coordinator = user.isAdmin() || !user.auditableCpts().isEmpty();
		boolean insider = links.stream().anyMatch(l -> l.userId().equals(user.id()));
		if (!coordinator && !insider) {
			return List.of();
		}
		return links.stream().map(l -> view(l, null, null)).filter(v -> !v.personEmail().isEmpty()).toList();
	}

	/** A coordinator links an account of their CPTS (found by e-mail) to a professional. */
	@Transactional
	public UUID linkPractitioner(UUID practitionerId, String email) {
		search.byId(practitionerId).orElseThrow(NotFoundException::new);
		Accounts.Person person = linkable(email);
		Problems problems = new Problems();
		if (accountOf(practitionerId).isPresent()) {
			problems.reject("email", "directory.link.practitionerTaken");
		}
		if (practitionerOf(person.id()).isPresent()) {
			problems.reject("email", "directory.link.accountTaken", person.email());
		}
		problems.throwIfAny();
		// a claim the person left open is superseded by the coordinator's link
		openClaim(person.id()).ifPresent(l -> end(l.id(), Status.ENDED, null));
		UUID id = insertActive(person, practitionerId, null);
		audit.change("directory.link.created", "practitioner", practitionerId.toString(), cptsOfLink(person), person.id().toString());
		return id;
	}

	/** A coordinator adds an account of their CPTS to the people who act for a structure. */
	@Transactional
	public UUID addStaff(UUID organizationId, String email) {
		if (!jdbc.sql("select exists (select 1 from organization where id = :id)").param("id", organizationId).query(Boolean.class).single()) {
			throw new NotFoundException();
		}
		Accounts.Person person = linkable(email);
		if (actsFor(person.id(), organizationId)) {
			throw Problems.rejected("email", "directory.link.staffAlready", person.email());
		}
		UUID id = insertActive(person, null, organizationId);
		audit.change("directory.link.created", "organization", organizationId.toString(), cptsOfLink(person), person.id().toString());
		return id;
	}

	/** Ends an active link: a coordinator, an administrator, or the linked person themself. */
	@Transactional
	public void unlink(UUID linkId) {
		CurrentUser user = access.requireUser();
		Link link = jdbc.sql("select * from account_link_directory where id = :id and status = 'ACTIVE'").param("id", linkId)
			.query(AccountLinks::map).optional().orElseThrow(NotFoundException::new);
		if (!link.userId().equals(user.id()) && !mayLink(user, link.cptsId())) {
			throw new AccessDeniedException("coordinators only");
		}
		end(linkId, Status.ENDED, null);
		audit.change("directory.link.ended", link.practitionerId() != null ? "practitioner" : "organization",
				String.valueOf(link.practitionerId() != null ? link.practitionerId() : link.organizationId()), link.cptsId(),
				link.userId().toString());
	}

	private boolean mayLink(CurrentUser user, @Nullable UUID cptsId) {
		return user.isAdmin() || cptsId != null && user.coordinates(cptsId);
	}

	private Accounts.Person linkable(String email) {
		CurrentUser user = access.requireUser();
		if (!user.isAdmin() && user.auditableCpts().isEmpty()) {
			throw new AccessDeniedException("coordinators only");
		}
		if (email == null || email.isBlank()) {
			throw Problems.rejected("email", "directory.link.email.required");
		}
		return accounts.findPerson(email)
			.orElseThrow(() -> Problems.rejected("email", "directory.link.email.unknown", email.strip()));
	}

	/** The CPTS a link is made in: the first where the caller coordinates and the person holds a role. */
	private @Nullable UUID cptsOfLink(Accounts.Person person) {
		CurrentUser user = access.requireUser();
		return person.cpts().stream().filter(user::coordinates).sorted().findFirst().orElse(null);
	}

	private UUID insertActive(Accounts.Person person, @Nullable UUID practitionerId, @Nullable UUID organizationId) {
		UUID id = UUID.randomUUID();
		UUID by = access.requireUser().id();
		jdbc.sql("""
				insert into account_link_directory (id, user_id, practitioner_id, organization_id, cpts_id, status, origin, created_by, decided_by,
				  decided_at)
				values (:id, :u, :p, :o, :c, 'ACTIVE', 'COORDINATOR', :by, :by, now())""")
			.param("id", id).param("u", person.id()).param("p", practitionerId).param("o", organizationId).param("c", cptsOfLink(person))
			.param("by", by).update();
		return id;
	}

	private void end(UUID linkId, Status status, @Nullable String note) {
		jdbc.sql("""
				update account_link_directory set status = :s, decided_by = :by, decided_at = now(), decision_note = :n, confirm_hash = null
				where id = :id""")
			.param("s", status.name()).param("by", access.current().map(CurrentUser::id).orElse(null)).param("n", note).param("id", linkId)
			.update();
	}

	/** The address the directory knows for a professional, and whether it is their MSSanté one. */
	private record DirectoryEmail(String address, boolean mssante) {
	}

	/** The MSSanté address first, else that of an active practice site. */
	private @Nullable DirectoryEmail directoryEmailOf(UUID practitionerId) {
		return jdbc.sql("""
				select coalesce(p.mssante, (select a.email from practitioner_activity a where a.practitioner_id = p.id and a.active
				  and a.email is not null order by a.created_at limit 1)), p.mssante is not null
				from practitioner p where p.id = :id""").param("id", practitionerId)
			.query((rs, i) -> rs.getString(1) == null ? null : new DirectoryEmail(rs.getString(1), rs.getBoolean(2))).optional().orElse(null);
	}

	private LinkView view(Link l, @Nullable String name, @Nullable String email) {
		String personName = name;
		String personEmail = email;
		if (personName == null) {
			var person = accounts.person(l.userId());
			personName = person.map(Accounts.Person::displayName).orElse("");
			personEmail = person.map(Accounts.Person::email).orElse("");
		}
		String[] entry = l.practitionerId() != null ? practitionerLabel(l.practitionerId()) : jdbc.sql("""
				select name, commune_name from organization where id = :id""").param("id", l.organizationId())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		return new LinkView(l, personName, personEmail == null ? "" : personEmail, entry[0], entry[1]);
	}

	/** The name and the "profession – commune" of an entry, read without the directory's access check (the confirmation page is anonymous). */
	private String[] practitionerLabel(UUID practitionerId) {
		return jdbc.sql("""
				select concat_ws(' ', p.civility, p.last_name, p.first_name),
				  concat_ws(' – ', p.profession_label, (select a.commune_name from practitioner_activity a where a.practitioner_id = p.id and a.active
				    order by a.created_at limit 1))
				from practitioner p where p.id = :id""").param("id", practitionerId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
	}

	private static Link map(ResultSet rs, int row) throws SQLException {
		String via = rs.getString("confirm_via");
		var confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
		return new Link(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
				rs.getObject("organization_id", UUID.class), rs.getObject("cpts_id", UUID.class), Status.valueOf(rs.getString("status")),
				rs.getString("origin"), via == null ? null : ConfirmedVia.valueOf(via), rs.getString("confirm_email"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), confirmed == null ? null : confirmed.toInstant(),
				rs.getString("decision_note"));
	}
}
