package fr.maillage.unscheduledcare.internal;

import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.NotificationKind;
import fr.maillage.unscheduledcare.Bookings;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notifications of unscheduled care: a slot booked, a booking cancelled (never the patient's name). */
@Component
class SnpKinds implements NotificationKind.Declarations {

	@Override
	public List<NotificationKind> kinds() {
		return List.of(new NotificationKind(Bookings.KIND_BOOKED, "snp.kind.booked", DeliveryMode.IMMEDIATE),
				new NotificationKind(Bookings.KIND_CANCELLED, "snp.kind.cancelled", DeliveryMode.IMMEDIATE));
	}
}
