package fr.maillage.accounts.web;

import fr.maillage.accounts.CalendarFeeds;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's calendar feed, read by calendar applications at its secret address. */
@RestController
class CalendarFeedController {

	private final CalendarFeeds feeds;
	private final Messages messages;

	CalendarFeedController(CalendarFeeds feeds, Messages messages) {
		this.feeds = feeds;
		this.messages = messages;
	}

	@GetMapping("/agenda/{secret:[A-Za-z0-9_-]{20,80}}.ics")
	ResponseEntity<String> feed(@PathVariable String secret) {
		String ics = feeds.feed(secret, messages.get("account.calendar.name")).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header("Cache-Control", "private, max-age=300").body(ics);
	}
}
