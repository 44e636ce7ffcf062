package fr.maillage.missions.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.ActionSheets;
import fr.maillage.missions.Indicators;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Mission;
import fr.maillage.missions.OwnMission;
import fr.maillage.missions.SteeringAccess;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action sheets of a year by mission, the CPTS's own missions, and a sheet's page: its form
 * while a draft, its statuses, its validated versions and a copy to another year.
 */
@Controller
class SheetPagesController {

	private final ActionSheets sheets;
	private final Indicators indicators;
	private final SteeringAccess steering;
	private final CptsService cpts;
	private final Messages messages;

	SheetPagesController(ActionSheets sheets, Indicators indicators, SteeringAccess steering, CptsService cpts, Messages messages) {
		this.sheets = sheets;
		this.indicators = indicators;
		this.steering = steering;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/contrat/fiches")
	String list(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year, Model model) {
		steering.require(id);
		int y = year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year;
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("year", y);
		List<ActionSheet> all = sheets.list(id, y);
		Map<String, String> missions = missionLabels(id);
		Map<String, List<ActionSheet>> byMission = new LinkedHashMap<>();
		missions.keySet().forEach(m -> byMission.put(m, all.stream().filter(s -> s.mission().equals(m)).toList()));
		model.addAttribute("byMission", byMission);
		model.addAttribute("missions", missions);
		model.addAttribute("previous", sheets.list(id, y - 1));
		return "missions/sheets";
	}

	@PostMapping("/cpts/{id}/contrat/missions-propres")
	String ownMission(@PathVariable UUID id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String description, @RequestParam(required = false) @Nullable String funding,
			RedirectAttributes redirect) {
		try {
			OwnMission m = sheets.addOwnMission(id, title, description, funding);
			redirect.addFlashAttribute("success", messages.get("missions.own.saved", m.title()));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/contrat/fiches";
	}

	@GetMapping("/cpts/{id}/contrat/fiches/nouvelle")
	String blank(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String mission, Model model) {
		steering.require(id);
		model.addAttribute("form", SheetPageForm.empty(year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year, mission));
		return edit(id, null, model);
	}

	@PostMapping("/cpts/{id}/contrat/fiches")
	String create(@PathVariable UUID id, @ModelAttribute("form") SheetPageForm form, Model model, RedirectAttributes redirect) {
		steering.require(id);
		try {
			ActionSheet s = sheets.create(id, form.read());
			redirect.addFlashAttribute("success", messages.get("missions.sheet.saved", s.title()));
			return "redirect:/cpts/" + id + "/contrat/fiches/" + s.id();
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return edit(id, null, model);
		}
	}

	@GetMapping("/cpts/{id}/contrat/fiches/{sheetId}")
	String show(@PathVariable UUID id, @PathVariable UUID sheetId, Model model) {
		ActionSheet s = sheets.get(id, sheetId);
		model.addAttribute("form", SheetPageForm.of(s));
		return edit(id, s, model);
	}

	@PostMapping("/cpts/{id}/contrat/fiches/{sheetId}")
	String update(@PathVariable UUID id, @PathVariable UUID sheetId, @ModelAttribute("form") SheetPageForm form, Model model,
			RedirectAttributes redirect) {
		ActionSheet before = sheets.get(id, sheetId);
		try {
			ActionSheet s = sheets.update(id, sheetId, form.read());
			redirect.addFlashAttribute("success", messages.get("missions.sheet.saved", s.title()));
			return "redirect:/cpts/" + id + "/contrat/fiches/" + sheetId;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return edit(id, before, model);
		}
	}

	@PostMapping("/cpts/{id}/contrat/fiches/{sheetId}/statut")
	String move(@PathVariable UUID id, @PathVariable UUID sheetId, @RequestParam ActionSheet.Transition transition, RedirectAttributes redirect) {
		try {
			ActionSheet s = sheets.move(id, sheetId, transition);
			redirect.addFlashAttribute("success", messages.get("missions.sheet.moved", messages.get(s.status().labelKey())));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", ex.problems().all().stream().map(messages::get).toList()));
		}
		return "redirect:/cpts/" + id + "/contrat/fiches/" + sheetId;
	}

	@PostMapping("/cpts/{id}/contrat/fiches/{sheetId}/copie")
	String copy(@PathVariable UUID id, @PathVariable UUID sheetId, @RequestParam(name = "annee", required = false) @Nullable Integer year,
			RedirectAttributes redirect) {
		try {
			ActionSheet s = sheets.copy(id, sheetId, year);
			redirect.addFlashAttribute("success", messages.get("missions.sheet.copied", s.year()));
			return "redirect:/cpts/" + id + "/contrat/fiches/" + s.id();
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
			return "redirect:/cpts/" + id + "/contrat/fiches/" + sheetId;
		}
	}

	private String edit(UUID id, @Nullable ActionSheet sheet, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("sheet", sheet);
		model.addAttribute("missions", missionLabels(id));
		model.addAttribute("people", sheets.people(id));
		model.addAttribute("partners", sheets.partners(id));
		model.addAttribute("catalogue", indicators.catalogue(id));
		model.addAttribute("versions", sheet == null ? List.of() : sheets.versions(id, sheet.id()));
		return "missions/sheet";
	}

	/** ACI missions then own missions, code or id to label. */
	private Map<String, String> missionLabels(UUID id) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Mission m : Mission.values()) {
			labels.put(m.name(), messages.get(m.labelKey()));
		}
		sheets.ownMissions(id).forEach(o -> labels.put(o.id().toString(), o.title()));
		return labels;
	}
}
