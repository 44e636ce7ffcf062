package fr.maillage.gpaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anti-abuse for the public request form without a third-party captcha: at most
 * {@code maillage.gp-access.public-limit} submissions per address and per hour, counted in the
 * database so that every node agrees; addresses are kept hashed, for a day.
 */
@Service
public class PublicSubmissions {

	private final JdbcClient jdbc;
	private final int limit;

	PublicSubmissions(JdbcClient jdbc, @Value("${maillage.gp-access.public-limit:10}") int limit) {
		this.jdbc = jdbc;
		this.limit = limit;
	}

	public int limit() {
		return limit;
	}

	/** Counts one submission from this address and answers whether it is within the limit. */
	@Transactional
	public boolean allow(UUID cptsId, String address) {
		byte[] hash = hash(cptsId + "|" + address);
		jdbc.sql("select pg_advisory_xact_lock(hashtext(encode(:h, 'hex')))").param("h", hash).query().singleRow();
		long recent = jdbc.sql("select count(*) from gp_public_submission where address_hash = :h and at > now() - interval '1 hour'")
			.param("h", hash).query(Long.class).single();
		if (recent >= limit) {
			return false;
		}
		jdbc.sql("insert into gp_public_submission (address_hash) values (:h)").param("h", hash).update();
		jdbc.sql("delete from gp_public_submission where at < now() - interval '1 day'").update();
		return true;
	}

	private static byte[] hash(String s) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
