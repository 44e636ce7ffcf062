package fr.maillage.accounts.web;

import fr.maillage.accounts.CalendarFeeds;
import fr.maillage.platform.web.CalendarEvents;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * One's own agenda: duties, booked slots, meetings (what the modules put in the calendar feed), as a
 * week or a month. The page lists them by day; {@code calendar.js} draws them as a calendar.
 */
@Controller
class AgendaController {

	private final CalendarFeeds feeds;

	AgendaController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/agenda")
	String agenda(@RequestParam(required = false) @Nullable String vue, @RequestParam(required = false) @Nullable String date, Model model) {
		CalendarEvents.View view = CalendarEvents.View.of(vue == null ? "semaine" : vue, date);
		Map<LocalDate, List<CalendarFeeds.Entry>> byDay = new LinkedHashMap<>();
		for (CalendarFeeds.Entry e : feeds.agenda(view.from(), view.to())) {
			byDay.computeIfAbsent(CalendarEvents.View.day(e.event().start()), d -> new java.util.ArrayList<>()).add(e);
		}
		model.addAttribute("view", view);
		// the calendar opens on today unless a date was asked: a week started last month must not turn the month view back
		model.addAttribute("calendarDate", date == null || date.isBlank() ? null : view.first());
		model.addAttribute("byDay", byDay);
		model.addAttribute("feed", feeds.exists());
		model.addAttribute("local", (java.util.function.Function<String, String>) AgendaController::local);
		return "accounts/agenda";
	}

	@GetMapping(path = "/agenda/evenements", produces = "application/json")
	@ResponseBody
	List<CalendarEvents.Event> events(@RequestParam(required = false) @Nullable String start, @RequestParam(required = false) @Nullable String end) {
		CalendarEvents.Window w = CalendarEvents.Window.asked(start, end);
		return feeds.agenda(w.from(), w.to()).stream()
			.map(e -> new CalendarEvents.Event(e.event().uid(), e.event().summary(), e.event().start(), e.event().end(), local(e.event().url()),
					"agenda-" + e.category()))
			.toList();
	}

	/** The entries carry absolute addresses (for calendar applications); the page links within the site. */
	static @Nullable String local(@Nullable String url) {
		if (url == null) {
			return null;
		}
		java.net.URI u = java.net.URI.create(url);
		return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
	}
}
