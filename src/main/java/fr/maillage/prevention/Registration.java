package fr.maillage.prevention;

import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Someone's registration to an event: registered within the capacity, or waiting in the order of
 * arrival until a place frees up; cancelled by the person (their link) or the organisers.
 * Attendance is taken at the door for a registered person only.
 */
public record Registration(UUID id, UUID eventId, long position, String name, String email, @Nullable String phone, @Nullable String profession,
		Status status, Instant registeredAt, @Nullable Instant promotedAt, @Nullable Instant cancelledAt, @Nullable Instant attendedAt) {

	public enum Status {
		REGISTERED, WAITING, CANCELLED;

		public String labelKey() {
			return "prevention.registration.status." + name();
		}
	}

	public boolean attended() {
		return attendedAt != null;
	}

	/** The person or the organisers call it off; a cancelled registration cannot be cancelled again. */
	public Registration cancel(Instant at) {
		if (status == Status.CANCELLED) {
			throw Problems.rejected("registration", "prevention.registration.alreadyCancelled");
		}
		return new Registration(id, eventId, position, name, email, phone, profession, Status.CANCELLED, registeredAt, promotedAt, at, attendedAt);
	}

	/** A place freed up: the first one waiting takes it. */
	public Registration promote(Instant at) {
		if (status != Status.WAITING) {
			throw Problems.rejected("registration", "prevention.registration.notWaiting");
		}
		return new Registration(id, eventId, position, name, email, phone, profession, Status.REGISTERED, registeredAt, at, cancelledAt, attendedAt);
	}

	/** Present at the door (or not, to correct a mistake); only someone registered. */
	public Registration attend(@Nullable Instant at) {
		if (status != Status.REGISTERED) {
			throw Problems.rejected("registration", "prevention.registration.notRegistered");
		}
		return new Registration(id, eventId, position, name, email, phone, profession, status, registeredAt, promotedAt, cancelledAt, at);
	}
}
