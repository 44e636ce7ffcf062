package fr.maillage.missions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line of a year's budget: its mission ("FUNCTIONING", an ACI mission's code or an own
 * mission's id), optionally the action sheet it funds, what it is, planned and actual in cents.
 */
public record BudgetLine(UUID id, UUID cptsId, int year, String mission, @Nullable UUID sheetId, BudgetCategory category, String label,
		long plannedCents, long actualCents) {
}
