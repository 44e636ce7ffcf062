package fr.maillage.accounts.internal;

import fr.maillage.accounts.Accounts.TokenView;
import fr.maillage.accounts.Accounts.UserView;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the accounts tables. */
@Repository
public class AccountStore {

	public record LinkRow(UUID id, String email, @Nullable UUID cptsId, @Nullable String role) {
	}

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean administratorExists() {
		return jdbc.sql("select exists (select 1 from user_account where admin and enabled)").query(Boolean.class).single();
	}

	public void lockAdministratorCreation() {
		jdbc.sql("select pg_advisory_xact_lock(4242001)").query().singleRow();
	}

	public void insertUser(UUID id, String email, String displayName, String passwordHash, boolean admin) {
		jdbc.sql("insert into user_account (id, email, display_name, password_hash, admin) values (:id, :email, :name, :hash, :admin)")
			.param("id", id).param("email", email).param("name", displayName).param("hash", passwordHash).param("admin", admin)
			.update();
	}

	public Optional<UUID> userIdByEmail(String email) {
		return jdbc.sql("select id from user_account where lower(email) = lower(:email)").param("email", email).query(UUID.class).optional();
	}

	public Optional<String> emailOf(UUID id) {
		return jdbc.sql("select email from user_account where id = :id").param("id", id).query(String.class).optional();
	}

	public Map<UUID, String> namesOf(java.util.Collection<UUID> ids) {
		Map<UUID, String> out = new HashMap<>();
		jdbc.sql("select id, display_name from user_account where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
			.query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return out;
	}

	public Map<UUID, String> emailsOf(java.util.Collection<UUID> ids) {
		Map<UUID, String> out = new HashMap<>();
		jdbc.sql("select id, email from user_account where id = any(:ids) and enabled").param("ids", ids.toArray(UUID[]::new))
			.query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return out;
	}

	/** A new password ends the sessions opened before it and revokes every API token of the person. */
	public void setPassword(UUID id, String hash) {
		jdbc.sql("update user_account set password_hash = :hash, credentials_changed_at = clock_timestamp() where id = :id")
			.param("hash", hash).param("id", id).update();
		jdbc.sql("update api_token set revoked_at = now() where user_id = :id and revoked_at is null").param("id", id).update();
		jdbc.sql("delete from trusted_device where user_id = :id").param("id", id).update();
	}

	public void setTotp(UUID id, @Nullable String secret, boolean enabled) {
		jdbc.sql("update user_account set totp_secret = :secret, totp_enabled = :enabled where id = :id")
			.param("secret", secret).param("enabled", enabled).param("id", id).update();
	}

	public Optional<String> passwordHashOf(UUID id) {
		return jdbc.sql("select password_hash from user_account where id = :id and password_hash is not null").param("id", id)
			.query(String.class).optional();
	}

	public Optional<String> totpSecret(String email) {
		return jdbc.sql("select totp_secret from user_account where lower(email) = lower(:email) and totp_enabled")
			.param("email", email).query(String.class).optional();
	}

	public Optional<CurrentUser> loadByEmail(String email) {
		return load("lower(u.email) = lower(:key)", email);
	}

	public Optional<CurrentUser> loadById(UUID id) {
		return load("u.id = :key", id);
	}

	private Optional<CurrentUser> load(String condition, Object key) {
		record Row(UUID id, String email, String name, @Nullable String hash, boolean admin, boolean enabled, boolean totp,
				java.time.Instant changed) {
		}
		Optional<Row> row = jdbc.sql("""
				select id, email, display_name, password_hash, admin, enabled, totp_enabled, credentials_changed_at
				from user_account u where""" + " " + condition)
			.param("key", key)
			.query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant()))
			.optional();
		return row.map(r -> new CurrentUser(r.id(), r.email(), r.name(), r.hash(), r.admin(), r.enabled(), r.totp(), rolesOf(r.id()),
				r.changed()));
	}

	private Map<UUID, Set<Role>> rolesOf(UUID userId) {
		Map<UUID, Set<Role>> roles = new HashMap<>();
		jdbc.sql("select cpts_id, role from cpts_role where user_id = :id").param("id", userId)
			.query((rs, i) -> roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
				.add(Role.valueOf(rs.getString(2))))
			.list();
		return roles;
	}

	public void grant(UUID userId, UUID cptsId, Role role) {
		jdbc.sql("insert into cpts_role (user_id, cpts_id, role) values (:u, :c, :r) on conflict do nothing")
			.param("u", userId).param("c", cptsId).param("r", role.name()).update();
	}

	public boolean tokenExists(byte[] hash) {
		return jdbc.sql("select exists (select 1 from api_token where token_hash = :h)").param("h", hash).query(Boolean.class).single();
	}

	public void insertToken(UUID id, UUID userId, String name, byte[] hash, java.time.Instant expiresAt, boolean viaCard) {
		jdbc.sql("insert into api_token (id, user_id, name, token_hash, expires_at, via_card) values (:id, :u, :n, :h, :e, :c)")
			.param("id", id).param("u", userId).param("n", name).param("h", hash).param("e", java.sql.Timestamp.from(expiresAt))
			.param("c", viaCard).update();
	}

	/** What a bearer token gives: its user, or nothing; {@code cardRequired}: a password's token, for a role its CPTS now keeps for the card. */
	public record TokenUse(Optional<CurrentUser> user, boolean cardRequired) {
	}

	/** The operator's token (MAILLAGE_ADMIN_TOKEN) is extended at each start while it is not revoked. */
	public void extendToken(byte[] hash, java.time.Instant expiresAt) {
		jdbc.sql("update api_token set expires_at = greatest(expires_at, :e) where token_hash = :h and revoked_at is null")
			.param("e", java.sql.Timestamp.from(expiresAt)).param("h", hash).update();
	}

	/**
	 * The user a live token belongs to, read with the token in one query; the token's last use is
	 * written at most once a minute (a write on every API call would cost each of them a round trip).
	 */
	public Optional<CurrentUser> userOfToken(byte[] hash) {
		return useOfToken(hash).user();
	}

	/**
	 * The same, read with whether the card is now required: a token obtained with a password (not in
	 * a Pro Santé Connect session, not a machine client's) whose holder has, in one of their CPTS, a
	 * role that CPTS keeps for the card gives nobody. Still one query.
	 */
	public TokenUse useOfToken(byte[] hash) {
		record Row(UUID id, String email, String name, @Nullable String hash, boolean admin, boolean enabled, boolean totp, boolean stale,
				boolean cardRequired) {
		}
		Optional<Row> row = jdbc.sql("""
				select u.id, u.email, u.display_name, u.password_hash, u.admin, u.enabled, u.totp_enabled,
				  t.last_used_at is null or t.last_used_at < now() - interval '1 minute',
				  not t.via_card and not exists (select 1 from api_client c where c.user_id = u.id)
				    and exists (select 1 from cpts_role r join cpts_login_policy p on p.cpts_id = r.cpts_id
				                where r.user_id = u.id and r.role = any(p.psc_required_roles))
				from api_token t join user_account u on u.id = t.user_id
				where t.token_hash = :h and t.revoked_at is null and t.expires_at > now() and u.enabled""")
			.param("h", hash)
			.query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)))
			.optional();
		if (row.isPresent() && row.get().cardRequired()) {
			return new TokenUse(Optional.empty(), true);
		}
		row.filter(Row::stale).ifPresent(r -> jdbc.sql("update api_token set last_used_at = now() where token_hash = :h").param("h", hash).update());
		return new TokenUse(row.map(r -> new CurrentUser(r.id(), r.email(), r.name(), r.hash(), r.admin(), r.enabled(), r.totp(), rolesOf(r.id()))),
				false);
	}

	public List<TokenView> tokensOf(UUID userId) {
		return jdbc.sql("""
				select id, name, created_at, last_used_at, expires_at from api_token
				where user_id = :u and revoked_at is null and expires_at > now() order by created_at desc""")
			.param("u", userId)
			.query((rs, i) -> new TokenView(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public boolean revokeToken(UUID userId, UUID tokenId) {
		return jdbc.sql("update api_token set revoked_at = now() where id = :id and user_id = :u and revoked_at is null")
			.param("id", tokenId).param("u", userId).update() == 1;
	}

	public void insertLink(UUID id, String kind, byte[] hash, String email, @Nullable UUID cptsId, @Nullable Role role,
			@Nullable UUID createdBy, Instant expiresAt) {
		jdbc.sql("""
				insert into account_link (id, kind, token_hash, email, cpts_id, role, created_by, expires_at)
				values (:id, :kind, :hash, :email, :cpts, :role, :by, :exp)""")
			.param("id", id).param("kind", kind).param("hash", hash).param("email", email).param("cpts", cptsId)
			.param("role", role == null ? null : role.name()).param("by", createdBy).param("exp", Timestamp.from(expiresAt))
			.update();
	}

	public Optional<LinkRow> validLink(byte[] hash, String kind) {
		return jdbc.sql("""
				select id, email, cpts_id, role from account_link
				where token_hash = :h and kind = :k and used_at is null and expires_at > now()""")
			.param("h", hash).param("k", kind)
			.query((rs, i) -> new LinkRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4)))
			.optional();
	}

	public boolean markLinkUsed(UUID id) {
		return jdbc.sql("update account_link set used_at = now() where id = :id and used_at is null").param("id", id).update() == 1;
	}

	public List<UserView> usersOf(UUID cptsId) {
		Map<UUID, UserView> users = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select u.id, u.email, u.display_name, u.admin, r.role from user_account u join cpts_role r on r.user_id = u.id
				where r.cpts_id = :c order by u.display_name, r.role""")
			.param("c", cptsId)
			.query((rs, i) -> {
				UUID id = rs.getObject(1, UUID.class);
				UserView v = users.computeIfAbsent(id, k -> {
					try {
						return new UserView(id, rs.getString(2), rs.getString(3), rs.getBoolean(4), new ArrayList<>());
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
				v.roles().add(Role.valueOf(rs.getString(5)));
				return v;
			}).list();
		return List.copyOf(users.values());
	}

	public List<UUID> holdersOf(UUID cptsId, Role role) {
		return jdbc.sql("select r.user_id from cpts_role r join user_account u on u.id = r.user_id where r.cpts_id = :c and r.role = :r and u.enabled")
			.param("c", cptsId).param("r", role.name()).query(UUID.class).list();
	}

	public List<UserView> allUsers() {
		return jdbc.sql("select id, email, display_name, admin from user_account order by display_name limit 1000")
			.query((rs, i) -> new UserView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4), List.of()))
			.list();
	}

	public int recentFailures(String key, int minutes) {
		return jdbc.sql("select count(*) from login_failure where key = :k and at > now() - make_interval(mins => :m)")
			.param("k", key).param("m", minutes).query(Integer.class).single();
	}

	public void recordFailure(String key) {
		jdbc.sql("insert into login_failure (key) values (:k)").param("k", key).update();
	}

	public void clearFailures(String key) {
		jdbc.sql("delete from login_failure where key = :k").param("k", key).update();
	}

	/** Forgets the failures on one account, from every address (an unlock by its owner). */
	public void clearFailuresOfEmail(String email) {
		jdbc.sql("delete from login_failure where key = :e or left(key, :n) = :p").param("e", "email:" + email)
			.param("n", ("email-ip:" + email + "|").length()).param("p", "email-ip:" + email + "|").update();
	}

	public void trustDevice(byte[] hash, UUID userId, java.time.Instant expiresAt) {
		jdbc.sql("insert into trusted_device (token_hash, user_id, expires_at) values (:h, :u, :e)")
			.param("h", hash).param("u", userId).param("e", java.sql.Timestamp.from(expiresAt)).update();
	}

	/** The account a browser was trusted for, while the trust lasts. */
	public Optional<UUID> trustedDeviceOwner(byte[] hash) {
		return jdbc.sql("select user_id from trusted_device where token_hash = :h and expires_at > now()").param("h", hash)
			.query(UUID.class).optional();
	}

	/** Unlock links sent to this e-mail lately: a handful an hour, so the form cannot flood a mailbox. */
	public int recentLinks(String email, String kind, int minutes) {
		return jdbc.sql("select count(*) from account_link where email = :e and kind = :k and created_at > now() - make_interval(mins => :m)")
			.param("e", email).param("k", kind).param("m", minutes).query(Integer.class).single();
	}

	static List<String> split(String s) {
		return Arrays.asList(s.split(","));
	}
}
