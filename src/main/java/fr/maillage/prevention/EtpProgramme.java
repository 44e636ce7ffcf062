package fr.maillage.prevention;

import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A therapeutic education programme (ETP) run in the CPTS: its ARS authorisation (number and
 * dates, four years as a rule), the disease it addresses, its team, and the care pathway its
 * participants follow (initial educational assessment, collective workshops, individual sessions,
 * final evaluation). Patients are enrolled only while it is active and authorised.
 */
public record EtpProgramme(UUID id, UUID cptsId, String title, String disease, @Nullable String arsAuthorisation, LocalDate authorisedFrom,
		LocalDate authorisedUntil, @Nullable String description, UUID templateId, Status status, List<TeamMember> team) {

	/** The keys of the steps of a programme's pathway, by which attendance and counts find them. */
	public static final String STEP_ASSESSMENT = "bep";
	public static final String STEP_WORKSHOP = "atelier";
	public static final String STEP_INDIVIDUAL = "individuel";
	public static final String STEP_EVALUATION = "evaluation";

	public enum Status {
		ACTIVE, SUSPENDED, ENDED;

		public String labelKey() {
			return "prevention.etp.status." + name();
		}
	}

	public record TeamMember(UUID practitionerId, String name) {
	}

	/** Refuses to enrol a patient when the programme is suspended, ended, or outside its authorisation. */
	public void checkEnrolling(LocalDate on) {
		if (status != Status.ACTIVE) {
			throw Problems.rejected("programme", "prevention.etp.notActive");
		}
		if (on.isBefore(authorisedFrom) || on.isAfter(authorisedUntil)) {
			throw Problems.rejected("startDate", "prevention.etp.outsideAuthorisation", authorisedFrom, authorisedUntil);
		}
	}

	/** Suspended and active alternate; an ended programme stays ended (its participants' pathways run on). */
	public EtpProgramme moveTo(Status next) {
		boolean allowed = switch (status) {
			case ACTIVE -> next == Status.SUSPENDED || next == Status.ENDED;
			case SUSPENDED -> next == Status.ACTIVE || next == Status.ENDED;
			case ENDED -> false;
		};
		if (!allowed) {
			throw Problems.rejected("status", "prevention.etp.transition");
		}
		return new EtpProgramme(id, cptsId, title, disease, arsAuthorisation, authorisedFrom, authorisedUntil, description, templateId, next, team);
	}

	public boolean inTeam(@Nullable UUID practitionerId) {
		return practitionerId != null && team.stream().anyMatch(m -> m.practitionerId().equals(practitionerId));
	}
}
