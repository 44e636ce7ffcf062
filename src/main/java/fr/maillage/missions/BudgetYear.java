package fr.maillage.missions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A year's budget as the treasurer reads it: per mission, per category, planned against actual
 * (entered on lines, imported from the FEC, contributed by other modules), the difference and the
 * forecast to the year's end (actual plus the plan's share of the year still to come).
 */
public record BudgetYear(int year, boolean closed, List<MissionBudget> missions, Totals totals, @Nullable FecSummary fec) {

	public record Row(BudgetCategory category, long plannedCents, long enteredCents, long fecCents, long contributedCents, long forecastCents,
			List<BudgetLine> lines) {

		@JsonProperty
		public long actualCents() {
			return enteredCents + fecCents + contributedCents;
		}

		/** For an income: actual minus planned; for an expense: planned minus actual (negative: overspent). */
		@JsonProperty
		public long differenceCents() {
			return category.income() ? actualCents() - plannedCents : plannedCents - actualCents();
		}

		@JsonProperty
		public boolean overspent() {
			return !category.income() && actualCents() > plannedCents;
		}
	}

	public record MissionBudget(String mission, String label, List<Row> rows, Totals totals) {
	}

	public record Totals(long plannedIncomeCents, long actualIncomeCents, long plannedExpenseCents, long actualExpenseCents, long forecastIncomeCents,
			long forecastExpenseCents) {

		@JsonProperty
		public long plannedBalanceCents() {
			return plannedIncomeCents - plannedExpenseCents;
		}

		@JsonProperty
		public long actualBalanceCents() {
			return actualIncomeCents - actualExpenseCents;
		}

		@JsonProperty
		public long forecastBalanceCents() {
			return forecastIncomeCents - forecastExpenseCents;
		}

		static Totals of(List<Row> rows) {
			long pi = 0;
			long ai = 0;
			long pe = 0;
			long ae = 0;
			long fi = 0;
			long fe = 0;
			for (Row r : rows) {
				if (r.category().income()) {
					pi += r.plannedCents();
					ai += r.actualCents();
					fi += r.forecastCents();
				}
				else {
					pe += r.plannedCents();
					ae += r.actualCents();
					fe += r.forecastCents();
				}
			}
			return new Totals(pi, ai, pe, ae, fi, fe);
		}
	}

	/** The FEC imported for the year: which file, when, how many lines. */
	public record FecSummary(@Nullable String fileName, java.time.Instant importedAt, int lines) {
	}
}
