package fr.maillage.messaging.internal;

import fr.maillage.messaging.Conversations;
import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notifications messaging sends: a new message (its text never leaves Maillage), a request for advice. */
@Component
class MessagingKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(Conversations.KIND_MESSAGE, "messaging.kind.message", DeliveryMode.IMMEDIATE),
				new NotificationKind(Conversations.KIND_ADVICE, "messaging.kind.advice", DeliveryMode.IMMEDIATE));
	}
}
