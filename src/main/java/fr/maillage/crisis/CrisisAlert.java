package fr.maillage.crisis;

import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert of a crisis to a targeted set of professionals, asking for their availability: open
 * while answers are taken (reminders go to the silent after {@code remindAfterMinutes}), then
 * closed, after which an answer is refused.
 */
public record CrisisAlert(UUID id, UUID crisisId, String message, Target target, Status status, int remindAfterMinutes, int recipients, Instant createdAt,
		@Nullable Instant deliveredAt) {

	public enum Status {
		OPEN, CLOSED
	}

	/** What a recipient answers, in one tap. */
	public enum Answer {
		NOW, WITHIN_24H, UNAVAILABLE;

		public String labelKey() {
			return "crisis.answer." + name();
		}
	}

	/** Who is asked: professions (RPPS codes), skills declared, communes (INSEE); an empty part does not narrow. */
	public record Target(List<String> professions, Set<Skill> skills, List<String> communes) {
	}

	public void requireOpen() {
		if (status != Status.OPEN) {
			throw Problems.rejected("answer", "crisis.alert.closed");
		}
	}

	public CrisisAlert close() {
		requireOpen();
		return new CrisisAlert(id, crisisId, message, target, Status.CLOSED, remindAfterMinutes, recipients, createdAt, deliveredAt);
	}
}
