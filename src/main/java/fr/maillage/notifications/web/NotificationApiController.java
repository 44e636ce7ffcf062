package fr.maillage.notifications.web;

import fr.maillage.notifications.Notifications;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One's notifications in the JSON API. */
@RestController
class NotificationApiController {

	private final Notifications notifications;
	private final fr.maillage.notifications.internal.LiveBus live;
	private final fr.maillage.accounts.CptsAccess access;

	NotificationApiController(Notifications notifications, fr.maillage.notifications.internal.LiveBus live, fr.maillage.accounts.CptsAccess access) {
		this.notifications = notifications;
		this.live = live;
		this.access = access;
	}

	/** The live stream for API clients (bearer token): the same events as the pages' {@code /live}. */
	@GetMapping(path = "/api/v1/live", produces = "text/event-stream")
	org.springframework.web.servlet.mvc.method.annotation.SseEmitter live() {
		return live.open(access.requireUser().id());
	}

	@GetMapping("/api/v1/me/notifications")
	Notifications.Page mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return notifications.mine(page, size);
	}

	@PostMapping("/api/v1/me/notifications/{id}/read")
	ResponseEntity<Void> read(@PathVariable UUID id) {
		notifications.open(id);
		return ResponseEntity.noContent().build();
	}
}
