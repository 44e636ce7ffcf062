package fr.maillage.missions.web;

import fr.maillage.missions.BudgetLine;
import fr.maillage.missions.BudgetLineForm;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Euros;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget line as the page sends it, amounts in euros as typed, kept when the page comes back with errors. */
public record BudgetPageForm(@Nullable String year, @Nullable String mission, @Nullable String sheetId, @Nullable String category,
		@Nullable String label, @Nullable String planned, @Nullable String actual) {

	static BudgetPageForm empty(int year) {
		return new BudgetPageForm(Integer.toString(year), "FUNCTIONING", "", "", "", "", "");
	}

	static BudgetPageForm of(BudgetLine l) {
		return new BudgetPageForm(Integer.toString(l.year()), l.mission(), l.sheetId() == null ? "" : l.sheetId().toString(), l.category().name(),
				l.label(), Euros.plain(l.plannedCents()), Euros.plain(l.actualCents()));
	}

	BudgetLineForm read() {
		Problems problems = new Problems();
		Integer y = ContractForms.number(year, "year", problems);
		Long p = ContractForms.euros(planned, "planned", problems);
		Long a = ContractForms.euros(actual, "actual", problems);
		UUID sheet = null;
		if (sheetId != null && !sheetId.isBlank()) {
			try {
				sheet = UUID.fromString(sheetId.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.reject("sheetId", "missions.budget.sheetUnknown");
			}
		}
		problems.throwIfAny();
		return new BudgetLineForm(y, mission, sheet, category, label, p, a);
	}
}
