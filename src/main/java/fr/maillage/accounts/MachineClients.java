package fr.maillage.accounts;

import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Secrets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients of the APIs (the SAS platform, a practice software), OAuth2 client credentials:
 * a coordinator registers one for their CPTS and sees its secret once; the client exchanges its id
 * and secret for a bearer token valid {@link #TOKEN_LIFETIME}. A client acts as a member of its
 * CPTS without a place in the directory, so it reads the directory and the CPTS's slots and books,
 * never a patient's pathway. Revoking a client ends its tokens at once.
 */
@Service
public class MachineClients {

	public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	public record Client(UUID id, String name, String clientId, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	/** A new client with its secret, shown once. */
	public record Created(Client client, String secret) {
	}

	public record IssuedToken(String accessToken, long expiresIn) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;

	MachineClients(JdbcClient jdbc, CptsAccess access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	@Transactional
	public Created create(UUID cptsId, @Nullable String name) {
		CurrentUser user = access.requireCoordinator(cptsId);
		if (name == null || name.isBlank()) {
			throw Problems.rejected("name", "clients.name.required");
		}
		if (name.strip().length() > 100) {
			throw Problems.rejected("name", "clients.name.tooLong", 100);
		}
		UUID id = UUID.randomUUID();
		UUID account = UUID.randomUUID();
		String clientId = "maillage-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		String secret = Secrets.newToken();
		jdbc.sql("insert into user_account (id, email, display_name) values (:id, :email, :name)").param("id", account)
			.param("email", clientId + "@clients.maillage.invalid").param("name", name.strip()).update();
		jdbc.sql("insert into cpts_role (user_id, cpts_id, role) values (:u, :c, 'MEMBER')").param("u", account).param("c", cptsId).update();
		jdbc.sql("""
				insert into api_client (id, cpts_id, name, client_id, secret_hash, user_id, created_by)
				values (:id, :c, :name, :clientId, :hash, :u, :by)""")
			.param("id", id).param("c", cptsId).param("name", name.strip()).param("clientId", clientId).param("hash", Secrets.sha256(secret))
			.param("u", account).param("by", user.id()).update();
		audit.change("account.client.create", "api_client", id.toString(), cptsId, name.strip() + " (" + clientId + ")");
		return new Created(get(id), secret);
	}

	@Transactional(readOnly = true)
	public List<Client> of(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return jdbc.sql("select * from api_client where cpts_id = :c order by revoked_at is not null, created_at desc").param("c", cptsId)
			.query((rs, n) -> client(rs)).list();
	}

	/** Revokes a client: its account is disabled, so its tokens stop working now. */
	@Transactional
	public void revoke(UUID cptsId, UUID clientId) {
		access.requireCoordinator(cptsId);
		UUID account = jdbc.sql("select user_id from api_client where id = :id and cpts_id = :c and revoked_at is null").param("id", clientId)
			.param("c", cptsId).query(UUID.class).optional().orElseThrow(CptsAccess.NotVisibleException::new);
		jdbc.sql("update api_client set revoked_at = now() where id = :id").param("id", clientId).update();
		jdbc.sql("update user_account set enabled = false where id = :u").param("u", account).update();
		jdbc.sql("update api_token set revoked_at = now() where user_id = :u and revoked_at is null").param("u", account).update();
		audit.change("account.client.revoke", "api_client", clientId.toString(), cptsId, null);
	}

	/** The client credentials grant: a token for a known, unrevoked client whose secret matches; empty otherwise. */
	@Transactional
	public Optional<IssuedToken> token(@Nullable String clientId, @Nullable String secret) {
		if (clientId == null || secret == null) {
			return Optional.empty();
		}
		record Row(UUID id, UUID cpts, UUID user, byte[] hash) {
		}
		Optional<Row> row = jdbc.sql("select id, cpts_id, user_id, secret_hash from api_client where client_id = :c and revoked_at is null")
			.param("c", clientId).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					rs.getBytes(4))).optional();
		if (row.isEmpty() || !MessageDigest.isEqual(row.get().hash(), Secrets.sha256(secret))) {
			return Optional.empty();
		}
		String raw = Secrets.newToken();
		UUID tokenId = UUID.randomUUID();
		jdbc.sql("insert into api_token (id, user_id, name, token_hash, expires_at) values (:id, :u, 'client_credentials', :h, :e)")
			.param("id", tokenId).param("u", row.get().user()).param("h", Secrets.sha256(raw))
			.param("e", java.sql.Timestamp.from(Instant.now().plus(TOKEN_LIFETIME))).update();
		jdbc.sql("update api_client set last_used_at = now() where id = :id").param("id", row.get().id()).update();
		audit.changeAs(row.get().user(), clientId, "account.client.token", "api_token", tokenId.toString(), row.get().cpts(), null);
		return Optional.of(new IssuedToken(raw, TOKEN_LIFETIME.toSeconds()));
	}

	private Client get(UUID id) {
		return jdbc.sql("select * from api_client where id = :id").param("id", id).query((rs, n) -> client(rs)).single();
	}

	private static Client client(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Client(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("client_id"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
				rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
	}
}
