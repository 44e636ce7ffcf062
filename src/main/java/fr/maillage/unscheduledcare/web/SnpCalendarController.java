package fr.maillage.unscheduledcare.web;

import fr.maillage.platform.Messages;
import fr.maillage.platform.web.CalendarEvents;
import fr.maillage.unscheduledcare.Slots;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** One's own slots as a week agenda ({@code calendar.js}): free in green, booked in blue; the patient is on the page's list, not here. */
@Controller
class SnpCalendarController {

	private final Slots slots;
	private final Messages messages;

	SnpCalendarController(Slots slots, Messages messages) {
		this.slots = slots;
		this.messages = messages;
	}

	@GetMapping(path = "/soins-non-programmes/mes-creneaux/evenements", produces = "application/json")
	@ResponseBody
	List<CalendarEvents.Event> mine(@RequestParam(required = false) @Nullable String start, @RequestParam(required = false) @Nullable String end) {
		CalendarEvents.Window w = CalendarEvents.Window.asked(start, end);
		return slots.mine(w.from(), w.to()).stream()
			.map(s -> new CalendarEvents.Event(s.id().toString(), messages.get(s.booked() ? "snp.calendar.booked" : "snp.calendar.free", s.ownerLabel()),
					s.startsAt(), s.endsAt(), s.booked() ? "#reservations-recues" : null, s.booked() ? "booked" : "free"))
			.toList();
	}
}
