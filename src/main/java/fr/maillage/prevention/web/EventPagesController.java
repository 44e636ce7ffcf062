package fr.maillage.prevention.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import fr.maillage.prevention.EventForm;
import fr.maillage.prevention.PreventionEvent;
import fr.maillage.prevention.PreventionEvents;
import fr.maillage.prevention.Registration;
import fr.maillage.prevention.Registrations;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordination's events: the list and a new one; an event's page with its registrants and
 * waiting list, attendance at the door (a list to search on a phone), closing registrations,
 * the sign-in sheet and the export.
 */
@Controller
class EventPagesController {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(PreventionEvents.PARIS);

	private final PreventionEvents events;
	private final Registrations registrations;
	private final CptsService cpts;
	private final PdfDocuments pdf;
	private final Messages messages;

	EventPagesController(PreventionEvents events, Registrations registrations, CptsService cpts, PdfDocuments pdf, Messages messages) {
		this.events = events;
		this.registrations = registrations;
		this.cpts = cpts;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/evenements")
	String list(@PathVariable UUID id, Model model) {
		model.addAttribute("form", EventForm.empty());
		return list(id, model, false);
	}

	@PostMapping("/cpts/{id}/evenements")
	String create(@PathVariable UUID id, @Valid @ModelAttribute("form") EventForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("problems", messages.byField(binding));
			return list(id, model, true);
		}
		try {
			PreventionEvent e = events.create(id, form);
			redirect.addFlashAttribute("success", messages.get("prevention.event.saved", e.title()));
			return "redirect:/cpts/" + id + "/evenements/" + e.id();
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return list(id, model, true);
		}
	}

	@GetMapping("/cpts/{id}/evenements/{eventId}")
	String show(@PathVariable UUID id, @PathVariable UUID eventId, @RequestParam(name = "q", required = false) @Nullable String q, Model model) {
		PreventionEvents.Overview o = events.get(eventId);
		PreventionEvent e = o.event();
		model.addAttribute("form", new EventForm(e.title(), e.description(), e.audience().name(), INPUT.format(e.startsAt()), INPUT.format(e.endsAt()),
				e.place(), e.address(), e.communeCode(), Integer.toString(e.capacity()), Integer.toString(e.version())));
		return show(id, o, q, model);
	}

	@PostMapping("/cpts/{id}/evenements/{eventId}")
	String update(@PathVariable UUID id, @PathVariable UUID eventId, @Valid @ModelAttribute("form") EventForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		PreventionEvents.Overview o = events.get(eventId);
		if (binding.hasErrors()) {
			model.addAttribute("problems", messages.byField(binding));
			return show(id, o, null, model);
		}
		try {
			PreventionEvent e = events.update(eventId, form);
			redirect.addFlashAttribute("success", messages.get("prevention.event.saved", e.title()));
			return "redirect:/cpts/" + id + "/evenements/" + eventId;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return show(id, o, null, model);
		}
	}

	@PostMapping("/cpts/{id}/evenements/{eventId}/statut")
	String status(@PathVariable UUID id, @PathVariable UUID eventId, @RequestParam(defaultValue = "false") boolean open, RedirectAttributes redirect) {
		try {
			events.close(eventId, open);
			redirect.addFlashAttribute("success", messages.get(open ? "prevention.event.reopenedNow" : "prevention.event.closedNowDone"));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/evenements/" + eventId;
	}

	/** Present or not: the page comes back on the same search, at the person's line. */
	@PostMapping("/cpts/{id}/evenements/{eventId}/presences/{registrationId}")
	String attend(@PathVariable UUID id, @PathVariable UUID eventId, @PathVariable UUID registrationId,
			@RequestParam(defaultValue = "false") boolean present, @RequestParam(name = "q", required = false) @Nullable String q, RedirectAttributes redirect) {
		try {
			Registration r = events.attend(eventId, registrationId, present);
			redirect.addFlashAttribute("success", messages.get(present ? "prevention.attendance.present" : "prevention.attendance.absent", r.name()));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/evenements/" + eventId + (q == null || q.isBlank() ? "" : "?q=" + java.net.URLEncoder.encode(q,
				java.nio.charset.StandardCharsets.UTF_8)) + "#presences";
	}

	@PostMapping("/cpts/{id}/evenements/{eventId}/inscriptions/{registrationId}/annulation")
	String cancel(@PathVariable UUID id, @PathVariable UUID eventId, @PathVariable UUID registrationId, RedirectAttributes redirect) {
		try {
			Registration r = registrations.cancelForOrganiser(eventId, registrationId);
			redirect.addFlashAttribute("success", messages.get("prevention.registration.cancelledBy", r.name()));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/evenements/" + eventId;
	}

	/** The check-in the registrant's QR code opens on the organiser's phone: who it is, and one tap to note them present. */
	@GetMapping("/cpts/{id}/evenements/{eventId}/pointage/{registrationId}")
	String checkIn(@PathVariable UUID id, @PathVariable UUID eventId, @PathVariable UUID registrationId, Model model) {
		PreventionEvents.Overview o = events.get(eventId);
		if (!o.event().cptsId().equals(id)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		Registration r = events.registrants(eventId).stream().filter(x -> x.id().equals(registrationId)).findFirst()
			.orElseThrow(fr.maillage.platform.NotFoundException::new);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("event", o.event());
		model.addAttribute("r", r);
		return "prevention/check-in";
	}

	/** The sign-in sheet the funders ask for: the registered people, a column to sign. */
	@GetMapping("/cpts/{id}/evenements/{eventId}/emargement.pdf")
	void signInSheet(@PathVariable UUID id, @PathVariable UUID eventId, HttpServletResponse response) throws IOException {
		PreventionEvents.Overview o = events.get(eventId);
		List<Registration> registered = events.registrants(eventId).stream().filter(r -> r.status() == Registration.Status.REGISTERED).toList();
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"emargement.pdf\"");
		pdf.render("prevention/sign-in-pdf", Map.of("event", o.event(), "registered", registered, "cpts", cpts.get(o.event().cptsId())),
				response.getOutputStream());
	}

	/** The attendance certificate a professional gives to their order or their employer: for someone marked present only. */
	@GetMapping("/cpts/{id}/evenements/{eventId}/attestations/{registrationId}.pdf")
	void certificate(@PathVariable UUID id, @PathVariable UUID eventId, @PathVariable UUID registrationId, HttpServletResponse response)
			throws IOException {
		PreventionEvents.Overview o = events.get(eventId);
		Registration r = events.registrants(eventId).stream().filter(x -> x.id().equals(registrationId) && x.attended()).findFirst()
			.orElseThrow(fr.maillage.platform.NotFoundException::new);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"attestation-presence.pdf\"");
		pdf.render("prevention/certificate-pdf", Map.of("event", o.event(), "r", r, "cpts", cpts.get(o.event().cptsId())), response.getOutputStream());
	}

	@GetMapping({ "/cpts/{id}/evenements/{eventId}/inscrits.csv", "/cpts/{id}/evenements/{eventId}/inscrits.xlsx" })
	void export(@PathVariable UUID id, @PathVariable UUID eventId, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		List<Registration> all = events.registrants(eventId);
		var format = request.getRequestURI().endsWith(".xlsx") ? TabularExport.Format.XLSX : TabularExport.Format.CSV;
		TabularExport.write(response, format, "inscrits", messages.get("prevention.export.sheet"),
				List.of("Nom", "Courriel", "Téléphone", "Profession", "État", "Inscrit le", "Présent"), sink -> all.forEach(r -> sink.accept(List.of(r.name(),
						r.email(), r.phone() == null ? "" : r.phone(), r.profession() == null ? "" : r.profession(), messages.get(r.status().labelKey()),
						r.registeredAt(), r.attended() ? "oui" : ""))));
	}

	private String list(UUID id, Model model, boolean failed) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("events", events.list(id));
		model.addAttribute("audiences", PreventionEvent.Audience.values());
		model.addAttribute("openForm", failed);
		return "prevention/events";
	}

	private String show(UUID id, PreventionEvents.Overview o, @Nullable String q, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("overview", o);
		model.addAttribute("event", o.event());
		List<Registration> all = events.registrants(o.event().id());
		String needle = q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("registered", all.stream().filter(r -> r.status() == Registration.Status.REGISTERED)
			.filter(r -> needle.isEmpty() || r.name().toLowerCase(java.util.Locale.ROOT).contains(needle) || r.email().contains(needle)).toList());
		model.addAttribute("waiting", all.stream().filter(r -> r.status() == Registration.Status.WAITING).toList());
		model.addAttribute("cancelled", all.stream().filter(r -> r.status() == Registration.Status.CANCELLED).count());
		model.addAttribute("audiences", PreventionEvent.Audience.values());
		return "prevention/event";
	}
}
