package fr.maillage.prevention.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import fr.maillage.prevention.Campaign;
import fr.maillage.prevention.CampaignAction;
import fr.maillage.prevention.CampaignForms;
import fr.maillage.prevention.Campaigns;
import fr.maillage.prevention.PreventionEvents;
import fr.maillage.prevention.internal.CampaignStore;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
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
 * Prevention campaigns: the list and a new one (from a theme of the national calendar, its usual
 * period filled in, or from scratch); a campaign's page with its actions, their results, the
 * poster and the export.
 */
@Controller
class CampaignPagesController {

	private final Campaigns campaigns;
	private final CptsService cpts;
	private final PdfDocuments pdf;
	private final Messages messages;

	CampaignPagesController(Campaigns campaigns, CptsService cpts, PdfDocuments pdf, Messages messages) {
		this.campaigns = campaigns;
		this.cpts = cpts;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/campagnes")
	String list(@PathVariable UUID id, @RequestParam(name = "theme", required = false) @Nullable String theme, Model model) {
		CampaignForms.CampaignForm form = CampaignForms.CampaignForm.empty();
		var chosen = campaigns.themes().stream().filter(t -> t.code().equals(theme)).findFirst();
		if (chosen.isPresent()) {
			CampaignStore.Theme t = chosen.get();
			LocalDate today = LocalDate.now(PreventionEvents.PARIS);
			LocalDate[] period = t.period(t.period(today.getYear())[1].isBefore(today) ? today.getYear() + 1 : today.getYear());
			form = new CampaignForms.CampaignForm(t.code(), t.name() + " " + period[0].getYear(), period[0].toString(), period[1].toString(),
					t.target(), "ALL", "", "", t.description(), List.of(), List.of());
		}
		model.addAttribute("form", form);
		return list(id, model, chosen.isPresent());
	}

	@PostMapping("/cpts/{id}/campagnes")
	String create(@PathVariable UUID id, @Valid @ModelAttribute("form") CampaignForms.CampaignForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				Campaign c = campaigns.create(id, form);
				redirect.addFlashAttribute("success", messages.get("prevention.campaign.saved", c.title()));
				return "redirect:/cpts/" + id + "/campagnes/" + c.id();
			}
			catch (Problems.RejectedException ex) {
				model.addAttribute("problems", messages.byField(ex.problems()));
				return list(id, model, true);
			}
		}
		model.addAttribute("problems", messages.byField(binding));
		return list(id, model, true);
	}

	@GetMapping("/cpts/{id}/campagnes/{campaignId}")
	String show(@PathVariable UUID id, @PathVariable UUID campaignId, Model model) {
		model.addAttribute("actionForm", CampaignForms.ActionForm.empty());
		return page(id, campaignId, model);
	}

	@PostMapping("/cpts/{id}/campagnes/{campaignId}/actions")
	String addAction(@PathVariable UUID id, @PathVariable UUID campaignId, @Valid @ModelAttribute("actionForm") CampaignForms.ActionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				CampaignAction a = campaigns.addAction(campaignId, form);
				redirect.addFlashAttribute("success", messages.get("prevention.action.saved", a.title()));
				return "redirect:/cpts/" + id + "/campagnes/" + campaignId;
			}
			catch (Problems.RejectedException ex) {
				model.addAttribute("problems", messages.byField(ex.problems()));
				return page(id, campaignId, model);
			}
		}
		model.addAttribute("problems", messages.byField(binding));
		return page(id, campaignId, model);
	}

	@PostMapping("/cpts/{id}/campagnes/{campaignId}/actions/{actionId}/resultats")
	String results(@PathVariable UUID id, @PathVariable UUID campaignId, @PathVariable UUID actionId,
			@Valid @ModelAttribute("resultsForm") CampaignForms.ResultsForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				CampaignAction a = campaigns.recordResults(actionId, form);
				redirect.addFlashAttribute("success", messages.get("prevention.action.recorded", a.title()));
				return "redirect:/cpts/" + id + "/campagnes/" + campaignId + "#action-" + actionId;
			}
			catch (Problems.RejectedException ex) {
				model.addAttribute("resultProblems", messages.byField(ex.problems()));
			}
		}
		else {
			model.addAttribute("resultProblems", messages.byField(binding));
		}
		model.addAttribute("resultsFor", actionId);
		model.addAttribute("actionForm", CampaignForms.ActionForm.empty());
		return page(id, campaignId, model);
	}

	@PostMapping("/cpts/{id}/campagnes/{campaignId}/supports")
	String addMaterial(@PathVariable UUID id, @PathVariable UUID campaignId, @RequestParam(required = false) @Nullable String documentId,
			RedirectAttributes redirect) {
		fr.maillage.platform.web.Flash.run(messages, redirect, () -> campaigns.addMaterial(campaignId, fr.maillage.platform.TypedValues.uuid(documentId)),
				"prevention.material.added");
		return "redirect:/cpts/" + id + "/campagnes/" + campaignId + "#supports";
	}

	@PostMapping("/cpts/{id}/campagnes/{campaignId}/supports/{documentId}/retrait")
	String removeMaterial(@PathVariable UUID id, @PathVariable UUID campaignId, @PathVariable UUID documentId, RedirectAttributes redirect) {
		fr.maillage.platform.web.Flash.run(messages, redirect, () -> campaigns.removeMaterial(campaignId, documentId), "prevention.material.removed");
		return "redirect:/cpts/" + id + "/campagnes/" + campaignId + "#supports";
	}

	/** A poster for the waiting rooms: the campaign, its actions, the CPTS's name. */
	@GetMapping("/cpts/{id}/campagnes/{campaignId}/affiche.pdf")
	void poster(@PathVariable UUID id, @PathVariable UUID campaignId, HttpServletResponse response) throws IOException {
		Campaigns.Detail d = campaigns.get(campaignId);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"affiche.pdf\"");
		pdf.render("prevention/poster-pdf", Map.of("d", d, "cpts", cpts.get(d.campaign().cptsId())), response.getOutputStream());
	}

	@GetMapping({ "/cpts/{id}/campagnes/{campaignId}/actions.csv", "/cpts/{id}/campagnes/{campaignId}/actions.xlsx" })
	void export(@PathVariable UUID id, @PathVariable UUID campaignId, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Campaigns.Detail d = campaigns.get(campaignId);
		var format = request.getRequestURI().endsWith(".xlsx") ? TabularExport.Format.XLSX : TabularExport.Format.CSV;
		TabularExport.write(response, format, "campagne", messages.get("prevention.campaign.export"),
				List.of("Date", "Action", "Type", "Lieu", "Qui", "Faite", "Personnes touchées", "Dépistages proposés", "Dépistages réalisés", "Vaccinations",
						"Documents remis"),
				sink -> d.actions().forEach(a -> sink.accept(List.of(a.onDate(), a.title(), messages.get(a.kind().labelKey()), a.place() == null ? "" : a.place(),
						a.who() == null ? "" : a.who(), a.done() ? "oui" : "non", n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4)))));
	}

	private static Object n(CampaignAction a, int which) {
		var r = a.results();
		if (r == null) {
			return "";
		}
		Integer v = switch (which) {
			case 0 -> r.peopleReached();
			case 1 -> r.screeningsOffered();
			case 2 -> r.screeningsDone();
			case 3 -> r.vaccinations();
			default -> r.leaflets();
		};
		return v == null ? "" : v;
	}

	private String list(UUID id, Model model, boolean open) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("campaigns", campaigns.list(id));
		model.addAttribute("themes", campaigns.themes());
		model.addAttribute("partners", campaigns.partnerChoices(id));
		model.addAttribute("professionals", campaigns.professionalChoices(id));
		model.addAttribute("sexes", Campaign.TargetSex.values());
		model.addAttribute("openForm", open);
		return "prevention/campaigns";
	}

	private String page(UUID id, UUID campaignId, Model model) {
		Campaigns.Detail d = campaigns.get(campaignId);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("d", d);
		model.addAttribute("kinds", CampaignAction.Kind.values());
		model.addAttribute("materialChoices", campaigns.materialChoices(id));
		model.addAttribute("today", LocalDate.now(PreventionEvents.PARIS));
		if (!model.containsAttribute("resultsForm")) {
			model.addAttribute("resultsForm", new CampaignForms.ResultsForm("", "", "", "", "", ""));
		}
		return "prevention/campaign";
	}
}
