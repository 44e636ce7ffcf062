package fr.maillage.prevention;

import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event the CPTS organises (an evening on its projet de santé, a training, a screening day):
 * when and where, for whom registration is open, how many places. Registrations are taken while it
 * is open; closing stops them, cancelling calls the event off.
 */
public record PreventionEvent(UUID id, UUID cptsId, String title, @Nullable String description, Audience audience, Instant startsAt, Instant endsAt,
		String place, @Nullable String address, @Nullable String communeCode, int capacity, Status status, int version) {

	/** Who may register: the CPTS's members (signed in), professionals (with the link), the public (listed on the public page). */
	public enum Audience {
		MEMBERS, PROFESSIONALS, PUBLIC;

		public String labelKey() {
			return "prevention.audience." + name();
		}
	}

	public enum Status {
		OPEN, CLOSED, CANCELLED;

		public String labelKey() {
			return "prevention.event.status." + name();
		}
	}

	public boolean takesRegistrations(Instant now) {
		return status == Status.OPEN && now.isBefore(endsAt);
	}

	public PreventionEvent close() {
		if (status != Status.OPEN) {
			throw Problems.rejected("status", "prevention.event.notOpen");
		}
		return with(Status.CLOSED);
	}

	public PreventionEvent reopen() {
		if (status != Status.CLOSED) {
			throw Problems.rejected("status", "prevention.event.notClosed");
		}
		return with(Status.OPEN);
	}

	public PreventionEvent cancel() {
		if (status == Status.CANCELLED) {
			throw Problems.rejected("status", "prevention.event.alreadyCancelled");
		}
		return with(Status.CANCELLED);
	}

	private PreventionEvent with(Status s) {
		return new PreventionEvent(id, cptsId, title, description, audience, startsAt, endsAt, place, address, communeCode, capacity, s, version);
	}
}
