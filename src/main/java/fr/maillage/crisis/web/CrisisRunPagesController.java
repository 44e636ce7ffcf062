package fr.maillage.crisis.web;

import fr.maillage.crisis.Alerts;
import fr.maillage.crisis.Crises;
import fr.maillage.crisis.Crisis;
import fr.maillage.crisis.CrisisAlert;
import fr.maillage.crisis.CrisisForms;
import fr.maillage.crisis.CrisisPlans;
import fr.maillage.crisis.Skill;

import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
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
 * A crisis running: its page (alerts, a new alert, the cell's conversation, closing), an alert's
 * live board, and an alert as its recipient answers it on a phone.
 */
@Controller
class CrisisRunPagesController {

	/** The RPPS professions an alert may target (doctors, pharmacists, dentists, midwives, nurses, physiotherapists). */
	static final java.util.List<String> PROFESSIONS = java.util.List.of("10", "21", "40", "50", "60", "70");

	private final Crises crises;
	private final Alerts alerts;
	private final CrisisPlans plans;
	private final fr.maillage.cpts.CptsService cpts;
	private final Messages messages;
	private final fr.maillage.crisis.CrisisLog log;
	private final fr.maillage.platform.PdfDocuments pdf;
	private final fr.maillage.crisis.Sites sites;
	private final fr.maillage.crisis.FragilePatients fragile;

	CrisisRunPagesController(Crises crises, Alerts alerts, CrisisPlans plans, fr.maillage.cpts.CptsService cpts, Messages messages,
			fr.maillage.crisis.CrisisLog log, fr.maillage.platform.PdfDocuments pdf, fr.maillage.crisis.Sites sites,
			fr.maillage.crisis.FragilePatients fragile) {
		this.fragile = fragile;
		this.sites = sites;
		this.log = log;
		this.pdf = pdf;
		this.crises = crises;
		this.alerts = alerts;
		this.plans = plans;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/crises/{crisisId}")
	String crisis(@PathVariable UUID crisisId, Model model) {
		model.addAttribute("alertForm", CrisisForms.AlertForm.empty());
		return page(crisisId, model);
	}

	private String page(UUID crisisId, Model model) {
		Crisis c = crises.get(crisisId);
		model.addAttribute("c", c);
		model.addAttribute("label", crises.label(c));
		model.addAttribute("cpts", cpts.get(c.cptsId()));
		model.addAttribute("leader", plans.mayLead(c.cptsId()));
		model.addAttribute("alerts", alerts.of(crisisId));
		model.addAttribute("skills", Skill.values());
		model.addAttribute("professions", PROFESSIONS);
		model.addAttribute("sites", sites.of(crisisId));
		model.addAttribute("followUp", fragile.ofCrisis(crisisId));
		var entries = log.entries(crisisId);
		model.addAttribute("log", entries);
		java.util.Map<UUID, Integer> correctedBy = new java.util.HashMap<>();
		entries.stream().filter(e -> e.corrects() != null).forEach(e -> correctedBy.putIfAbsent(e.corrects(), e.seq()));
		model.addAttribute("correctedBy", correctedBy);
		model.addAttribute("logKinds", fr.maillage.crisis.LogEntry.Kind.values());
		if (!model.containsAttribute("logForm")) {
			model.addAttribute("logForm", java.util.Map.of("kind", "INFORMATION", "text", "", "corrects", ""));
		}
		return "crisis/crisis";
	}

	@PostMapping("/crises/{crisisId}/alertes")
	String send(@PathVariable UUID crisisId, @Valid @ModelAttribute("alertForm") CrisisForms.AlertForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("problems", messages.byField(binding));
			return page(crisisId, model);
		}
		try {
			CrisisAlert a = alerts.send(crisisId, form);
			redirect.addFlashAttribute("success", messages.get("crisis.alert.sent", a.recipients()));
			return "redirect:/crises/" + crisisId + "/alertes/" + a.id();
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return page(crisisId, model);
		}
	}

	/** The board; htmx fetches only the board again on every "crisis-board" live event. */
	@GetMapping("/crises/{crisisId}/alertes/{alertId}")
	String board(@PathVariable UUID crisisId, @PathVariable UUID alertId, HtmxRequest htmx, Model model) {
		Alerts.Board b = alerts.board(alertId);
		if (!b.crisis().id().equals(crisisId)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		model.addAttribute("b", b);
		model.addAttribute("label", crises.label(b.crisis()));
		model.addAttribute("leader", plans.mayLead(b.crisis().cptsId()));
		return htmx.isHtmxRequest() ? "crisis/board :: board" : "crisis/board";
	}

	@PostMapping("/crises/{crisisId}/alertes/{alertId}/cloture")
	String closeAlert(@PathVariable UUID crisisId, @PathVariable UUID alertId, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> alerts.close(alertId), "crisis.alert.closedNow");
		return "redirect:/crises/" + crisisId + "/alertes/" + alertId;
	}

	/** The referent asks the care circles of the patients in the area to take news of them. */
	@PostMapping("/crises/{crisisId}/patients-suivis")
	String askCircles(@PathVariable UUID crisisId, @RequestParam(required = false) @Nullable String followUpMessage, Model model,
			RedirectAttributes redirect) {
		try {
			fragile.askCircles(crisisId, followUpMessage);
			redirect.addFlashAttribute("success", messages.get("crisis.fragile.asked"));
			return "redirect:/crises/" + crisisId + "#patients-suivis";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("followUpMessage", followUpMessage);
			model.addAttribute("alertForm", CrisisForms.AlertForm.empty());
			return page(crisisId, model);
		}
	}

	@PostMapping("/crises/{crisisId}/conversation")
	String conversation(@PathVariable UUID crisisId) {
		return "redirect:/messages/" + crises.conversation(crisisId);
	}

	@PostMapping("/crises/{crisisId}/cloture")
	String close(@PathVariable UUID crisisId, @RequestParam(required = false) @Nullable String review,
			@RequestParam(required = false) java.util.@Nullable List<org.springframework.web.multipart.MultipartFile> files, Model model,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			log.close(crisisId, review == null ? "" : review, fr.maillage.platform.Upload.of(files));
			redirect.addFlashAttribute("success", messages.get("crisis.closedNow"));
			return "redirect:/crises/" + crisisId;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("review", review);
			model.addAttribute("alertForm", CrisisForms.AlertForm.empty());
			return page(crisisId, model);
		}
	}

	@PostMapping("/crises/{crisisId}/main-courante")
	String addToLog(@PathVariable UUID crisisId, @RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String corrects,
			@RequestParam(required = false) java.util.@Nullable List<org.springframework.web.multipart.MultipartFile> files, Model model,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			int seq = log.add(crisisId, TypedValues.enumOf(fr.maillage.crisis.LogEntry.Kind.class, kind), text, TypedValues.uuid(corrects),
					fr.maillage.platform.Upload.of(files));
			redirect.addFlashAttribute("success", messages.get("crisis.log.added", seq));
			return "redirect:/crises/" + crisisId + "#main-courante";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("logProblems", messages.byField(ex.problems()));
			model.addAttribute("logForm", java.util.Map.of("kind", kind == null ? "" : kind, "text", text == null ? "" : text, "corrects",
					corrects == null ? "" : corrects));
			model.addAttribute("alertForm", CrisisForms.AlertForm.empty());
			return page(crisisId, model);
		}
	}

	@GetMapping("/crises/main-courante/pieces/{attachmentId}")
	org.springframework.http.ResponseEntity<byte[]> logFile(@PathVariable UUID attachmentId) {
		return CrisisApiController.download(log.attachment(attachmentId));
	}

	@GetMapping("/crises/{crisisId}/main-courante.pdf")
	void logPdf(@PathVariable UUID crisisId, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Crisis c = crises.get(crisisId);
		var entries = log.entries(crisisId);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"main-courante.pdf\"");
		pdf.render("crisis/log-pdf", java.util.Map.of("c", c, "label", crises.label(c), "entries", entries, "cpts", cpts.get(c.cptsId())),
				response.getOutputStream());
	}

	/** An alert as its recipient sees it, on a phone: three buttons. */
	@GetMapping("/crises/alertes/{alertId}")
	String received(@PathVariable UUID alertId, Model model) {
		Alerts.Received r = alerts.received(alertId);
		model.addAttribute("r", r);
		model.addAttribute("label", crises.label(r.crisis()));
		model.addAttribute("answers", CrisisAlert.Answer.values());
		return "crisis/alert";
	}

	@PostMapping("/crises/alertes/{alertId}/reponse")
	String answer(@PathVariable UUID alertId, @RequestParam(required = false) @Nullable String answer, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> alerts.answer(alertId, TypedValues.enumOf(CrisisAlert.Answer.class, answer)), "crisis.answer.saved");
		return "redirect:/crises/alertes/" + alertId;
	}
}
