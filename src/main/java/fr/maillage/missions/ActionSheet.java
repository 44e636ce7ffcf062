package fr.maillage.missions;

import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fiche-action in the fields of the ARS template, for a calendar year and a mission (an ACI
 * mission's code or an own mission's id). It is written as a draft, validated (the version is
 * kept), run and closed; a validated or running sheet goes back to draft to be revised.
 */
public record ActionSheet(UUID id, UUID cptsId, int year, String mission, String title, @Nullable String context, @Nullable String objectives,
		@Nullable String targetPopulation, @Nullable String actions, @Nullable Person pilot, List<Person> team, List<Partner> partners,
		List<Milestone> milestones, List<UUID> indicatorIds, Status status, @Nullable UUID copiedFrom, int version) {

	public enum Status {
		DRAFT, VALIDATED, RUNNING, CLOSED;

		public String labelKey() {
			return "missions.sheet.status." + name();
		}
	}

	/** What can happen to a sheet, from the statuses it may start from to the one it leads to. */
	public enum Transition {
		VALIDATE(Status.VALIDATED, Status.DRAFT), START(Status.RUNNING, Status.VALIDATED), CLOSE(Status.CLOSED, Status.VALIDATED, Status.RUNNING),
		REVISE(Status.DRAFT, Status.VALIDATED, Status.RUNNING);

		private final Status to;
		private final List<Status> from;

		Transition(Status to, Status... from) {
			this.to = to;
			this.from = List.of(from);
		}

		public Status to() {
			return to;
		}

		public boolean allowedFrom(Status status) {
			return from.contains(status);
		}

		public String labelKey() {
			return "missions.sheet.transition." + name();
		}
	}

	/** A member of the association (the pilot or someone of the team), as named when the sheet was written. */
	public record Person(UUID memberId, String name, @Nullable String profession) {
	}

	/** A partner structure of the directory, as named when the sheet was written. */
	public record Partner(UUID organizationId, String name) {
	}

	public record Milestone(LocalDate due, String label, boolean done) {
	}

	public boolean editable() {
		return status == Status.DRAFT;
	}

	/** The transitions offered from the sheet's status. */
	public List<Transition> transitions() {
		return java.util.Arrays.stream(Transition.values()).filter(t -> t.allowedFrom(status)).toList();
	}

	/** The sheet after {@code t}; refuses a transition its status does not allow and a validation of an incomplete sheet. */
	public ActionSheet apply(Transition t) {
		if (!t.allowedFrom(status)) {
			throw Problems.rejected("status", "missions.sheet.transition.refused");
		}
		if (t == Transition.VALIDATE) {
			Problems problems = new Problems();
			if (blank(objectives)) {
				problems.reject("objectives", "missions.sheet.incomplete.objectives");
			}
			if (blank(actions)) {
				problems.reject("actions", "missions.sheet.incomplete.actions");
			}
			if (pilot == null) {
				problems.reject("pilotId", "missions.sheet.incomplete.pilot");
			}
			problems.throwIfAny();
		}
		return new ActionSheet(id, cptsId, year, mission, title, context, objectives, targetPopulation, actions, pilot, team, partners, milestones,
				indicatorIds, t.to(), copiedFrom, version);
	}

	/** A draft of this sheet for another year, milestones moved by as many years and not done. */
	public ActionSheet copyTo(int toYear) {
		int shift = toYear - year;
		return new ActionSheet(UUID.randomUUID(), cptsId, toYear, mission, title, context, objectives, targetPopulation, actions, pilot, team,
				partners, milestones.stream().map(m -> new Milestone(m.due().plusYears(shift), m.label(), false)).toList(), indicatorIds,
				Status.DRAFT, id, 0);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
