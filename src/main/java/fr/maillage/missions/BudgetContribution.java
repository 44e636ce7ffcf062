package fr.maillage.missions;

import java.util.List;
import java.util.UUID;

/**
 * What another module already knows of a year's actual income or expenses (the association's
 * compensation of professionals for meetings, say), so that no one types it twice.
 * {@code missionHint} is what that module calls the mission: a code, a label or an own mission's title.
 */
public interface BudgetContribution {

	List<ContributedActual> actuals(UUID cptsId, int year);
}
