package fr.maillage.notifications;

import java.util.Collection;
import java.util.UUID;

/**
 * Pushes a named event to the browsers of some users, on whichever application node they are
 * connected to. The event carries no data a page would show: pages answer it by fetching what
 * changed, through the same access checks as any request.
 */
public interface LiveUpdates {

	/** Sends {@code event} (letters, digits, dashes) to these users after the current transaction commits. */
	void publish(Collection<UUID> userIds, String event);
}
