package fr.maillage.missions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget line as written (amounts in cents; the pages read euros as people type them). */
public record BudgetLineForm(@Nullable Integer year, @Nullable String mission, @Nullable UUID sheetId, @Nullable String category,
		@Nullable String label, @Nullable Long plannedCents, @Nullable Long actualCents) {
}
