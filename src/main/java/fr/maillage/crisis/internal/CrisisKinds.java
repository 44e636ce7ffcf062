package fr.maillage.crisis.internal;

import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import java.util.List;
import org.springframework.stereotype.Component;

/** The crisis module's notification kinds (e-mailed at once: alerts and the cell's convening are urgent anyway). */
@Component
class CrisisKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(AlertDelivery.KIND, "crisis.notify.alert", DeliveryMode.IMMEDIATE),
				new NotificationKind(AlertDelivery.KIND_CONVENED, "crisis.notify.convened", DeliveryMode.IMMEDIATE),
				new NotificationKind(PlanReviews.KIND, "crisis.notify.review", DeliveryMode.IMMEDIATE),
				new NotificationKind(fr.maillage.crisis.Sites.KIND_GAP, "crisis.notify.gap", DeliveryMode.IMMEDIATE),
				new NotificationKind(ShiftReminders.KIND, "crisis.notify.shiftReminder", DeliveryMode.IMMEDIATE));
	}
}
