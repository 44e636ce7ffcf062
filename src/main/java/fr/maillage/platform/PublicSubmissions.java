package fr.maillage.platform;

import fr.maillage.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anti-abuse for public forms without a third-party captcha: at most {@code limit} submissions per
 * address and per hour within a scope (a form of a CPTS, an event), counted in the database so
 * that every node agrees; addresses are kept hashed, for a day.
 */
@Service
public class PublicSubmissions {

	private final JdbcClient jdbc;

	PublicSubmissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts one submission from this address in this scope and answers whether it is within the limit. */
	@Transactional
	public boolean allow(String scope, String address, int limit) {
		byte[] hash = Secrets.sha256(scope + "|" + address);
		jdbc.sql("select pg_advisory_xact_lock(hashtext(encode(:h, 'hex')))").param("h", hash).query().singleRow();
		long recent = jdbc.sql("select count(*) from public_submission where scope = :s and address_hash = :h and at > now() - interval '1 hour'")
			.param("s", scope).param("h", hash).query(Long.class).single();
		if (recent >= limit) {
			return false;
		}
		jdbc.sql("insert into public_submission (scope, address_hash) values (:s, :h)").param("s", scope).param("h", hash).update();
		jdbc.sql("delete from public_submission where scope = :s and at < now() - interval '1 day'").param("s", scope).update();
		return true;
	}
}
