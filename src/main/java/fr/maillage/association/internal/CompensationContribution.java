package fr.maillage.association.internal;

import fr.maillage.association.Compensation;
import fr.maillage.missions.BudgetCategory;
import fr.maillage.missions.BudgetContribution;
import fr.maillage.missions.ContributedActual;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The compensation of professionals for the meetings they attended is an actual expense of the budget, per mission. */
@Component
class CompensationContribution implements BudgetContribution {

	private final Compensation compensation;

	CompensationContribution(Compensation compensation) {
		this.compensation = compensation;
	}

	@Override
	public List<ContributedActual> actuals(UUID cptsId, int year) {
		return compensation.totalsByMission(cptsId, year).entrySet().stream()
			.map(e -> new ContributedActual(e.getKey(), BudgetCategory.COMPENSATION, e.getKey(), e.getValue())).toList();
	}
}
