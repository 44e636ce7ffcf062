package fr.maillage.notifications;

import java.util.List;

/**
 * A kind of notification a module sends, with the message key of its label and the mode users
 * get until they choose. Modules declare theirs in a {@link Declarations} bean; the preferences
 * page lists them all.
 */
public record NotificationKind(String code, String labelKey, DeliveryMode defaultMode) {

	public interface Declarations {
		List<NotificationKind> kinds();
	}
}
