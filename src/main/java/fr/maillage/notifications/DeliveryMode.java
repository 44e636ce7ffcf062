package fr.maillage.notifications;

/** How a user wants a kind of notification: by e-mail at once, in a daily digest, or only in the application. */
public enum DeliveryMode {
	IMMEDIATE, DIGEST, APP_ONLY
}
