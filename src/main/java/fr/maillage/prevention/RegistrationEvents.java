package fr.maillage.prevention;

import java.util.UUID;

/** What happened to a registration, for the e-mails that tell the person (handled after commit, never lost). */
public final class RegistrationEvents {

	private RegistrationEvents() {
	}

	/** Someone registered: with a place, or on the waiting list when the event was full (the registration says which). */
	public record RegistrationTaken(UUID registrationId) {
	}

	/** Someone cancelled: the first one waiting got the place. */
	public record RegistrationPromoted(UUID registrationId) {
	}

	/** The person cancelled (or the organisers did). */
	public record RegistrationCancelled(UUID registrationId) {
	}

	/** The event is tomorrow. */
	public record ReminderDue(UUID registrationId) {
	}
}
