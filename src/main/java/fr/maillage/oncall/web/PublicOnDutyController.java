package fr.maillage.oncall.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.oncall.OnDuty;
import fr.maillage.oncall.RosterPattern;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.MapPoint;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.CommuneListResolver;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "Qui est de garde ?" on the CPTS's public pages, for inhabitants without an account, and the printed monthly planning. */
@Controller
class PublicOnDutyController {

	private final CptsService cpts;
	private final OnDuty onDuty;
	private final CommuneListResolver resolver;
	private final CommuneDirectory communes;
	private final PdfDocuments pdf;
	private final Messages messages;

	PublicOnDutyController(CptsService cpts, OnDuty onDuty, CommuneListResolver resolver, CommuneDirectory communes, PdfDocuments pdf,
			Messages messages) {
		this.cpts = cpts;
		this.onDuty = onDuty;
		this.resolver = resolver;
		this.communes = communes;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/garde")
	String page(@PathVariable String slug, @RequestParam(required = false) @Nullable String commune, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String heure, Model model) {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		Map<String, String> form = new HashMap<>();
		form.put("commune", commune == null ? "" : commune);
		form.put("date", date == null ? "" : date);
		form.put("heure", heure == null ? "" : heure);
		model.addAttribute("cpts", c);
		model.addAttribute("form", form);
		String code = null;
		if (commune != null && !commune.isBlank()) {
			var found = resolver.resolveOne(commune.strip());
			if (found.isEmpty()) {
				model.addAttribute("problems", Map.of("commune", messages.get("oncall.public.commune.unknown", commune.strip())));
			} else {
				code = found.get().inseeCode();
				model.addAttribute("communeName", found.get().name());
			}
		}
		LocalDate day = TypedValues.date(date);
		LocalTime time = TypedValues.time(heure);
		if (date != null && !date.isBlank() && day == null) {
			model.addAttribute("problems", Map.of("date", messages.get("oncall.public.date.unreadable")));
		}
		if (day != null && time == null) {
			model.addAttribute("day", day);
			model.addAttribute("entries", onDuty.onDay(c.id(), day, code));
		} else {
			Instant at = time == null ? Instant.now() : (day == null ? LocalDate.now(RosterPattern.PARIS) : day).atTime(time).atZone(RosterPattern.PARIS).toInstant();
			model.addAttribute("at", at);
			model.addAttribute("entries", onDuty.at(c.id(), at, code));
		}
		model.addAttribute("month", YearMonth.now(RosterPattern.PARIS));
		mapPoints(model, code);
		model.addAttribute("mapContours", MapPoint.contoursPath(cpts.publicTerritory(slug).communes().stream().map(x -> x.inseeCode()).toList()));
		return "oncall/public";
	}

	/** Who is on duty on a map: a point per place with someone on duty, the commune searched in green. */
	@SuppressWarnings("unchecked")
	private void mapPoints(Model model, @Nullable String code) {
		Map<fr.maillage.oncall.RosterKind, java.util.List<OnDuty.Entry>> entries = (Map<fr.maillage.oncall.RosterKind, java.util.List<OnDuty.Entry>>) model
			.getAttribute("entries");
		java.util.List<MapPoint> points = new java.util.ArrayList<>();
		if (code != null) {
			communes.find(code).filter(fr.maillage.reference.Commune::hasCoordinates).ifPresent(c -> points
				.add(new MapPoint(c.latitude(), c.longitude(), messages.get("oncall.public.map.here", c.name()), 1, null, "here")));
		}
		entries.values().stream().flatMap(java.util.List::stream).filter(e -> e.assignee() != null && e.latitude() != null && e.longitude() != null)
			.forEach(e -> points.add(new MapPoint(e.latitude(), e.longitude(), e.assignee() + (e.communeName() == null ? "" : " (" + e.communeName() + ")")
					+ " · " + e.roster(), 1, null, null)));
		model.addAttribute("mapPoints", MapPoint.json(points));
		model.addAttribute("mapShown", points.stream().anyMatch(p -> p.kind() == null));
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/garde/planning.pdf")
	void planning(@PathVariable String slug, @RequestParam(required = false) @Nullable String mois, HttpServletResponse response) throws IOException {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		YearMonth month = OnCallPagesController.month(mois);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", ContentDisposition.inline().filename("gardes-" + slug + "-" + month + ".pdf").build().toString());
		pdf.render("oncall/planning-pdf", Map.of("cpts", c, "month", month, "planning", onDuty.planning(c.id(), month),
				"monthLabel", month.atDay(1).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", messages.locale()))),
				response.getOutputStream());
	}
}
