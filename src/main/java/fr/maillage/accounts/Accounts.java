package fr.maillage.accounts;

import fr.maillage.accounts.internal.AccountStore;
import fr.maillage.accounts.internal.AccountStore.LinkRow;
import fr.maillage.shared.Secrets;
import fr.maillage.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts facade: administrators, users, roles, tokens, invitations and password resets. */
@Service
public class Accounts {

	public static final int MIN_PASSWORD_LENGTH = 12;
	static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
	static final Duration RESET_VALIDITY = Duration.ofHours(2);

	public record TokenView(UUID id, String name, Instant createdAt, @Nullable Instant lastUsedAt, Instant expiresAt) {
	}

	public record UserView(UUID id, String email, String displayName, boolean admin, List<Role> roles) {
	}

	/** A one-time link to send by e-mail: the raw secret exists only here. */
	public record Link(UUID id, String secret, String email) {
	}

	public record PendingInvitation(String email, @Nullable UUID cptsId, @Nullable Role role) {
	}

	private final AccountStore store;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final CptsAccess access;

	Accounts(AccountStore store, PasswordEncoder passwords, AuditLog audit, CptsAccess access) {
		this.store = store;
		this.passwords = passwords;
		this.audit = audit;
		this.access = access;
	}

	public static boolean isAcceptablePassword(String password) {
		return password.length() >= MIN_PASSWORD_LENGTH && !password.isBlank();
	}

	public static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	@Transactional(readOnly = true)
	public boolean administratorExists() {
		return store.administratorExists();
	}

	/** Creates the first administrator; refuses once one exists (two browsers racing get one winner). */
	@Transactional
	public Optional<UUID> createFirstAdministrator(String email, String displayName, String password) {
		store.lockAdministratorCreation();
		if (store.administratorExists()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		store.insertUser(id, normalizeEmail(email), displayName.strip(), passwords.encode(password), true);
		audit.changeAs(id, normalizeEmail(email), "account.admin.created", "user", id.toString(), null, null);
		return Optional.of(id);
	}

	@Transactional(readOnly = true)
	public Optional<UUID> userIdByEmail(String email) {
		return store.userIdByEmail(normalizeEmail(email));
	}

	/** Registers a token string chosen by the operator (MAILLAGE_ADMIN_TOKEN); does nothing if it is already registered. */
	@Transactional
	public void registerToken(UUID userId, String name, String rawToken) {
		byte[] hash = Secrets.sha256(rawToken);
		Instant expires = Instant.now().plus(java.time.Duration.ofDays(MAX_TOKEN_DAYS));
		if (store.tokenExists(hash)) {
			store.extendToken(hash, expires);
			return;
		}
		UUID id = UUID.randomUUID();
		store.insertToken(id, userId, name, hash, expires, false);
		audit.changeAs(userId, "système", "account.token.registered", "api_token", id.toString(), null, name);
	}

	/** The longest life of an API token, and the default one. */
	public static final int MAX_TOKEN_DAYS = 365;
	public static final int DEFAULT_TOKEN_DAYS = 90;

	/** Creates an API token for the current user, valid {@code days} days (1 to 365); the raw value is shown once. */
	@Transactional
	public String issueToken(String name, int days, boolean viaCard) {
		CurrentUser user = access.requireUser();
		return issueToken(user.id(), name, days, viaCard);
	}

	/** {@code viaCard}: asked in a Pro Santé Connect session (it then outlives a rule that keeps the holder's role for the card). */
	@Transactional
	public String issueToken(UUID userId, String name, int days, boolean viaCard) {
		if (days < 1 || days > MAX_TOKEN_DAYS) {
			throw fr.maillage.platform.Problems.rejected("expiresInDays", "account.token.days", MAX_TOKEN_DAYS);
		}
		String raw = Secrets.newToken();
		UUID id = UUID.randomUUID();
		store.insertToken(id, userId, name.isBlank() ? "jeton" : name.strip(), Secrets.sha256(raw),
				Instant.now().plus(java.time.Duration.ofDays(days)), viaCard);
		audit.changeAs(userId, store.emailOf(userId).orElse("?"), "account.token.created", "api_token", id.toString(), null, name);
		return raw;
	}

	@Transactional(readOnly = true)
	public List<TokenView> myTokens() {
		return store.tokensOf(access.requireUser().id());
	}

	@Transactional
	public boolean revokeToken(UUID tokenId) {
		CurrentUser user = access.requireUser();
		boolean revoked = store.revokeToken(user.id(), tokenId);
		if (revoked) {
			audit.change("account.token.revoked", "api_token", tokenId.toString(), null, null);
		}
		return revoked;
	}

	/** Creates an account with a password chosen by an administrator (demo data, scripts); empty if the e-mail is taken. */
	@Transactional
	public Optional<UUID> createUser(String email, String displayName, String password) {
		access.requireAdmin();
		if (store.userIdByEmail(normalizeEmail(email)).isPresent()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		store.insertUser(id, normalizeEmail(email), displayName.strip(), passwords.encode(password), false);
		audit.change("account.user.created", "user", id.toString(), null, normalizeEmail(email));
		return Optional.of(id);
	}

	/** Signs in a user for work done by the application itself on their behalf (demo seeding). */
	public void runAs(UUID userId, Runnable work) {
		var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
		CurrentUser user = store.loadById(userId).orElseThrow();
		user.eraseCredentials();
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(user, null, user.getAuthorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
		}
	}

	/** Grants a role in a CPTS to an existing user. */
	@Transactional
	public void grant(UUID userId, UUID cptsId, Role role) {
		access.requireCoordinator(cptsId);
		store.grant(userId, cptsId, role);
		audit.change("account.role.granted", "user", userId.toString(), cptsId, role.name());
	}

	/** Invites someone to a CPTS with a role; the caller sends the link. Coordinators invite into their CPTS. */
	@Transactional
	public Link invite(String email, UUID cptsId, Role role) {
		CurrentUser user = access.requireCoordinator(cptsId);
		String secret = Secrets.newToken();
		UUID id = UUID.randomUUID();
		store.insertLink(id, "INVITATION", Secrets.sha256(secret), normalizeEmail(email), cptsId, role, user.id(),
				Instant.now().plus(INVITATION_VALIDITY));
		audit.change("account.invitation.sent", "invitation", id.toString(), cptsId, normalizeEmail(email) + " " + role.name());
		return new Link(id, secret, normalizeEmail(email));
	}

	@Transactional(readOnly = true)
	public Optional<PendingInvitation> pendingInvitation(String secret) {
		return store.validLink(Secrets.sha256(secret), "INVITATION")
			.map(l -> new PendingInvitation(l.email(), l.cptsId(), l.role() == null ? null : Role.valueOf(l.role())));
	}

	/**
	 * Accepts an invitation: creates the account (or adds the role to an existing one) and sets
	 * the password. Returns empty when the link is unknown, used or expired.
	 */
	@Transactional
	public Optional<UUID> acceptInvitation(String secret, String displayName, String password) {
		return accept(secret, displayName, passwords.encode(password), null);
	}

	/**
	 * Accepts an invitation with the Pro Santé Connect card instead of a password: the account is
	 * created without a usable password (or the role added to an existing one, its password kept).
	 */
	@Transactional
	public Optional<UUID> acceptInvitationWithCard(String secret, String displayName) {
		return accept(secret, displayName, null, "Pro Santé Connect");
	}

	/** {@code passwordHash} null: a new account gets an unusable one, an existing one keeps its own. */
	private Optional<UUID> accept(String secret, String displayName, @Nullable String passwordHash, @Nullable String how) {
		Optional<LinkRow> link = store.validLink(Secrets.sha256(secret), "INVITATION");
		if (link.isEmpty() || !store.markLinkUsed(link.get().id())) {
			return Optional.empty();
		}
		LinkRow l = link.get();
		UUID userId = store.userIdByEmail(l.email()).orElse(null);
		if (userId == null) {
			userId = UUID.randomUUID();
			store.insertUser(userId, l.email(), displayName.strip(), passwordHash != null ? passwordHash : passwords.encode(Secrets.newToken()), false);
		}
		else if (passwordHash != null) {
			store.setPassword(userId, passwordHash);
		}
		if (l.cptsId() != null && l.role() != null) {
			store.grant(userId, l.cptsId(), Role.valueOf(l.role()));
		}
		String details = how == null ? l.role() : (l.role() == null ? "" : l.role() + " ") + how;
		audit.changeAs(userId, l.email(), "account.invitation.accepted", "user", userId.toString(), l.cptsId(), details);
		return Optional.of(userId);
	}

	/** Starts a password reset; returns the link to send, or empty when no such account (the caller answers the same). */
	@Transactional
	public Optional<Link> requestPasswordReset(String email) {
		Optional<UUID> userId = store.userIdByEmail(normalizeEmail(email));
		if (userId.isEmpty()) {
			return Optional.empty();
		}
		String secret = Secrets.newToken();
		UUID id = UUID.randomUUID();
		store.insertLink(id, "PASSWORD_RESET", Secrets.sha256(secret), normalizeEmail(email), null, null, null,
				Instant.now().plus(RESET_VALIDITY));
		audit.changeAs(userId.get(), normalizeEmail(email), "account.password.resetRequested", "user", userId.get().toString(), null, null);
		return Optional.of(new Link(id, secret, normalizeEmail(email)));
	}

	@Transactional
	public boolean resetPassword(String secret, String password) {
		Optional<LinkRow> link = store.validLink(Secrets.sha256(secret), "PASSWORD_RESET");
		if (link.isEmpty() || !store.markLinkUsed(link.get().id())) {
			return false;
		}
		UUID userId = store.userIdByEmail(link.get().email()).orElseThrow();
		store.setPassword(userId, passwords.encode(password));
		audit.changeAs(userId, link.get().email(), "account.password.reset", "user", userId.toString(), null, null);
		return true;
	}

	/** The people of a CPTS (names, e-mails: personal data, so the read is audited first). */
	@Transactional(readOnly = true)
	public List<UserView> usersOf(UUID cptsId) {
		access.requireMember(cptsId);
		audit.read("account.users.read", "cpts", cptsId.toString(), cptsId, null);
		return store.usersOf(cptsId);
	}

	@Transactional(readOnly = true)
	public List<UserView> allUsers() {
		access.requireAdmin();
		audit.read("account.users.read", "user", null, null, "tous");
		return store.allUsers();
	}

	/** The accounts holding a role in a CPTS (ids only: whom to notify, not for display). */
	@Transactional(readOnly = true)
	public List<UUID> holdersOf(UUID cptsId, Role role) {
		return store.holdersOf(cptsId, role);
	}

	/** The e-mail addresses of many accounts at once (no access check: for delivery, not display). */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> deliveryAddresses(java.util.Collection<UUID> userIds) {
		return store.emailsOf(userIds);
	}

	/** The names of accounts, as their correspondents see them (no e-mail, no roles). */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> userIds) {
		return store.namesOf(userIds);
	}

	/** A person as another module shows them: name and e-mail, and the CPTS where they hold a role. */
	public record Person(UUID id, String email, String displayName, java.util.Set<UUID> cpts) {
	}

	/**
	 * Finds an account by e-mail for someone who may link it to something: the user themself, an
	 * administrator, or a coordinator of a CPTS where the account holds a role. Empty otherwise, as
	 * when there is no such account (nothing tells a coordinator that an outsider's e-mail exists).
	 */
	@Transactional(readOnly = true)
	public Optional<Person> findPerson(String email) {
		CurrentUser caller = access.requireUser();
		Optional<Person> person = store.loadByEmail(normalizeEmail(email)).map(Accounts::person).filter(p -> visibleTo(caller, p));
		person.ifPresent(p -> audit.read("account.user.read", "user", p.id().toString(), null, null));
		return person;
	}

	/** The same, by id, for pages that show who is linked to what. */
	@Transactional(readOnly = true)
	public Optional<Person> person(UUID userId) {
		CurrentUser caller = access.requireUser();
		Optional<Person> person = store.loadById(userId).map(Accounts::person).filter(p -> visibleTo(caller, p));
		person.ifPresent(p -> audit.read("account.user.read", "user", p.id().toString(), null, null));
		return person;
	}

	private static Person person(CurrentUser u) {
		return new Person(u.id(), u.email(), u.displayName(), java.util.Set.copyOf(u.roles().keySet()));
	}

	private static boolean visibleTo(CurrentUser caller, Person p) {
		return caller.isAdmin() || caller.id().equals(p.id()) || p.cpts().stream().anyMatch(caller::coordinates);
	}

	/** Turns on the second factor once the user proved they hold the secret. */
	@Transactional
	public void enableTotp(String secret) {
		CurrentUser user = access.requireUser();
		store.setTotp(user.id(), secret, true);
		audit.change("account.totp.enabled", "user", user.id().toString(), null, null);
	}

	@Transactional
	public void disableTotp() {
		CurrentUser user = access.requireUser();
		store.setTotp(user.id(), null, false);
		audit.change("account.totp.disabled", "user", user.id().toString(), null, null);
	}

	public void requireNotSelfEscalation(UUID userId) {
		if (access.current().map(u -> u.id().equals(userId) && !u.isAdmin()).orElse(false)) {
			throw new AccessDeniedException("cannot change one's own roles");
		}
	}
}
