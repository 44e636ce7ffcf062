package fr.maillage.notifications;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification for one user: already in the reader's words (title and body are text, never
 * HTML), with a link inside the application. {@code urgent} ones also go by SMS when the gateway
 * is configured and a mobile number is known, and are e-mailed at once whatever the preference.
 * One {@code aboutPatient} carries health information: its content leaves the application only
 * through MSSanté, to the reader's MSSanté address; anywhere else the reader is told only that a
 * message waits in Maillage.
 */
public record Notice(UUID userId, @Nullable UUID cptsId, String kind, String title, String body, @Nullable String link, boolean urgent,
		boolean aboutPatient) {

	public Notice(UUID userId, @Nullable UUID cptsId, String kind, String title, String body, @Nullable String link, boolean urgent) {
		this(userId, cptsId, kind, title, body, link, urgent, false);
	}

	public static Notice of(UUID userId, @Nullable UUID cptsId, String kind, String title, String body, @Nullable String link) {
		return new Notice(userId, cptsId, kind, title, body, link, false);
	}

	/** The same notice, marked as carrying health information about a patient. */
	public Notice concerningAPatient() {
		return new Notice(userId, cptsId, kind, title, body, link, urgent, true);
	}

	/** Marked as carrying health information when {@code about} is true. */
	public Notice concerningAPatient(boolean about) {
		return about ? concerningAPatient() : this;
	}
}
