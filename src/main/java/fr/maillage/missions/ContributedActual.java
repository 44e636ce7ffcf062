package fr.maillage.missions;

/** An actual amount another module contributes to a year's budget. */
public record ContributedActual(String missionHint, BudgetCategory category, String label, long cents) {
}
