package fr.maillage.association.internal;

import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import java.util.List;
import org.springframework.stereotype.Component;

/** The association's notifications: receipts, fee reminders, convocations, published minutes. Formal ones are e-mailed whatever the preference. */
@Component
class AssociationKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind("association.receipt", "association.notify.receipt", DeliveryMode.IMMEDIATE),
				new NotificationKind("association.reminder", "association.notify.reminder", DeliveryMode.IMMEDIATE),
				new NotificationKind("association.convocation", "association.notify.convocation", DeliveryMode.IMMEDIATE),
				new NotificationKind("association.minutes", "association.notify.minutes", DeliveryMode.IMMEDIATE));
	}
}
