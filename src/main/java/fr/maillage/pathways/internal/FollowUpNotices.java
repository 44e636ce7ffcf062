package fr.maillage.pathways.internal;

import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.pathways.FollowUp;
import fr.maillage.platform.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the members of the care circles whose patients live in a crisis's area to take news of
 * them: one notification each, with how many of their patients, never a name; each finds them in
 * their own pathways (they are in the circle).
 */
@Component
class FollowUpNotices {

	static final String KIND = "pathways.followup";

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final Notifications notifications;
	private final Messages messages;

	FollowUpNotices(JdbcClient jdbc, AccountLinks links, Notifications notifications, Messages messages) {
		this.jdbc = jdbc;
		this.links = links;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(FollowUp.Asked asked) {
		Map<UUID, Set<UUID>> enrolmentsOf = new HashMap<>(); // circle entry → enrolments in the area
		jdbc.sql("""
				select coalesce(m.practitioner_id, m.organization_id), e.id
				from pathway_enrolment e join patient p on p.id = e.patient_id
				join pathway_circle_member m on m.enrolment_id = e.id and m.removed_at is null
				where e.cpts_id = :c and e.status = 'ACTIVE'
				  and (cardinality(cast(:area as text[])) = 0 or p.commune_code = any(cast(:area as text[])))""")
			.param("c", asked.cptsId()).param("area", asked.communes().toArray(String[]::new))
			.query(rs -> {
				enrolmentsOf.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
			});
		Map<UUID, Set<UUID>> patientsOfUser = new HashMap<>();
		links.accountsOf(enrolmentsOf.keySet()).forEach((entry, users) -> users
			.forEach(u -> patientsOfUser.computeIfAbsent(u, k -> new HashSet<>()).addAll(enrolmentsOf.get(entry))));
		List<Notice> notices = new ArrayList<>();
		patientsOfUser.forEach((user, enrolments) -> notices.add(new Notice(user, asked.cptsId(), KIND,
				messages.get("pathways.followup.title", asked.label()), messages.get("pathways.followup.body", enrolments.size(), asked.message()),
				"/cpts/" + asked.cptsId() + "/parcours", true).concerningAPatient()));
		notifications.send(notices);
	}
}
