package fr.maillage.pathways.internal;

import fr.maillage.directory.AccountLinks;
import fr.maillage.messaging.ParticipantSource;
import fr.maillage.pathways.Enrolments;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The participants of a care circle's conversation: the accounts of its current members (the
 * professionals themselves, the staff of member structures), asked at every access, so that
 * leaving the circle closes the conversation at once. Coordinators are not in it.
 */
@Component
class CircleParticipants implements ParticipantSource {

	private final JdbcClient jdbc;
	private final AccountLinks links;

	CircleParticipants(JdbcClient jdbc, AccountLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	@Override
	public String kind() {
		return Enrolments.CONVERSATION_KIND;
	}

	@Override
	public boolean aboutPatients() {
		return true;
	}

	@Override
	public Set<UUID> participants(String ref) {
		UUID enrolment;
		try {
			enrolment = UUID.fromString(ref);
		} catch (IllegalArgumentException ex) {
			return Set.of();
		}
		List<UUID> entries = jdbc.sql("""
				select coalesce(m.practitioner_id, m.organization_id) from pathway_circle_member m join pathway_enrolment e on e.id = m.enrolment_id
				where m.enrolment_id = :e and m.removed_at is null and e.status = 'ACTIVE'""").param("e", enrolment).query(UUID.class).list();
		Set<UUID> users = new HashSet<>();
		links.accountsOf(entries).values().forEach(users::addAll);
		return users;
	}
}
