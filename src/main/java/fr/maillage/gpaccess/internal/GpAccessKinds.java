package fr.maillage.gpaccess.internal;

import fr.maillage.gpaccess.GpRequests;
import fr.maillage.gpaccess.Orientation;
import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notifications of GP access: a proposal to a GP, a GP's answer to the coordinators (never a patient's name). */
@Component
class GpAccessKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(Orientation.KIND_PROPOSAL, "gpaccess.kind.proposal", DeliveryMode.IMMEDIATE),
				new NotificationKind(GpRequests.KIND_ANSWER, "gpaccess.kind.answer", DeliveryMode.IMMEDIATE));
	}
}
