package fr.maillage.prevention.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.PublicSubmissions;
import fr.maillage.prevention.PreventionEvent;
import fr.maillage.prevention.PublicAgenda;
import fr.maillage.prevention.Registration;
import fr.maillage.prevention.RegistrationForm;
import fr.maillage.prevention.Registrations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The event's public page and its registration form (no account; consent; a honeypot field and a
 * limit per address instead of a third-party captcha), the registrant's own page through their
 * link (see, cancel), and the CPTS's public agenda.
 */
@Controller
class PublicEventController {

	static final String HONEYPOT = "siteWeb";

	private final Registrations registrations;
	private final PublicAgenda agenda;
	private final CptsService cpts;
	private final PublicSubmissions submissions;
	private final Messages messages;
	private final int limit;
	private final fr.maillage.reference.CommuneDirectory communes;
	private final fr.maillage.platform.Mail mail;

	PublicEventController(Registrations registrations, PublicAgenda agenda, CptsService cpts, PublicSubmissions submissions, Messages messages,
			@Value("${maillage.prevention.public-limit:20}") int limit, fr.maillage.reference.CommuneDirectory communes, fr.maillage.platform.Mail mail) {
		this.communes = communes;
		this.mail = mail;
		this.registrations = registrations;
		this.agenda = agenda;
		this.cpts = cpts;
		this.submissions = submissions;
		this.messages = messages;
		this.limit = limit;
	}

	@GetMapping("/evenements/{eventId}")
	String page(@PathVariable UUID eventId, Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return page(registrations.open(eventId), model);
	}

	@PostMapping("/evenements/{eventId}/inscription")
	String register(@PathVariable UUID eventId, @Valid @ModelAttribute("form") RegistrationForm form, BindingResult binding,
			@RequestParam(name = HONEYPOT, required = false) @Nullable String honeypot, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		PreventionEvent e = registrations.open(eventId);
		if (!submissions.allow("prevention:" + eventId, request.getRemoteAddr(), limit)) {
			response.setStatus(429);
			model.addAttribute("failure", messages.get("prevention.registration.throttled"));
			return page(e, model);
		}
		if (honeypot != null && !honeypot.isBlank()) {
			// a robot filled the field people never see: answer as if all went well, record nothing
			model.addAttribute("decoy", true);
			return page(e, model);
		}
		if (binding.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("problems", messages.byField(binding));
			return page(e, model);
		}
		try {
			Registrations.Taken taken = registrations.register(eventId, form);
			return "redirect:/inscriptions/" + taken.registration().id() + "?jeton=" + taken.token() + "&nouvelle=1";
		}
		catch (Problems.RejectedException ex) {
			response.setStatus(400);
			model.addAttribute("problems", messages.byField(ex.problems()));
			return page(e, model);
		}
	}

	@GetMapping("/inscriptions/{registrationId}")
	String mine(@PathVariable UUID registrationId, @RequestParam(name = "jeton", required = false) @Nullable String token,
			@RequestParam(name = "nouvelle", required = false) @Nullable String fresh, HttpServletResponse response, Model model) {
		try {
			Registration r = registrations.mine(registrationId, token);
			PreventionEvent e = registrations.open(r.eventId());
			model.addAttribute("registration", r);
			model.addAttribute("event", e);
			model.addAttribute("ahead", r.status() == Registration.Status.WAITING ? registrations.ahead(r) : 0);
			if (r.status() == Registration.Status.REGISTERED) {
				// the entry ticket: the organiser's phone reads it and opens this registration's check-in
				model.addAttribute("qr", fr.maillage.platform.QrCodes.pngDataUri(
						mail.url("/cpts/" + e.cptsId() + "/evenements/" + e.id() + "/pointage/" + r.id()), 240));
			}
			model.addAttribute("token", token);
			model.addAttribute("fresh", fresh != null);
		}
		catch (Problems.RejectedException ex) {
			response.setStatus(404);
			model.addAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "prevention/registration";
	}

	@PostMapping("/inscriptions/{registrationId}/annulation")
	String cancel(@PathVariable UUID registrationId, @RequestParam(name = "jeton", required = false) @Nullable String token, HttpServletResponse response,
			Model model) {
		try {
			Registration r = registrations.cancel(registrationId, token);
			model.addAttribute("registration", r);
			model.addAttribute("event", registrations.open(r.eventId()));
			model.addAttribute("success", messages.get("prevention.registration.cancelledNow"));
		}
		catch (Problems.RejectedException ex) {
			response.setStatus(400);
			model.addAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		model.addAttribute("ahead", 0);
		model.addAttribute("token", token);
		model.addAttribute("fresh", false);
		return "prevention/registration";
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/agenda")
	String agenda(@PathVariable String slug, Model model) {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		model.addAttribute("cpts", c);
		model.addAttribute("events", agenda.upcoming(c.id()));
		return "prevention/agenda";
	}

	private String page(PreventionEvent e, Model model) {
		model.addAttribute("event", e);
		model.addAttribute("cpts", cpts.publicIdentity(e.cptsId()).orElseThrow(NotFoundException::new));
		model.addAttribute("open", e.takesRegistrations(java.time.Instant.now()));
		model.addAttribute("honeypot", HONEYPOT);
		// where it is: the commune on a map (its contour, a point at its centre) and the address on OpenStreetMap
		var commune = e.communeCode() == null ? java.util.Optional.<fr.maillage.reference.Commune>empty()
				: communes.find(e.communeCode()).filter(fr.maillage.reference.Commune::hasCoordinates);
		commune.ifPresent(c -> {
			model.addAttribute("mapPoints", fr.maillage.platform.web.MapPoint.json(java.util.List.of(new fr.maillage.platform.web.MapPoint(c.latitude(),
					c.longitude(), e.place() + " (" + c.name() + ")", 1, null, "here"))));
			model.addAttribute("mapContours", fr.maillage.platform.web.MapPoint.contoursPath(java.util.List.of(c.inseeCode())));
		});
		String where = String.join(", ", java.util.stream.Stream.of(e.address(), commune.map(fr.maillage.reference.Commune::name).orElse(null))
			.filter(x -> x != null && !x.isBlank()).toList());
		model.addAttribute("osm", where.isBlank() ? null
				: "https://www.openstreetmap.org/search?query=" + java.net.URLEncoder.encode(where, java.nio.charset.StandardCharsets.UTF_8));
		return "prevention/public-event";
	}
}
