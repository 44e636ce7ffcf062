package fr.maillage.missions;

/** What a budget line is: an income (ACI parts, grants, fees) or an expense (salaries, compensation, events…). */
public enum BudgetCategory {
	ACI_FUNCTIONING(true), ACI_FIXED(true), ACI_VARIABLE(true), FIR(true), CALL_FOR_PROJECTS(true), FEES(true), OTHER_INCOME(true),
	SALARIES(false), COMPENSATION(false), EVENTS(false), TOOLS(false), RENT(false), OTHER_EXPENSE(false);

	private final boolean income;

	BudgetCategory(boolean income) {
		this.income = income;
	}

	public boolean income() {
		return income;
	}

	public String labelKey() {
		return "missions.budget.category." + name();
	}

	public static @org.jspecify.annotations.Nullable BudgetCategory parseOrNull(@org.jspecify.annotations.Nullable String s) {
		if (s == null) {
			return null;
		}
		try {
			return valueOf(s.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
