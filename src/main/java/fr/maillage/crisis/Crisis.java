package fr.maillage.crisis;

import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A crisis the plan was activated for, or an exercise that goes through the same steps and says
 * so everywhere: its kind, level (1 to 3), area (communes; none is the whole territory), the plan's
 * version it runs on. Closed once, with its lessons-learned review.
 */
public record Crisis(UUID id, UUID cptsId, CrisisKind kind, int level, boolean exercise, String title, List<String> areaCommunes, int planVersion,
		Status status, Instant activatedAt, @Nullable Instant closedAt, @Nullable String review) {

	public enum Status {
		ACTIVE, CLOSED
	}

	public boolean active() {
		return status == Status.ACTIVE;
	}

	/** Refuses what only a running crisis takes (an alert, a site, a log entry). */
	public void requireActive() {
		if (status != Status.ACTIVE) {
			throw Problems.rejected("crisis", "crisis.closed");
		}
	}

	/** Closes the crisis with its review (what worked, what to change); a closed crisis stays closed. */
	public Crisis close(@Nullable String typedReview, Instant at) {
		requireActive();
		String text = typedReview == null ? "" : typedReview.strip();
		if (text.length() < 20) {
			throw Problems.rejected("review", "crisis.close.review");
		}
		if (text.length() > 20_000) {
			throw Problems.rejected("review", "crisis.tooLong");
		}
		return new Crisis(id, cptsId, kind, level, exercise, title, areaCommunes, planVersion, Status.CLOSED, activatedAt, at, text);
	}
}
