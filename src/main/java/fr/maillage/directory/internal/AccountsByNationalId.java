package fr.maillage.directory.internal;

import fr.maillage.accounts.NationalIdentities;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account actively linked to the professional with a national id (for a Pro Santé Connect login). */
@Component
class AccountsByNationalId implements NationalIdentities {

	private final JdbcClient jdbc;

	AccountsByNationalId(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<UUID> accountOf(String nationalId) {
		return jdbc.sql("""
				select l.user_id from account_link_directory l join practitioner p on p.id = l.practitioner_id
				where p.national_id = :n and l.status = 'ACTIVE' order by l.created_at limit 1""")
			.param("n", nationalId).query(UUID.class).optional();
	}
}
