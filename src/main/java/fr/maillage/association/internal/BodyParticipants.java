package fr.maillage.association.internal;

import fr.maillage.association.Governance;
import fr.maillage.association.Members;
import fr.maillage.messaging.ParticipantSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The participants of a body's conversation (bureau, council, working group): the accounts of the
 * members who hold a mandate in it today, asked at every access, so a mandate that ends closes the
 * conversation at once.
 */
@Component
class BodyParticipants implements ParticipantSource {

	private final JdbcClient jdbc;
	private final Members members;

	BodyParticipants(JdbcClient jdbc, Members members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	@Override
	public String kind() {
		return Governance.CONVERSATION_KIND;
	}

	@Override
	public Set<UUID> participants(String ref) {
		UUID body;
		try {
			body = UUID.fromString(ref);
		} catch (IllegalArgumentException ex) {
			return Set.of();
		}
		List<UUID> sitting = jdbc.sql("""
				select m.member_id from mandate m join member x on x.id = m.member_id
				where m.body_id = :b and m.starts_on <= :today and (m.ends_on is null or m.ends_on >= :today) and x.status = 'ACTIVE'""")
			.param("b", body).param("today", LocalDate.now(fr.maillage.association.Board.PARIS)).query(UUID.class).list();
		Set<UUID> users = new HashSet<>();
		members.accountsOf(List.copyOf(members.byIds(sitting).values())).values().forEach(users::addAll);
		return users;
	}
}
