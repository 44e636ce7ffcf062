package fr.maillage.oncall.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.oncall.Rosters;
import fr.maillage.platform.ApiError;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.web.CalendarEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The on-call calendars of the pages ({@code calendar.js}): the turns of a roster, or of every roster
 * of a CPTS, with the gaps in red; and a turn assigned in place, answered in JSON.
 */
@Controller
class OnCallCalendarController {

	private final Rosters rosters;
	private final CptsAccess access;
	private final Messages messages;

	OnCallCalendarController(Rosters rosters, CptsAccess access, Messages messages) {
		this.rosters = rosters;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping(path = "/cpts/{id}/gardes/evenements", produces = "application/json")
	@ResponseBody
	List<CalendarEvents.Event> all(@PathVariable UUID id, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end) {
		access.requireMember(id);
		CalendarEvents.Window w = CalendarEvents.Window.asked(start, end);
		List<CalendarEvents.Event> events = new ArrayList<>();
		for (Rosters.Roster r : rosters.list(id)) {
			String page = "/cpts/" + id + "/gardes/" + r.id();
			for (Rosters.Shift s : rosters.shifts(r.id(), w.from(), w.to())) {
				events.add(event(s, r.name() + " : " + label(s), page + "?mois=" + java.time.YearMonth.from(CalendarEvents.View.day(s.startsAt()))));
			}
		}
		return events;
	}

	@GetMapping(path = "/cpts/{id}/gardes/{rosterId}/evenements", produces = "application/json")
	@ResponseBody
	List<CalendarEvents.Event> roster(@PathVariable UUID id, @PathVariable UUID rosterId, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end) {
		if (!rosters.get(rosterId).cptsId().equals(id)) {
			throw new CptsAccess.NotVisibleException();
		}
		CalendarEvents.Window w = CalendarEvents.Window.asked(start, end);
		return rosters.shifts(rosterId, w.from(), w.to()).stream().map(s -> event(s, label(s), null)).toList();
	}

	private String label(Rosters.Shift s) {
		return s.gap() ? messages.get("oncall.calendar.gap") : s.assigneeLabel();
	}

	private static CalendarEvents.Event event(Rosters.Shift s, String title, @Nullable String url) {
		return new CalendarEvents.Event(s.id().toString(), title, s.startsAt(), s.endsAt(), url, List.of(s.gap() ? "gap" : "turn"),
				Map.of("shift", s.id().toString(), "assignee", s.gap() ? "" : s.assigneeKey()));
	}

	/** A turn assigned from the calendar: the turn as it now is, or the refusal in the reader's language. */
	@PostMapping(path = "/cpts/{id}/gardes/tours/{shiftId}", produces = "application/json")
	ResponseEntity<?> assign(@PathVariable UUID id, @PathVariable UUID shiftId, @RequestParam(required = false) @Nullable String assignee) {
		try {
			Rosters.Shift s = rosters.assign(shiftId, assignee);
			String said = s.gap() ? messages.get("oncall.shift.cleared") : messages.get("oncall.shift.assigned", s.assigneeLabel());
			return ResponseEntity.ok(Map.of("shift", s.id(), "gap", s.gap(), "assignee", s.gap() ? "" : s.assigneeKey(), "message", said));
		} catch (Problems.RejectedException ex) {
			return ResponseEntity.badRequest().body(new ApiError(400, "invalide", String.join(" ", messages.byField(ex.problems()).values()), null));
		}
	}
}
