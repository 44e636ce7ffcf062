package fr.maillage.missions;

/** Where the accountant's entries go: an account (by prefix: "641" takes 6411, 6413…) or an analytic code, to a mission and a category. */
public record FecMapping(Kind kind, String code, String mission, BudgetCategory category) {

	public enum Kind {
		ACCOUNT, ANALYTIC
	}
}
