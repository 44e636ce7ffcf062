package fr.maillage.crisis.internal;

import fr.maillage.crisis.Crises;
import fr.maillage.crisis.CrisisEvents;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Convenes the crisis cell when a crisis is activated: an urgent notification to each (so an SMS
 * where the gateway and a mobile are known, and an e-mail at once), linking to the crisis.
 */
@Component
class CellConvening {

	private final CrisisStore crises;
	private final Crises service;
	private final Cells cells;
	private final Notifications notifications;
	private final Messages messages;

	CellConvening(CrisisStore crises, Crises service, Cells cells, Notifications notifications, Messages messages) {
		this.crises = crises;
		this.service = service;
		this.cells = cells;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(CrisisEvents.CrisisActivated e) {
		crises.find(e.crisisId()).ifPresent(c -> {
			String title = messages.get("crisis.convened.title", service.label(c));
			String body = messages.get("crisis.convened.body", messages.get(c.kind().labelKey()), c.level());
			List<Notice> notices = cells.of(c).stream()
				.map(u -> new Notice(u, c.cptsId(), AlertDelivery.KIND_CONVENED, title, body, "/crises/" + c.id(), true)).toList();
			notifications.send(notices);
		});
	}
}
