package fr.maillage.missions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the annual report for the dialogue de gestion says of a contract year: each mission with its
 * amounts, action sheets, indicators and variable part; the own missions; the proofs entered; the
 * budget of the calendar year the contract year mostly covers. Figures under statistical secrecy.
 */
public record ReportContent(String cptsName, Contract contract, int contractYear, LocalDate from, LocalDate to, List<MissionPart> missions,
		List<OwnPart> ownMissions, List<Evidence> evidence, BudgetYear budget, Instant generatedAt) {

	public record MissionPart(Mission mission, String label, long fixedCents, long variableCents, LocalDate startsOn, LocalDate fullyDeployedOn,
			List<ActionSheet> sheets, List<YearFigure> indicators, VariablePart.@Nullable Estimate estimate) {
	}

	public record OwnPart(OwnMission mission, List<ActionSheet> sheets) {
	}

	/** A value entered by hand with its proof. */
	public record Evidence(String indicator, LocalDate periodStart, String proofName, @Nullable String note) {
	}
}
