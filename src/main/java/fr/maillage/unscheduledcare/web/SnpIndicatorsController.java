package fr.maillage.unscheduledcare.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.platform.BarChart;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import fr.maillage.platform.TypedValues;
import fr.maillage.unscheduledcare.OnCallCoverage;
import fr.maillage.unscheduledcare.SnpIndicators;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The unscheduled-care indicators of a CPTS for its coordinators: per week (with a chart), profession, owner; on-call coverage; exports for the ACI review. */
@Controller
class SnpIndicatorsController {

	private final SnpIndicators indicators;
	private final CptsService cpts;
	private final Messages messages;

	SnpIndicatorsController(SnpIndicators indicators, CptsService cpts, Messages messages) {
		this.indicators = indicators;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/soins-non-programmes/indicateurs")
	String page(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		SnpIndicators.Indicators i;
		try {
			i = indicators.compute(id, TypedValues.date(from), TypedValues.date(to));
		} catch (Problems.RejectedException ex) {
			model.addAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
			i = indicators.compute(id, null, null);
		}
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("i", i);
		model.addAttribute("chart", new BarChart(i.weeks().stream().map(SnpIndicators.Counts::key).toList(), List.of(
				new BarChart.Series(messages.get("snp.indicators.offered"), i.weeks().stream().map(SnpIndicators.Counts::offered).toList(), "#90a4ae"),
				new BarChart.Series(messages.get("snp.indicators.booked"), i.weeks().stream().map(SnpIndicators.Counts::booked).toList(), "#1976d2"),
				new BarChart.Series(messages.get("snp.indicators.honoured"), i.weeks().stream().map(SnpIndicators.Counts::honoured).toList(), "#2e7d32")))
			.json());
		return "unscheduledcare/indicators";
	}

	@GetMapping("/cpts/{id}/soins-non-programmes/indicateurs/export.{format:csv|xlsx}")
	void export(@PathVariable UUID id, @PathVariable String format, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, HttpServletResponse response) throws IOException {
		SnpIndicators.Indicators i = indicators.compute(id, TypedValues.date(from), TypedValues.date(to));
		List<String> header = List.of(messages.get("snp.indicators.section"), messages.get("snp.indicators.group"),
				messages.get("snp.indicators.offered"), messages.get("snp.indicators.booked"), messages.get("snp.indicators.honoured"),
				messages.get("snp.indicators.notHonoured"), messages.get("snp.indicators.redirected"), messages.get("snp.indicators.turns"),
				messages.get("snp.indicators.covered"));
		TabularExport.write(response, TabularExport.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)), "soins-non-programmes-" + i.from() + "-" + i.to(),
				messages.get("snp.indicators.title"), header, sink -> {
					sink.accept(row(messages.get("snp.indicators.total"), i.from() + " – " + i.to(), i.total()));
					i.weeks().forEach(c -> sink.accept(row(messages.get("snp.indicators.week"), c.key(), c)));
					i.professions().forEach(c -> sink.accept(row(messages.get("snp.indicators.profession"), c.key(), c)));
					i.owners().forEach(c -> sink.accept(row(messages.get("snp.indicators.owner"), c.key(), c)));
					for (OnCallCoverage.Row r : i.coverage()) {
						sink.accept(java.util.Arrays.asList(messages.get("snp.indicators.coverage"), r.roster() + " (" + r.kindLabel() + ")", null, null, null,
								null, null, r.turns(), r.covered()));
					}
				});
	}

	private static List<@Nullable Object> row(String section, String group, SnpIndicators.Counts c) {
		return java.util.Arrays.asList(section, group, c.offered(), c.booked(), c.honoured(), c.notHonoured(), c.redirected(), null, null);
	}
}
