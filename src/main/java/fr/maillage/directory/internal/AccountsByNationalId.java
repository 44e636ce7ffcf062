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

	@Override
	public boolean known(String nationalId) {
		return jdbc.sql("select count(*) from practitioner where national_id = :n").param("n", nationalId).query(Long.class).single() > 0;
	}

	@Override
	@org.springframework.transaction.annotation.Transactional
	public void link(UUID userId, String nationalId) {
		jdbc.sql("""
				insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by)
				select :id, :u, p.id, 'ACTIVE', 'PSC', :u from practitioner p where p.national_id = :n
				and not exists (select 1 from account_link_directory l where l.practitioner_id = p.id and l.status = 'ACTIVE')
				and not exists (select 1 from account_link_directory l where l.user_id = :u and l.practitioner_id is not null and l.status = 'ACTIVE')""")
			.param("id", UUID.randomUUID()).param("u", userId).param("n", nationalId).update();
	}
}
