package fr.maillage.missions;

import java.util.List;
import java.util.UUID;

/**
 * Who may pilot or join an action sheet: the association's active members, as the module that
 * keeps them says (implemented there, so this module never reads its tables).
 */
public interface TeamRoster {

	List<ActionSheet.Person> members(UUID cptsId);
}
