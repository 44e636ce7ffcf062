package fr.maillage.pathways.internal;

import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import fr.maillage.pathways.Ruptures;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notifications of pathways: steps gone overdue in one's circles, a crisis asking news of one's patients (never a patient's name). */
@Component
class PathwayKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(Ruptures.KIND, "pathways.notify.rupture", DeliveryMode.IMMEDIATE),
				new NotificationKind(fr.maillage.pathways.Enrolments.KIND_ENROLLED, "pathways.notify.enrolled", DeliveryMode.IMMEDIATE),
				new NotificationKind(FollowUpNotices.KIND, "pathways.notify.followup", DeliveryMode.IMMEDIATE));
	}
}
