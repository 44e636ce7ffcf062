package fr.maillage.prevention.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.ConsultationOffer;
import fr.maillage.prevention.ConsultationOffers;
import fr.maillage.prevention.OfferForm;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Prevention consultations at key ages: the professional's own offer and monthly counts; the
 * inhabitants' finder on the CPTS's public page (a commune by name or code, a radius), and its API.
 */
@Controller
class ConsultationController {

	private final ConsultationOffers offers;
	private final CptsService cpts;
	private final CommuneDirectory communes;
	private final Messages messages;

	ConsultationController(ConsultationOffers offers, CptsService cpts, CommuneDirectory communes, Messages messages) {
		this.offers = offers;
		this.cpts = cpts;
		this.communes = communes;
		this.messages = messages;
	}

	@GetMapping("/prevention/mon-offre")
	String mine(Model model) {
		ConsultationOffers.Mine mine = offers.mine();
		ConsultationOffer o = mine.offer();
		model.addAttribute("form", o == null ? new OfferForm(List.of(), "", "", "", "", firstCommune(mine))
				: new OfferForm(o.ages(), o.howToBook(), o.phone(), o.bookingUrl(), o.place(), o.communeCode()));
		return mine(mine, model);
	}

	@PostMapping("/prevention/mon-offre")
	String declare(@Valid @ModelAttribute("form") OfferForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				offers.declare(form);
				redirect.addFlashAttribute("success", messages.get("prevention.offer.saved"));
				return "redirect:/prevention/mon-offre";
			}
			catch (Problems.RejectedException ex) {
				model.addAttribute("problems", messages.byField(ex.problems()));
				return mine(offers.mine(), model);
			}
		}
		model.addAttribute("problems", messages.byField(binding));
		return mine(offers.mine(), model);
	}

	@PostMapping("/prevention/mon-offre/arret")
	String stop(RedirectAttributes redirect) {
		offers.stop();
		redirect.addFlashAttribute("success", messages.get("prevention.offer.stoppedNow"));
		return "redirect:/prevention/mon-offre";
	}

	@PostMapping("/prevention/mon-offre/mois")
	String month(@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable String done,
			RedirectAttributes redirect) {
		try {
			offers.recordMonth(month, done);
			redirect.addFlashAttribute("success", messages.get("prevention.offer.monthSaved"));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", ex.problems().all().stream().map(messages::get).toList()));
		}
		return "redirect:/prevention/mon-offre#mois";
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/bilan-prevention")
	String finder(@PathVariable String slug, @RequestParam(name = "commune", required = false) @Nullable String commune,
			@RequestParam(name = "rayon", required = false) @Nullable String radius, Model model) {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		model.addAttribute("cpts", c);
		model.addAttribute("commune", commune == null ? "" : commune);
		model.addAttribute("rayon", radius == null || radius.isBlank() ? "15" : radius);
		if (commune != null && !commune.isBlank()) {
			Commune found = resolve(commune);
			Double km = radius == null || !radius.strip().matches("\\d{1,3}") ? null : Double.valueOf(radius.strip());
			if (found == null) {
				model.addAttribute("failure", messages.get("prevention.offer.communeUnknown", commune));
			}
			else {
				try {
					model.addAttribute("center", found);
					model.addAttribute("found", offers.near(found.inseeCode(), km));
				}
				catch (Problems.RejectedException ex) {
					model.addAttribute("failure", messages.get(ex.problems().all().getFirst()));
				}
			}
		}
		return "prevention/finder";
	}

	@GetMapping("/api/v1/prevention/consultations")
	@ResponseBody
	List<ConsultationOffer.Found> near(@RequestParam(required = false) @Nullable String near, @RequestParam(required = false) @Nullable Double radiusKm) {
		return offers.near(near, radiusKm);
	}

	private @Nullable Commune resolve(String typed) {
		String t = typed.strip();
		if (t.matches("\\d[0-9AB]\\d{3}")) {
			return communes.find(t).orElse(null);
		}
		return communes.search(t, 1).stream().findFirst().orElse(null);
	}

	private static String firstCommune(ConsultationOffers.Mine mine) {
		return mine.practitioner() == null ? "" : mine.practitioner().activities().stream().filter(a -> a.active() && a.communeCode() != null)
			.map(a -> a.communeCode()).findFirst().orElse("");
	}

	private String mine(ConsultationOffers.Mine mine, Model model) {
		model.addAttribute("mine", mine);
		model.addAttribute("keyAges", ConsultationOffer.KEY_AGES);
		model.addAttribute("thisMonth", java.time.YearMonth.now(fr.maillage.prevention.PreventionEvents.PARIS).toString());
		return "prevention/my-offer";
	}
}
