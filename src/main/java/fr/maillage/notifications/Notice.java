package fr.maillage.notifications;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification for one user: already in the reader's words (title and body are text, never
 * HTML), with a link inside the application. {@code urgent} ones also go by SMS when the gateway
 * is configured and a mobile number is known, and are e-mailed at once whatever the preference.
 */
public record Notice(UUID userId, @Nullable UUID cptsId, String kind, String title, String body, @Nullable String link, boolean urgent) {

	public static Notice of(UUID userId, @Nullable UUID cptsId, String kind, String title, String body, @Nullable String link) {
		return new Notice(userId, cptsId, kind, title, body, link, false);
	}
}
