package fr.maillage.missions.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.missions.ActionSheets;
import fr.maillage.missions.BudgetCategory;
import fr.maillage.missions.BudgetLine;
import fr.maillage.missions.Budgets;
import fr.maillage.missions.FecImports;
import fr.maillage.missions.FecMapping;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.SteeringAccess;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A year's budget: per mission and category planned against actual, the lines to add and change,
 * the accountant's FEC to check and import with its mapping, the year's closing and the export.
 */
@Controller
class BudgetPagesController {

	private final Budgets budgets;
	private final FecImports fec;
	private final ActionSheets sheets;
	private final SteeringAccess steering;
	private final CptsService cpts;
	private final Messages messages;

	BudgetPagesController(Budgets budgets, FecImports fec, ActionSheets sheets, SteeringAccess steering, CptsService cpts, Messages messages) {
		this.budgets = budgets;
		this.fec = fec;
		this.sheets = sheets;
		this.steering = steering;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/contrat/budget")
	String page(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year,
			@RequestParam(name = "ligne", required = false) @Nullable UUID lineId, Model model) {
		steering.require(id);
		int y = year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year;
		BudgetLine editing = lineId == null ? null
				: budgets.year(id, y).missions().stream().flatMap(m -> m.rows().stream()).flatMap(r -> r.lines().stream())
					.filter(l -> l.id().equals(lineId)).findFirst().orElse(null);
		model.addAttribute("form", editing == null ? BudgetPageForm.empty(y) : BudgetPageForm.of(editing));
		model.addAttribute("editing", editing);
		model.addAttribute("editingId", editing == null ? null : editing.id());
		return show(id, y, model);
	}

	@PostMapping("/cpts/{id}/contrat/budget/lignes")
	String save(@PathVariable UUID id, @RequestParam(name = "ligne", required = false) @Nullable UUID lineId, @ModelAttribute("form") BudgetPageForm form,
			Model model, RedirectAttributes redirect) {
		steering.require(id);
		try {
			BudgetLine l = budgets.saveLine(id, lineId, form.read());
			redirect.addFlashAttribute("success", messages.get("missions.budget.saved", l.label()));
			return "redirect:/cpts/" + id + "/contrat/budget?annee=" + l.year();
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("editingId", lineId);
			int y = form.year() != null && form.year().strip().matches("\\d{4}") ? Integer.parseInt(form.year().strip())
					: LocalDate.now(IndicatorSource.PARIS).getYear();
			return show(id, y, model);
		}
	}

	@PostMapping("/cpts/{id}/contrat/budget/lignes/{lineId}/suppression")
	String delete(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam(name = "annee") int year, RedirectAttributes redirect) {
		try {
			budgets.deleteLine(id, lineId);
			redirect.addFlashAttribute("success", messages.get("missions.budget.deleted"));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/contrat/budget?annee=" + year;
	}

	@PostMapping("/cpts/{id}/contrat/budget/cloture")
	String close(@PathVariable UUID id, @RequestParam(name = "annee") int year, RedirectAttributes redirect) {
		budgets.closeYear(id, year);
		redirect.addFlashAttribute("success", messages.get("missions.budget.closedNow", year));
		return "redirect:/cpts/" + id + "/contrat/budget?annee=" + year;
	}

	@PostMapping("/cpts/{id}/contrat/budget/fec")
	String importFec(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(name = "verifier", required = false) @Nullable String check,
			Model model) throws IOException {
		steering.require(id);
		int y = year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year;
		if (file == null || file.isEmpty()) {
			model.addAttribute("fecFailure", messages.get("missions.fec.noFile"));
		}
		else {
			FecImports.Report report = fec.load(id, file.getBytes(), file.getOriginalFilename(), check != null);
			model.addAttribute("report", report);
			if (report.year() != null && report.applied()) {
				y = report.year();
			}
		}
		model.addAttribute("form", BudgetPageForm.empty(y));
		model.addAttribute("editingId", null);
		return show(id, y, model);
	}

	@PostMapping("/cpts/{id}/contrat/budget/correspondances")
	String map(@PathVariable UUID id, @RequestParam(required = false) FecMapping.@Nullable Kind kind, @RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String mission, @RequestParam(required = false) @Nullable String category,
			@RequestParam(name = "annee") int year, RedirectAttributes redirect) {
		try {
			FecMapping m = budgets.saveMapping(id, kind, code, mission, category);
			redirect.addFlashAttribute("success", messages.get("missions.fec.mapping.saved", m.code()));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", ex.problems().all().stream().map(messages::get).toList()));
		}
		return "redirect:/cpts/" + id + "/contrat/budget?annee=" + year + "#correspondances";
	}

	@PostMapping("/cpts/{id}/contrat/budget/correspondances/suppression")
	String unmap(@PathVariable UUID id, @RequestParam FecMapping.Kind kind, @RequestParam String code, @RequestParam(name = "annee") int year,
			RedirectAttributes redirect) {
		budgets.deleteMapping(id, kind, code);
		redirect.addFlashAttribute("success", messages.get("missions.fec.mapping.deleted", code));
		return "redirect:/cpts/" + id + "/contrat/budget?annee=" + year + "#correspondances";
	}

	@GetMapping("/cpts/{id}/contrat/budget/export.csv")
	void csv(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year, HttpServletResponse response)
			throws IOException {
		BudgetExport.write(response, TabularExport.Format.CSV, budgets.year(id, orThisYear(year)), cpts.get(id).name(), messages);
	}

	@GetMapping("/cpts/{id}/contrat/budget/export.xlsx")
	void xlsx(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year, HttpServletResponse response)
			throws IOException {
		BudgetExport.write(response, TabularExport.Format.XLSX, budgets.year(id, orThisYear(year)), cpts.get(id).name(), messages);
	}

	private static int orThisYear(@Nullable Integer year) {
		return year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year;
	}

	private String show(UUID id, int year, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("year", year);
		model.addAttribute("budget", budgets.year(id, year));
		model.addAttribute("missions", budgets.missions(id));
		model.addAttribute("categories", BudgetCategory.values());
		model.addAttribute("sheets", sheets.list(id, year));
		model.addAttribute("mappings", budgets.mappings(id));
		model.addAttribute("kinds", FecMapping.Kind.values());
		return "missions/budget";
	}
}
