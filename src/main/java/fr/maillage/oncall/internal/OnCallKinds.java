package fr.maillage.oncall.internal;

import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import fr.maillage.oncall.OnCallGaps;
import fr.maillage.oncall.Swaps;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notifications of on-call duty: a gap coming, a swap asked, accepted or refused. */
@Component
class OnCallKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(OnCallGaps.KIND_GAP, "oncall.notify.gap", DeliveryMode.IMMEDIATE),
				new NotificationKind(Swaps.KIND_SWAP, "oncall.notify.swap", DeliveryMode.IMMEDIATE));
	}
}
