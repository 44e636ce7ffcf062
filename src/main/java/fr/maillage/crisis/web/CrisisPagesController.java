package fr.maillage.crisis.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.CptsService;
import fr.maillage.crisis.Alerts;
import fr.maillage.crisis.Crises;
import fr.maillage.crisis.Crisis;
import fr.maillage.crisis.CrisisForms;
import fr.maillage.crisis.CrisisKind;
import fr.maillage.crisis.CrisisPlan;
import fr.maillage.crisis.CrisisPlans;
import fr.maillage.crisis.PlanForm;
import fr.maillage.crisis.Skill;
import fr.maillage.crisis.internal.PlanStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import fr.maillage.platform.web.MapPoint;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The crisis mission's pages in a CPTS: its hub (the plan's state, the crises, activation, one's
 * own skills and open alerts), the plan's page (edited as a whole, saved as a new version) and its
 * PDF.
 */
@Controller
class CrisisPagesController {

	private final CrisisPlans plans;
	private final Crises crises;
	private final Alerts alerts;
	private final CptsService cpts;
	private final CptsAccess access;
	private final PdfDocuments pdf;
	private final Messages messages;

	private final fr.maillage.crisis.FragilePatients fragile;
	private final CommuneDirectory communes;

	CrisisPagesController(CrisisPlans plans, Crises crises, Alerts alerts, CptsService cpts, CptsAccess access, PdfDocuments pdf, Messages messages,
			fr.maillage.crisis.FragilePatients fragile, CommuneDirectory communes) {
		this.fragile = fragile;
		this.communes = communes;
		this.plans = plans;
		this.crises = crises;
		this.alerts = alerts;
		this.cpts = cpts;
		this.access = access;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/crise")
	String hub(@PathVariable UUID id, Model model) {
		model.addAttribute("form", CrisisForms.ActivationForm.empty());
		return hub(id, model, false);
	}

	private String hub(UUID id, Model model, boolean openForm) {
		access.requireMember(id);
		boolean reader = plans.mayRead(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("reader", reader);
		model.addAttribute("leader", plans.mayLead(id));
		model.addAttribute("coordinator", access.requireUser().has(id, fr.maillage.accounts.Role.COORDINATOR));
		PlanStore.Version plan = reader ? plans.current(id).orElse(null) : null;
		model.addAttribute("plan", plan);
		if (plan != null && !plan.plan().resources().isEmpty()) {
			resourcesMap(plan.plan(), model);
		}
		model.addAttribute("crises", reader ? crises.of(id) : List.of());
		model.addAttribute("kinds", CrisisKind.values());
		model.addAttribute("skills", Skill.values());
		model.addAttribute("mySkills", plans.mySkills(id));
		model.addAttribute("myAlerts", alerts.mine());
		model.addAttribute("openForm", openForm);
		return "crisis/hub";
	}

	/** The plan's local resources on a map: a point per commune (its centre), the resources there in its tooltip. */
	private void resourcesMap(CrisisPlan plan, Model model) {
		Map<String, List<String>> byCommune = new java.util.LinkedHashMap<>();
		plan.resources().stream().filter(r -> r.communeCode() != null).forEach(r -> byCommune.computeIfAbsent(r.communeCode(), k -> new ArrayList<>())
			.add(r.name() + " (" + messages.get(r.kind().labelKey()) + ")"));
		List<MapPoint> points = new ArrayList<>();
		byCommune.forEach((code, names) -> communes.find(code).filter(Commune::hasCoordinates).ifPresent(c -> points.add(new MapPoint(c.latitude(),
				c.longitude(), c.name() + " : " + String.join(" ; ", names), names.size(), null, "here"))));
		model.addAttribute("resourcePoints", MapPoint.json(points));
		model.addAttribute("resourceContours", MapPoint.contoursPath(byCommune.keySet()));
		model.addAttribute("resourcesPlaced", points.size());
	}

	@PostMapping("/cpts/{id}/crise/competences")
	String skills(@PathVariable UUID id, @RequestParam(name = "skill", required = false) @Nullable List<String> typed, RedirectAttributes redirect) {
		EnumSet<Skill> chosen = EnumSet.noneOf(Skill.class);
		(typed == null ? List.<String>of() : typed).forEach(s -> {
			try {
				chosen.add(Skill.valueOf(s));
			} catch (IllegalArgumentException ex) {
				// an unknown skill is ignored: the boxes only offer known ones
			}
		});
		plans.declareSkills(id, chosen);
		redirect.addFlashAttribute("success", messages.get("crisis.skills.saved"));
		return "redirect:/cpts/" + id + "/crise#competences";
	}

	@PostMapping("/cpts/{id}/crise/activation")
	String activate(@PathVariable UUID id, @Valid @ModelAttribute("form") CrisisForms.ActivationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("problems", messages.byField(binding));
			return hub(id, model, true);
		}
		try {
			Crisis c = crises.activate(id, form);
			redirect.addFlashAttribute("success", messages.get(c.exercise() ? "crisis.exercise.started" : "crisis.activated", crises.label(c)));
			return "redirect:/crises/" + c.id();
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return hub(id, model, true);
		}
	}

	@GetMapping("/cpts/{id}/crise/plan")
	String plan(@PathVariable UUID id, Model model) {
		return planPage(id, plans.form(id), null, model);
	}

	private String planPage(UUID id, PlanForm form, @Nullable String note, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("form", form);
		model.addAttribute("note", note == null ? "" : note);
		model.addAttribute("people", plans.people(id));
		model.addAttribute("versions", plans.versions(id));
		model.addAttribute("kinds", CrisisKind.values());
		model.addAttribute("roles", CrisisPlan.CellRole.values());
		model.addAttribute("resourceKinds", CrisisPlan.ResourceKind.values());
		model.addAttribute("drillKinds", CrisisPlan.DrillKind.values());
		model.addAttribute("cellRows", PlanForm.CELL_ROWS);
		model.addAttribute("resourceRows", PlanForm.RESOURCE_ROWS);
		model.addAttribute("drillRows", PlanForm.DRILL_ROWS);
		model.addAttribute("followUp", fragile.ofTerritory(id));
		return "crisis/plan";
	}

	@PostMapping("/cpts/{id}/crise/plan")
	String savePlan(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
		PlanForm form = new PlanForm(typed);
		try {
			int version = plans.save(id, form, typed.get("note"));
			redirect.addFlashAttribute("success", messages.get("crisis.plan.saved", version));
			return "redirect:/cpts/" + id + "/crise";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return planPage(id, form, typed.get("note"), model);
		}
	}

	/** The plan as the ARS and the CPAM ask for it: the current version, or one named. */
	@GetMapping("/cpts/{id}/crise/plan.pdf")
	void planPdf(@PathVariable UUID id, @RequestParam(name = "version", required = false) @Nullable Integer version, HttpServletResponse response)
			throws IOException {
		PlanStore.Version v = version == null ? plans.current(id).orElseThrow(fr.maillage.platform.NotFoundException::new) : plans.version(id, version);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"plan-crise-v" + v.version() + ".pdf\"");
		pdf.render("crisis/plan-pdf", Map.of("v", v, "cpts", cpts.get(id), "kinds", CrisisKind.values(), "followUp", fragile.ofTerritory(id)), response.getOutputStream());
	}

}
