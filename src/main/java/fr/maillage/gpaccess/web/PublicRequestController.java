package fr.maillage.gpaccess.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.gpaccess.GpRequests;
import fr.maillage.gpaccess.Situation;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.PublicSubmissions;
import fr.maillage.reference.CommuneListResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form where an inhabitant asks the CPTS for help to find a médecin traitant: consent
 * required, a honeypot field that people never see, and a limit per address.
 */
@Controller
class PublicRequestController {

	static final String VIEW = "gpaccess/public-form";
	static final String HONEYPOT = "siteWeb";

	private final CptsService cpts;
	private final GpRequests requests;
	private final PublicSubmissions submissions;
	private final CommuneListResolver communes;
	private final Messages messages;
	private final int limit;

	PublicRequestController(CptsService cpts, GpRequests requests, PublicSubmissions submissions, CommuneListResolver communes,
			Messages messages, @org.springframework.beans.factory.annotation.Value("${maillage.gp-access.public-limit:10}") int limit) {
		this.limit = limit;
		this.cpts = cpts;
		this.requests = requests;
		this.submissions = submissions;
		this.communes = communes;
		this.messages = messages;
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/medecin-traitant")
	String form(@PathVariable String slug, Model model) {
		fill(slug, model, new HashMap<>());
		return VIEW;
	}

	@PostMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/medecin-traitant")
	String file(@PathVariable String slug, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Cpts c = fill(slug, model, params);
		if (!submissions.allow("gpaccess:" + c.id(), request.getRemoteAddr(), limit)) {
			response.setStatus(429);
			model.addAttribute("failure", messages.get("gpaccess.public.throttled"));
			return VIEW;
		}
		if (params.get(HONEYPOT) != null && !params.get(HONEYPOT).isBlank()) {
			// a robot filled the field people never see: answer as if all went well, record nothing
			model.addAttribute("filed", new GpRequests.Filed(java.util.UUID.randomUUID(), 0, false));
			return VIEW;
		}
		try {
			model.addAttribute("filed", requests.filePublic(c.id(), RequestFormBinding.form(params, communes)));
		} catch (Problems.RejectedException ex) {
			response.setStatus(400);
			model.addAttribute("problems", messages.byField(ex.problems()));
		}
		return VIEW;
	}

	private Cpts fill(String slug, Model model, Map<String, String> params) {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		Territory territory = cpts.publicTerritory(slug);
		model.addAttribute("cpts", c);
		model.addAttribute("communes", territory.communes());
		model.addAttribute("situations", Situation.values());
		model.addAttribute("form", params);
		return c;
	}
}
