package fr.maillage.messaging.web;

import fr.maillage.messaging.Conversations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messaging in the JSON API (attachments through the pages). */
@RestController
class MessagingApiController {

	record Start(@Nullable String email, @Nullable String title, @Nullable List<String> emails) {
	}

	record Post(@Nullable String body, @Nullable Boolean urgent) {
	}

	private final Conversations conversations;

	MessagingApiController(Conversations conversations) {
		this.conversations = conversations;
	}

	@GetMapping("/api/v1/me/conversations")
	List<Conversations.Summary> mine(@RequestParam(required = false) @Nullable String q) {
		return conversations.mine(q);
	}

	/** {@code {"email"}} for a direct conversation, {@code {"title","emails":[…]}} for a group. */
	@PostMapping("/api/v1/conversations")
	ResponseEntity<Map<String, UUID>> start(@RequestBody Start start) {
		UUID id = start.emails() != null ? conversations.startGroup(start.title(), start.emails())
				: conversations.startDirect(start.email() == null ? "" : start.email());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	@GetMapping("/api/v1/conversations/{id}/messages")
	Conversations.Thread thread(@PathVariable UUID id) {
		return conversations.open(id);
	}

	@PostMapping("/api/v1/conversations/{id}/messages")
	ResponseEntity<Map<String, UUID>> post(@PathVariable UUID id, @RequestBody Post post) {
		UUID message = conversations.post(id, post.body(), Boolean.TRUE.equals(post.urgent()), List.of());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", message));
	}
}
