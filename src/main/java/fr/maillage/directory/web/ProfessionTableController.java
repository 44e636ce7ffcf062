package fr.maillage.directory.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.directory.ProfessionTable;
import fr.maillage.platform.Messages;
import fr.maillage.platform.TabularExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "professionals by profession" table of a CPTS (page, exports, API), and where coordinators
 * record how professionals stand with their CPTS: one at a time on a professional's page, or
 * every result of a directory search at once ("solicited" after a mailing).
 */
@Controller
class ProfessionTableController {

	static final String VIEW = "directory/professions";

	private final ProfessionTable table;
	private final CptsService cpts;
	private final Messages messages;

	ProfessionTableController(ProfessionTable table, CptsService cpts, Messages messages) {
		this.table = table;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/professions")
	String page(@PathVariable UUID id, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("table", table.of(id));
		return VIEW;
	}

	@GetMapping("/api/v1/cpts/{id}/profession-table")
	@ResponseBody
	ProfessionTable.Table api(@PathVariable UUID id) {
		return table.of(id);
	}

	@GetMapping({ "/cpts/{id}/professions/export.csv", "/cpts/{id}/professions/export.xlsx" })
	void export(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProfessionTable.Table t = table.of(id);
		var format = request.getRequestURI().endsWith(".xlsx") ? TabularExport.Format.XLSX : TabularExport.Format.CSV;
		List<String> header = List.of(messages.get("directory.professions.col.profession"), messages.get("directory.professions.col.identified"),
				messages.get("directory.professions.col.solicited"), messages.get("directory.professions.col.project"),
				messages.get("directory.professions.col.members"), messages.get("directory.professions.col.governance"));
		TabularExport.write(response, format, "professions", messages.get("directory.professions.title"), header, sink -> {
			for (ProfessionTable.Row r : t.rows()) {
				sink.accept(Arrays.asList(label(r), r.identified(), r.solicited(), r.project(), r.members(), r.governance()));
			}
			ProfessionTable.Row total = t.total();
			sink.accept(Arrays.asList(messages.get("directory.professions.total"), total.identified(), total.solicited(), total.project(),
					total.members(), total.governance()));
		});
	}

	private String label(ProfessionTable.Row r) {
		return r.group() == ProfessionTable.Group.OTHER ? messages.get("directory.professions.other", r.otherLabel())
				: messages.get("directory.professions.group." + r.group().name());
	}

	@PostMapping("/annuaire/professionnels/{id}/engagement")
	String record(@PathVariable UUID id, @RequestParam UUID cptsId, @RequestParam(required = false) @Nullable String solicitedOn,
			@RequestParam(defaultValue = "false") boolean project, @RequestParam(defaultValue = "false") boolean member,
			@RequestParam(defaultValue = "false") boolean governance, RedirectAttributes redirect) {
		LocalDate date = parse(solicitedOn);
		if (solicitedOn != null && !solicitedOn.isBlank() && date == null) {
			redirect.addFlashAttribute("failure", messages.get("directory.engagement.date.invalid", solicitedOn));
			return "redirect:/annuaire/professionnels/" + id;
		}
		table.record(cptsId, id, new ProfessionTable.Engagement(date, project, member, governance));
		redirect.addFlashAttribute("success", messages.get("directory.engagement.saved"));
		return "redirect:/annuaire/professionnels/" + id;
	}

	/** Marks every professional of the current search as solicited by a CPTS on a date; back to the same search. */
	@PostMapping("/annuaire/sollicitation")
	String solicit(@ModelAttribute SearchForm form, @RequestParam UUID cptsId, @RequestParam(required = false) @Nullable String solicitedOn,
			RedirectAttributes redirect) {
		LocalDate date = parse(solicitedOn);
		if (date == null) {
			redirect.addFlashAttribute("failure", messages.get("directory.engagement.date.invalid", solicitedOn == null ? "" : solicitedOn));
		}
		else {
			int marked = table.markSolicited(cptsId, form.query(0, 200), date);
			redirect.addFlashAttribute("success", messages.get("directory.engagement.bulkDone", marked, cpts.get(cptsId).name()));
		}
		String back = UriComponentsBuilder.fromPath("/annuaire").queryParamIfPresent("q", present(form.q()))
			.queryParamIfPresent("profession", present(form.profession())).queryParamIfPresent("skill", present(form.skill()))
			.queryParamIfPresent("structure", present(form.structure())).queryParamIfPresent("commune", present(form.commune()))
			.queryParamIfPresent("near", present(form.near()))
			.queryParamIfPresent("radiusKm", java.util.Optional.ofNullable(form.radiusKm()))
			.queryParamIfPresent("view", present(form.view())).encode().build().toUriString();
		return "redirect:" + back;
	}

	private static java.util.Optional<String> present(@Nullable String value) {
		return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
	}

	private static @Nullable LocalDate parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
