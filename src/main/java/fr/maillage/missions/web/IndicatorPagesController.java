package fr.maillage.missions.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.missions.Contract;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.Indicator;
import fr.maillage.missions.IndicatorForm;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Indicators;
import fr.maillage.missions.ProofFile;
import fr.maillage.missions.SteeringAccess;
import fr.maillage.missions.YearFigure;
import fr.maillage.platform.BarChart;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The contract's indicators for a contract year: value, target and attainment of each, a chart of
 * its months, the variable part each mission earns; adding an indicator computed by Maillage or one
 * entered by hand, and entering a value with its proof.
 */
@Controller
class IndicatorPagesController {

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

	private final Indicators indicators;
	private final Contracts contracts;
	private final SteeringAccess steering;
	private final CptsService cpts;
	private final Messages messages;

	IndicatorPagesController(Indicators indicators, Contracts contracts, SteeringAccess steering, CptsService cpts, Messages messages) {
		this.indicators = indicators;
		this.contracts = contracts;
		this.steering = steering;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/contrat/indicateurs")
	String page(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year, Model model) {
		steering.require(id);
		model.addAttribute("indicatorForm", ContractForms.IndicatorPageForm.empty());
		return show(id, year, model);
	}

	@PostMapping("/cpts/{id}/contrat/indicateurs")
	String create(@PathVariable UUID id, @ModelAttribute("indicatorForm") ContractForms.IndicatorPageForm form, Model model, RedirectAttributes redirect) {
		steering.require(id);
		try {
			Indicator.Unit unit = form.sourceCode() == null || form.sourceCode().isBlank() ? null
					: indicators.offered().stream().filter(o -> o.code().equals(form.sourceCode())).map(o -> o.unit()).findFirst().orElse(null);
			Indicator created = indicators.create(id, form.read(unit));
			redirect.addFlashAttribute("success", messages.get("missions.indicator.saved", created.name()));
			return "redirect:/cpts/" + id + "/contrat/indicateurs?annee=" + form.year();
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return show(id, form.year(), model);
		}
	}

	@PostMapping("/cpts/{id}/contrat/indicateurs/{indicatorId}/valeurs")
	String value(@PathVariable UUID id, @PathVariable UUID indicatorId, @ModelAttribute("valueForm") ContractForms.ValueForm form,
			@RequestParam(required = false) @Nullable MultipartFile proof, @RequestParam(name = "annee", required = false) @Nullable Integer year,
			Model model, RedirectAttributes redirect) throws IOException {
		steering.require(id);
		try {
			Problems problems = new Problems();
			LocalDate on = ContractForms.date(form.on(), "on", problems);
			BigDecimal value = ContractForms.decimal(form.value(), "value", problems);
			BigDecimal den = ContractForms.decimal(form.denominator(), "denominator", problems);
			problems.throwIfAny();
			indicators.enterValue(id, indicatorId, on, value, den, form.note(),
					proof == null || proof.isEmpty() ? null : new ProofFile(proof.getOriginalFilename(), proof.getBytes()));
			redirect.addFlashAttribute("success", messages.get("missions.value.saved"));
			return "redirect:/cpts/" + id + "/contrat/indicateurs" + (year == null ? "" : "?annee=" + year) + "#indicateur-" + indicatorId;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("valueProblems", messages.byField(ex.problems()));
			model.addAttribute("valueFor", indicatorId);
			model.addAttribute("indicatorForm", ContractForms.IndicatorPageForm.empty());
			return show(id, year, model);
		}
	}

	@GetMapping("/cpts/{id}/contrat/justificatifs/{valueId}")
	ResponseEntity<byte[]> proof(@PathVariable UUID id, @PathVariable UUID valueId) {
		var p = indicators.proof(id, valueId).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(p.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff").body(p.content());
	}

	private String show(UUID id, @Nullable Integer year, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		Contract contract = contracts.contractOf(id).orElse(null);
		model.addAttribute("contract", contract);
		if (!model.containsAttribute("valueForm")) {
			model.addAttribute("valueForm", new ContractForms.ValueForm("", "", "", ""));
		}
		if (contract == null) {
			return "missions/indicators";
		}
		int y = year == null || year < 1 || year > Contract.YEARS ? contract.currentYear(LocalDate.now(IndicatorSource.PARIS)) : year;
		List<YearFigure> figures = indicators.year(id, y);
		model.addAttribute("year", y);
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(1, Contract.YEARS).boxed().toList());
		model.addAttribute("yearStart", contract.yearStart(y));
		model.addAttribute("yearEnd", contract.yearEnd(y).minusDays(1));
		Map<String, List<YearFigure>> byMission = new LinkedHashMap<>();
		for (Contract.Signed s : contract.missions()) {
			byMission.put(s.mission().name(), figures.stream().filter(f -> f.indicator().mission().equals(s.mission().name())).toList());
		}
		model.addAttribute("byMission", byMission);
		model.addAttribute("charts", figures.stream().collect(Collectors.toMap(f -> f.indicator().id(), this::chart)));
		model.addAttribute("estimates", indicators.variablePart(id, y));
		Set<String> adopted = figures.stream().map(f -> f.indicator().sourceCode()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
		model.addAttribute("offered", indicators.offered().stream().filter(o -> !adopted.contains(o.code()) && contract.signs(o.mission())).toList());
		model.addAttribute("kinds", Indicator.Kind.values());
		model.addAttribute("units", Indicator.Unit.values());
		return "missions/indicators";
	}

	/** Bars: the months' values; lines: the running value of the year and the year's target. */
	private String chart(YearFigure f) {
		List<String> labels = f.months().stream().map(m -> m.month().start().format(DAY_MONTH)).toList();
		List<BigDecimal> values = f.months().stream().map(YearFigure.MonthFigure::value).toList();
		List<BarChart.Series> series = new ArrayList<>();
		series.add(new BarChart.Series(messages.get("missions.chart.month"), values, "#1565c0", null));
		if (f.indicator().aggregation() == Indicator.Aggregation.SUM && !f.secret()) {
			List<BigDecimal> running = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO;
			for (YearFigure.MonthFigure m : f.months()) {
				total = m.value() == null ? total : total.add(m.value());
				running.add(m.measure() == null ? null : total);
			}
			series.add(new BarChart.Series(messages.get("missions.chart.running"), running, "#6a1b9a", "line"));
		}
		if (f.target() != null) {
			series.add(new BarChart.Series(messages.get("missions.chart.target"), labels.stream().map(l -> f.target()).toList(), "#c62828", "line"));
		}
		return new BarChart(labels, series).json();
	}
}
