package fr.maillage.association.web;

import fr.maillage.association.Meetings;
import fr.maillage.platform.web.CalendarEvents;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The association's meetings in a calendar ({@code calendar.js}): those the reader may see, each linking to its page. */
@Controller
class MeetingCalendarController {

	private final Meetings meetings;

	MeetingCalendarController(Meetings meetings) {
		this.meetings = meetings;
	}

	@GetMapping(path = "/cpts/{id}/reunions/evenements", produces = "application/json")
	@ResponseBody
	List<CalendarEvents.Event> meetings(@PathVariable UUID id, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end) {
		CalendarEvents.Window w = CalendarEvents.Window.asked(start, end);
		return meetings.list(id).stream().filter(m -> m.endsAt().isAfter(w.from()) && m.startsAt().isBefore(w.to()))
			.map(m -> new CalendarEvents.Event(m.id().toString(), m.title(), m.startsAt(), m.endsAt(), "/reunions/" + m.id(),
					"meeting-" + m.status().toLowerCase(java.util.Locale.ROOT)))
			.toList();
	}
}
