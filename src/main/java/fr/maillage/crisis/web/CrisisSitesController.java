package fr.maillage.crisis.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.crisis.Shift;
import fr.maillage.crisis.Sites;
import fr.maillage.crisis.internal.ShiftStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A crisis's sites and volunteer shifts: opening a site and its shifts, the planning on a phone, sign-up, gaps, counts, export; and their API. */
@Controller
class CrisisSitesController {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

	private final Sites sites;
	private final Messages messages;
	private final PdfDocuments pdf;
	private final CptsService cpts;

	CrisisSitesController(Sites sites, Messages messages, PdfDocuments pdf, CptsService cpts) {
		this.sites = sites;
		this.messages = messages;
		this.pdf = pdf;
		this.cpts = cpts;
	}

	@PostMapping("/crises/{crisisId}/sites")
	String open(@PathVariable UUID crisisId, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		try {
			ShiftStore.Site s = sites.open(crisisId, p.get("name"), p.get("kind"), p.get("address"), p.get("communeCode"));
			redirect.addFlashAttribute("success", messages.get("crisis.site.opened", s.name()));
			return "redirect:/crises/sites/" + s.id();
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
			return "redirect:/crises/" + crisisId + "#sites";
		}
	}

	@GetMapping("/crises/sites/{siteId}")
	String planning(@PathVariable UUID siteId, Model model) {
		Sites.Planning p = sites.planning(siteId);
		model.addAttribute("p", p);
		model.addAttribute("roles", Shift.Role.values());
		if (!model.containsAttribute("shiftForm")) {
			model.addAttribute("shiftForm", Map.of("days", "1", "start", "09:00", "end", "13:00"));
		}
		return "crisis/site";
	}

	@PostMapping("/crises/sites/{siteId}/creneaux")
	String addShifts(@PathVariable UUID siteId, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		Map<Shift.Role, String> needs = new EnumMap<>(Shift.Role.class);
		for (Shift.Role r : Shift.Role.values()) {
			needs.put(r, p.getOrDefault("need" + r.name(), ""));
		}
		try {
			int days = p.getOrDefault("days", "1").strip().matches("\\d{1,2}") ? Integer.parseInt(p.get("days").strip()) : 0;
			int n = sites.addShifts(siteId, TypedValues.date(p.get("day")), time(p.get("start")), time(p.get("end")), days, needs);
			redirect.addFlashAttribute("success", messages.get("crisis.shift.added", n));
			return "redirect:/crises/sites/" + siteId;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("shiftForm", p);
			return planning(siteId, model);
		}
	}

	@PostMapping("/crises/creneaux/{shiftId}/inscription")
	String signUp(@PathVariable UUID shiftId, @RequestParam UUID siteId, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> messages.get("crisis.shift.signedUp", messages.get(sites.signUp(shiftId).labelKey())));
		return "redirect:/crises/sites/" + siteId + "#creneau-" + shiftId;
	}

	@PostMapping("/crises/creneaux/{shiftId}/retrait")
	String withdraw(@PathVariable UUID shiftId, @RequestParam UUID siteId, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> sites.withdraw(shiftId), "crisis.shift.withdrawn");
		return "redirect:/crises/sites/" + siteId + "#creneau-" + shiftId;
	}

	@PostMapping("/crises/creneaux/{shiftId}/echange")
	String offer(@PathVariable UUID shiftId, @RequestParam UUID siteId, @RequestParam(defaultValue = "true") boolean offered, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> sites.offer(shiftId, offered), offered ? "crisis.swap.offered" : "crisis.swap.kept");
		return "redirect:/crises/sites/" + siteId + "#creneau-" + shiftId;
	}

	@PostMapping("/crises/creneaux/{shiftId}/reprise")
	String take(@PathVariable UUID shiftId, @RequestParam UUID siteId, @RequestParam UUID from, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> sites.take(shiftId, from), "crisis.swap.done");
		return "redirect:/crises/sites/" + siteId + "#creneau-" + shiftId;
	}

	@PostMapping("/crises/creneaux/{shiftId}/comptes")
	String count(@PathVariable UUID shiftId, @RequestParam UUID siteId, @RequestParam(required = false) @Nullable String doses,
			@RequestParam(required = false) @Nullable String consultations, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> sites.count(shiftId, doses, consultations), "crisis.shift.counted");
		return "redirect:/crises/sites/" + siteId + "#creneau-" + shiftId;
	}

	@PostMapping("/crises/sites/{siteId}/trous")
	String sendGaps(@PathVariable UUID siteId, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> messages.get("crisis.gap.sent", sites.sendGaps(siteId)));
		return "redirect:/crises/sites/" + siteId;
	}

	@GetMapping("/crises/sites/{siteId}/planning.csv")
	void export(@PathVariable UUID siteId, HttpServletResponse response) throws IOException {
		Sites.Planning p = sites.planning(siteId);
		TabularExport.write(response, TabularExport.Format.CSV, "planning", messages.get("crisis.site.export"),
				List.of("Début", "Fin", "Rôle", "Besoin", "Inscrits", "Doses", "Consultations"),
				sink -> p.shifts().forEach(s -> s.needs().keySet().forEach(r -> sink.accept(List.of(AT.format(s.startsAt()), AT.format(s.endsAt()),
						messages.get(r.labelKey()), s.need(r), String.join(", ", p.signups().stream().filter(g -> g.shiftId().equals(s.id()) && g.role() == r)
							.map(ShiftStore.Signup::label).toList()), s.doses() == null ? "" : s.doses(), s.consultations() == null ? "" : s.consultations())))));
	}

	/** The planning to print and pin on the site's door: one table per day, the names under each need, what is missing in bold. */
	@GetMapping("/crises/sites/{siteId}/planning.pdf")
	void printed(@PathVariable UUID siteId, HttpServletResponse response) throws IOException {
		Sites.Planning p = sites.planning(siteId);
		Map<java.time.LocalDate, List<Shift>> days = new java.util.TreeMap<>();
		p.shifts().forEach(s -> days.computeIfAbsent(s.startsAt().atZone(PARIS).toLocalDate(), d -> new java.util.ArrayList<>()).add(s));
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"planning.pdf\"");
		pdf.render("crisis/planning-pdf", Map.of("p", p, "days", days, "cpts", cpts.get(p.crisis().cptsId())), response.getOutputStream());
	}

	// ---- API

	@GetMapping("/api/v1/crises/{crisisId}/sites/{siteId}/shifts")
	@ResponseBody
	Sites.Planning shifts(@PathVariable UUID crisisId, @PathVariable UUID siteId) {
		Sites.Planning p = sites.planning(siteId);
		if (!p.crisis().id().equals(crisisId)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		return p;
	}

	record SignUp(@Nullable UUID shiftId, @Nullable Boolean withdraw) {
	}

	/** Signs the caller up for a shift ({@code shiftId}), or withdraws them ({@code withdraw: true}). */
	@PostMapping("/api/v1/crises/{crisisId}/sites/{siteId}/shifts")
	ResponseEntity<Sites.Planning> signUpApi(@PathVariable UUID crisisId, @PathVariable UUID siteId, @RequestBody SignUp s) {
		if (s.shiftId() == null) {
			throw Problems.rejected("shiftId", "crisis.shift.choose");
		}
		if (Boolean.TRUE.equals(s.withdraw())) {
			sites.withdraw(s.shiftId());
		} else {
			sites.signUp(s.shiftId());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(shifts(crisisId, siteId));
	}

	private static @Nullable LocalTime time(@Nullable String typed) {
		try {
			return typed == null || typed.isBlank() ? null : LocalTime.parse(typed.strip());
		} catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}
}
