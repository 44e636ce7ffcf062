package fr.maillage.notifications.web;

import fr.maillage.notifications.Announcements;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Announcements in the JSON API. */
@RestController
class AnnouncementApiController {

	private final Announcements announcements;

	AnnouncementApiController(Announcements announcements) {
		this.announcements = announcements;
	}

	/** {@code {"title","body","audience","audienceParam","askAck","askAvailability","urgent"}}; answers the id and the number of recipients. */
	@PostMapping("/api/v1/cpts/{id}/announcements")
	ResponseEntity<Map<String, Object>> publish(@PathVariable UUID id, @RequestBody Announcements.Draft draft) {
		UUID announcement = announcements.publish(id, draft);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("id", announcement, "recipients", announcements.dashboard(announcement).counts().recipients()));
	}

	@GetMapping("/api/v1/announcements/{id}/acknowledgements")
	Announcements.Dashboard acknowledgements(@PathVariable UUID id) {
		return announcements.dashboard(id);
	}
}
