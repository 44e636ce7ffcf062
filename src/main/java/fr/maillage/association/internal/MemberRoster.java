package fr.maillage.association.internal;

import fr.maillage.association.Members;
import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.TeamRoster;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The association's active members are who may pilot or join the CPTS's action sheets. */
@Component
class MemberRoster implements TeamRoster {

	private final Members members;

	MemberRoster(Members members) {
		this.members = members;
	}

	@Override
	public List<ActionSheet.Person> members(UUID cptsId) {
		return members.list(cptsId, Members.Status.ACTIVE, null).stream()
			.map(m -> new ActionSheet.Person(m.id(), m.name(), m.profession())).toList();
	}
}
