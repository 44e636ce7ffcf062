package fr.maillage.gpaccess.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.gpaccess.Criterion;
import fr.maillage.gpaccess.GpCapacities;
import fr.maillage.gpaccess.GpIndicators;
import fr.maillage.gpaccess.GpProtocol;
import fr.maillage.gpaccess.GpRequest;
import fr.maillage.gpaccess.GpRequests;
import fr.maillage.gpaccess.Orientation;
import fr.maillage.gpaccess.RequestStatus;
import fr.maillage.gpaccess.Situation;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import fr.maillage.reference.CommuneDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of GP access for members: the registry (coordinators), a professional's request for a
 * patient, a request's record and history, the GP's proposals and capacity, the orientation and
 * the indicators.
 */
@Controller
class GpAccessPagesController {


	private final CptsService cpts;
	private final CptsAccess access;
	private final GpRequests requests;
	private final GpCapacities capacities;
	private final Orientation orientation;
	private final GpIndicators indicators;
	private final GpProtocol protocol;
	private final CommuneDirectory communes;
	private final Messages messages;
	private final fr.maillage.gpaccess.GpImport gpImport;
	private final fr.maillage.platform.PdfDocuments pdf;
	private final fr.maillage.reference.CommuneListResolver resolver;
	private static final String PENDING_IMPORT = "gpaccess.import.";

	GpAccessPagesController(CptsService cpts, CptsAccess access, GpRequests requests, GpCapacities capacities, Orientation orientation,
			GpIndicators indicators, GpProtocol protocol, CommuneDirectory communes, Messages messages, fr.maillage.gpaccess.GpImport gpImport,
			fr.maillage.platform.PdfDocuments pdf, fr.maillage.reference.CommuneListResolver resolver) {
		this.resolver = resolver;
		this.gpImport = gpImport;
		this.pdf = pdf;
		this.cpts = cpts;
		this.access = access;
		this.requests = requests;
		this.capacities = capacities;
		this.orientation = orientation;
		this.indicators = indicators;
		this.protocol = protocol;
		this.communes = communes;
		this.messages = messages;
	}

	private Cpts common(UUID id, Model model) {
		Cpts c = cpts.get(id);
		CurrentUser user = access.requireMember(id);
		model.addAttribute("cpts", c);
		model.addAttribute("coordinator", user.has(id, fr.maillage.accounts.Role.COORDINATOR));
		model.addAttribute("myPractitioner", capacities.myPractitioner().orElse(null));
		return c;
	}

	@GetMapping("/cpts/{id}/medecin-traitant/nouvelle")
	String newRequest(@PathVariable UUID id, Model model) {
		common(id, model);
		model.addAttribute("form", new HashMap<String, String>());
		model.addAttribute("situations", Situation.values());
		model.addAttribute("communes", List.of());
		return "gpaccess/new";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/nouvelle")
	String file(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		try {
			GpRequests.Filed filed = requests.file(id, RequestFormBinding.form(params, resolver), "true".equals(params.get("confirmDuplicate")));
			redirect.addFlashAttribute("success", messages.get("gpaccess.filed", filed.number()));
			return access.requireUser().has(id, fr.maillage.accounts.Role.COORDINATOR) ? "redirect:/cpts/" + id + "/medecin-traitant/demandes/" + filed.id()
					: "redirect:/cpts/" + id + "/medecin-traitant";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
		} catch (GpRequests.DuplicateException ex) {
			model.addAttribute("duplicates", ex.duplicates());
		}
		common(id, model);
		model.addAttribute("form", params);
		model.addAttribute("situations", Situation.values());
		model.addAttribute("communes", List.of());
		return "gpaccess/new";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}")
	String request(@PathVariable UUID id, @PathVariable UUID requestId, Model model) {
		common(id, model);
		GpRequest r = requests.get(id, requestId);
		model.addAttribute("r", r);
		model.addAttribute("history", requests.history(id, requestId));
		model.addAttribute("commune", communes.find(r.patient().contact().communeCode()).map(c -> c.name()).orElse(r.patient().contact().communeCode()));
		model.addAttribute("age", r.patient().ageOn(LocalDate.now(GpCapacities.PARIS)));
		model.addAttribute("waitingDays", r.waitingDays(java.time.Instant.now()));
		return "gpaccess/request";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}/modifier")
	String editRequest(@PathVariable UUID id, @PathVariable UUID requestId, Model model) {
		common(id, model);
		access.requireCoordinator(id);
		GpRequest r = requests.get(id, requestId);
		Map<String, String> form = new HashMap<>();
		var i = r.patient().identity();
		var c = r.patient().contact();
		form.put("birthName", i.birthName());
		form.put("firstNames", i.firstNames());
		form.put("usedName", i.usedName());
		form.put("birthDate", i.birthDate() == null ? null : i.birthDate().toString());
		form.put("sex", i.sex());
		form.put("birthplaceCode", i.birthplaceCode());
		form.put("nir", i.nir());
		form.put("email", c.email());
		form.put("phone", c.phone());
		form.put("address", c.address());
		form.put("communeCode", c.communeCode());
		form.put("ald", String.valueOf(r.ald()));
		form.put("aldNumber", r.aldNumber() == null ? null : r.aldNumber().toString());
		form.put("c2s", String.valueOf(r.c2s()));
		form.put("situation", r.situation() == null ? null : r.situation().name());
		form.put("homeVisit", String.valueOf(r.homeVisit()));
		form.put("maxKm", String.format(Locale.ROOT, "%.0f", r.maxKm()));
		form.put("notes", r.notes());
		return editPage(model, r, form);
	}

	private String editPage(Model model, GpRequest r, Map<String, String> form) {
		model.addAttribute("r", r);
		model.addAttribute("form", form);
		model.addAttribute("situations", Situation.values());
		model.addAttribute("communes", List.of());
		return "gpaccess/edit";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}/modifier")
	String saveRequest(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		try {
			requests.update(id, requestId, RequestFormBinding.form(params, resolver));
			redirect.addFlashAttribute("success", messages.get("gpaccess.updated"));
			return "redirect:/cpts/" + id + "/medecin-traitant/demandes/" + requestId;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
		}
		common(id, model);
		return editPage(model, requests.get(id, requestId), params);
	}

	@PostMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}/reponse")
	String answer(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam boolean accepted,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> requests.answer(id, requestId, accepted, note), accepted ? "gpaccess.answered.accepted" : "gpaccess.answered.refused");
		return back(id, requestId, back);
	}

	@PostMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}/declaration")
	String declare(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> requests.declare(id, requestId), "gpaccess.declared");
		return back(id, requestId, back);
	}

	@PostMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}/retrait")
	String withdraw(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> requests.withdraw(id, requestId, reason), "gpaccess.withdrawn");
		return "redirect:/cpts/" + id + "/medecin-traitant/demandes/" + requestId;
	}


	private static String back(UUID id, UUID requestId, @Nullable String back) {
		return "propositions".equals(back) ? "redirect:/cpts/" + id + "/medecin-traitant/propositions"
				: "redirect:/cpts/" + id + "/medecin-traitant/demandes/" + requestId;
	}

	/** The GP's page: requests proposed to them, to accept or refuse, then declare. */
	@GetMapping("/cpts/{id}/medecin-traitant/propositions")
	String proposals(@PathVariable UUID id, Model model) {
		common(id, model);
		model.addAttribute("proposals", requests.proposedToMe(id));
		Optional<UUID> me = capacities.myPractitioner();
		model.addAttribute("capacity", me.flatMap(p -> capacities.get(id, p)).orElse(null));
		return "gpaccess/proposals";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/capacites")
	String capacities(@PathVariable UUID id, Model model) {
		common(id, model);
		model.addAttribute("capacities", capacities.all(id));
		model.addAttribute("undeclared", capacities.undeclared(id));
		return "gpaccess/capacities";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/capacites/{practitionerId}")
	String capacity(@PathVariable UUID id, @PathVariable UUID practitionerId, Model model) {
		common(id, model);
		Optional<GpCapacities.Capacity> current = capacities.get(id, practitionerId);
		Map<String, String> form = new HashMap<>();
		current.ifPresent(c -> {
			form.put("newPatients", String.valueOf(c.newPatients()));
			form.put("period", c.period().name());
			form.put("radiusKm", String.format(Locale.ROOT, "%.0f", c.radiusKm()));
			form.put("communes", String.join(", ", c.communes()));
			form.put("homeVisits", String.valueOf(c.homeVisits()));
			form.put("pausedFrom", c.pausedFrom() == null ? "" : c.pausedFrom().toString());
			form.put("pausedUntil", c.pausedUntil() == null ? "" : c.pausedUntil().toString());
			form.put("note", c.note() == null ? "" : c.note());
		});
		return capacityPage(model, practitionerId, current.orElse(null), form);
	}

	private String capacityPage(Model model, UUID practitionerId, GpCapacities.@Nullable Capacity current, Map<String, String> form) {
		model.addAttribute("practitionerId", practitionerId);
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("periods", GpCapacities.Period.values());
		return "gpaccess/capacity";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/capacites/{practitionerId}")
	String saveCapacity(@PathVariable UUID id, @PathVariable UUID practitionerId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		List<String> served = new ArrayList<>();
		for (String part : params.getOrDefault("communes", "").split("[,;\\n]")) {
			if (!part.isBlank()) {
				served.add(part.strip());
			}
		}
		GpCapacities.Period period = null;
		try {
			period = params.get("period") == null || params.get("period").isBlank() ? null : GpCapacities.Period.valueOf(params.get("period"));
		} catch (IllegalArgumentException e) {
			// reported as missing
		}
		Integer newPatients = TypedValues.integer(params.get("newPatients"));
		var form = new GpCapacities.Form(newPatients, period, TypedValues.decimal(params.get("radiusKm")), served,
				TypedValues.yes(params.get("homeVisits")), TypedValues.date(params.get("pausedFrom")),
				TypedValues.date(params.get("pausedUntil")), params.get("note"));
		try {
			capacities.put(id, practitionerId, form);
			redirect.addFlashAttribute("success", messages.get("gpaccess.capacity.saved"));
			return capacities.myPractitioner().map(practitionerId::equals).orElse(false)
					? "redirect:/cpts/" + id + "/medecin-traitant/propositions" : "redirect:/cpts/" + id + "/medecin-traitant/capacites";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
		}
		common(id, model);
		return capacityPage(model, practitionerId, capacities.get(id, practitionerId).orElse(null), params);
	}

	@GetMapping("/cpts/{id}/medecin-traitant/orientation")
	String orientationPage(@PathVariable UUID id, Model model) {
		common(id, model);
		access.requireCoordinator(id);
		model.addAttribute("protocol", protocol.criteria(id).stream().map(c -> messages.get(c.labelKey())).toList());
		return "gpaccess/orientation";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/orientation")
	String preview(@PathVariable UUID id, Model model) {
		common(id, model);
		Orientation.Plan plan = orientation.preview(id);
		model.addAttribute("plan", plan);
		model.addAttribute("protocol", plan.protocol().subList(0, plan.protocol().size() - 1));
		return "gpaccess/orientation";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/orientation/envoi")
	String commit(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<UUID> requestIds, RedirectAttributes redirect) {
		Orientation.Plan plan = orientation.commit(id, requestIds);
		redirect.addFlashAttribute("success", messages.get("gpaccess.orientation.sent", plan.proposals().size()));
		return "redirect:/cpts/" + id + "/medecin-traitant?status=PROPOSED";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/protocole")
	String protocolPage(@PathVariable UUID id, Model model) {
		common(id, model);
		access.requireCoordinator(id);
		model.addAttribute("criteria", protocol.criteria(id));
		model.addAttribute("all", Criterion.values());
		return "gpaccess/protocol";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/protocole")
	String saveProtocol(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<Integer, Criterion> ranked = new java.util.TreeMap<>();
		for (Criterion c : Criterion.values()) {
			Integer rank = TypedValues.integer(params.get("rank_" + c.name()));
			if (rank != null && rank > 0) {
				ranked.merge(rank * 100 + c.ordinal(), c, (a, b) -> a);
			}
		}
		Flash.run(messages, redirect, () -> protocol.replace(id, List.copyOf(ranked.values())), "gpaccess.protocol.saved");
		return "redirect:/cpts/" + id + "/medecin-traitant/protocole";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/indicateurs")
	String indicatorsPage(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
		common(id, model);
		GpIndicators.Indicators i = indicators.compute(id, from, to);
		model.addAttribute("i", i);
		model.addAttribute("chart", new fr.maillage.platform.BarChart(i.months().stream().map(GpIndicators.Month::month).toList(), List.of(
				new fr.maillage.platform.BarChart.Series(messages.get("gpaccess.indicators.found"), i.months().stream().map(GpIndicators.Month::found).toList(), "#2e7d32"),
				new fr.maillage.platform.BarChart.Series(messages.get("gpaccess.indicators.filed"), i.months().stream().map(GpIndicators.Month::filed).toList(), "#90a4ae")))
			.json());
		model.addAttribute("baseline", indicators.baseline(id).orElse(null));
		return "gpaccess/indicators";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/indicateurs/reference")
	String saveBaseline(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> indicators.saveBaseline(id, TypedValues.date(p.get("referenceDate")),
				TypedValues.integer(p.get("withoutGp")), TypedValues.integer(p.get("withoutGpAld")),
				TypedValues.integer(p.get("withoutGp70")), TypedValues.integer(p.get("withoutGpC2s")),
				TypedValues.decimal(p.get("yearlyReduction"))), "gpaccess.baseline.saved");
		return "redirect:/cpts/" + id + "/medecin-traitant/indicateurs";
	}

	/** The printable letter for a patient without e-mail: the GP who accepts them and how to reach the practice. */
	@GetMapping("/cpts/{id}/medecin-traitant/demandes/{requestId}/courrier.pdf")
	void letter(@PathVariable UUID id, @PathVariable UUID requestId, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Cpts c = cpts.get(id);
		GpRequest r = requests.get(id, requestId);
		if (r.practitionerId() == null || (r.status() != RequestStatus.ACCEPTED && r.status() != RequestStatus.DECLARED)) {
			throw Problems.rejected("status", "gpaccess.letter.notAccepted");
		}
		var site = requests.practiceOf(r.practitionerId()).orElse(null);
		requests.recordPatientInformed(id, requestId, messages.get("gpaccess.informed.letter"));
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.inline()
			.filename("courrier-demande-" + r.number() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString());
		Map<String, Object> model = new HashMap<>();
		model.put("cpts", c);
		model.put("r", r);
		model.put("site", site);
		model.put("commune", communes.find(r.patient().contact().communeCode()).map(x -> x.name()).orElse(""));
		model.put("date", LocalDate.now(GpCapacities.PARIS));
		pdf.render("gpaccess/letter", model, response.getOutputStream());
	}

	@GetMapping("/cpts/{id}/medecin-traitant/indicateurs/export.{format:csv|xlsx}")
	void exportIndicators(@PathVariable UUID id, @PathVariable String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		GpIndicators.Indicators i = indicators.compute(id, from, to);
		String period = i.from() + " – " + i.to();
		List<List<?>> rows = new ArrayList<>();
		for (var e : i.byStatus().entrySet()) {
			rows.add(List.of(messages.get("gpaccess.indicators.byStatus"), messages.get(e.getKey().labelKey()), e.getValue(), period));
		}
		for (GpIndicators.CategoryFigures f : i.byCategory()) {
			String label = messages.get(f.category().labelKey());
			rows.add(List.of(messages.get("gpaccess.indicators.waiting"), label, f.waiting(), period));
			rows.add(List.of(messages.get("gpaccess.indicators.filed"), label, f.filed(), period));
			rows.add(List.of(messages.get("gpaccess.indicators.found"), label, f.found(), period));
		}
		rows.add(List.of(messages.get("gpaccess.export.waitingMedian"), messages.get("gpaccess.export.open"),
				i.waitingNow().medianDays() == null ? "" : i.waitingNow().medianDays(), period));
		rows.add(List.of(messages.get("gpaccess.export.waitingP90"), messages.get("gpaccess.export.open"),
				i.waitingNow().p90Days() == null ? "" : i.waitingNow().p90Days(), period));
		rows.add(List.of(messages.get("gpaccess.export.waitingMedian"), messages.get("gpaccess.indicators.found"),
				i.waitedUntilFound().medianDays() == null ? "" : i.waitedUntilFound().medianDays(), period));
		rows.add(List.of(messages.get("gpaccess.export.waitingP90"), messages.get("gpaccess.indicators.found"),
				i.waitedUntilFound().p90Days() == null ? "" : i.waitedUntilFound().p90Days(), period));
		for (GpIndicators.Month m : i.months()) {
			rows.add(List.of(messages.get("gpaccess.indicators.found"), m.month(), m.found(), m.month()));
			rows.add(List.of(messages.get("gpaccess.indicators.filed"), m.month(), m.filed(), m.month()));
		}
		if (i.progress() != null) {
			rows.add(List.of(messages.get("gpaccess.export.target"), messages.get("gpaccess.category.ALL"), i.progress().targetOnEnd(), i.to().toString()));
			rows.add(List.of(messages.get("gpaccess.export.estimated"), messages.get("gpaccess.category.ALL"), i.progress().estimatedWithoutGp(),
					i.to().toString()));
		}
		fr.maillage.platform.TabularExport.write(response, "csv".equals(format) ? fr.maillage.platform.TabularExport.Format.CSV
				: fr.maillage.platform.TabularExport.Format.XLSX, "indicateurs-medecin-traitant", messages.get("gpaccess.indicators.title"),
				List.of(messages.get("gpaccess.export.indicator"), messages.get("gpaccess.export.detail"), messages.get("gpaccess.export.value"),
						messages.get("gpaccess.export.period")),
				sink -> rows.forEach(sink));
	}

	@GetMapping("/cpts/{id}/medecin-traitant/import")
	String importPage(@PathVariable UUID id, Model model) {
		common(id, model);
		access.requireCoordinator(id);
		model.addAttribute("columns", String.join(";", fr.maillage.gpaccess.GpImport.COLUMNS));
		return "gpaccess/import";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/import")
	String importPreview(@PathVariable UUID id, @RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
			jakarta.servlet.http.HttpSession session, Model model) throws java.io.IOException {
		common(id, model);
		model.addAttribute("columns", String.join(";", fr.maillage.gpaccess.GpImport.COLUMNS));
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", messages.get("gpaccess.import.noFile"));
			return "gpaccess/import";
		}
		byte[] content = file.getBytes();
		fr.maillage.gpaccess.GpImport.Report report = gpImport.preview(id, content);
		model.addAttribute("report", report);
		if (report.ok()) {
			session.setAttribute(PENDING_IMPORT + id, content);
		}
		return "gpaccess/import";
	}

	@PostMapping("/cpts/{id}/medecin-traitant/import/confirmer")
	String importConfirm(@PathVariable UUID id, jakarta.servlet.http.HttpSession session, Model model, RedirectAttributes redirect) {
		byte[] content = (byte[]) session.getAttribute(PENDING_IMPORT + id);
		if (content == null) {
			redirect.addFlashAttribute("failure", messages.get("gpaccess.import.expired"));
			return "redirect:/cpts/" + id + "/medecin-traitant/import";
		}
		fr.maillage.gpaccess.GpImport.Report report = gpImport.apply(id, content);
		session.removeAttribute(PENDING_IMPORT + id);
		if (!report.ok()) {
			common(id, model);
			model.addAttribute("columns", String.join(";", fr.maillage.gpaccess.GpImport.COLUMNS));
			model.addAttribute("report", report);
			return "gpaccess/import";
		}
		redirect.addFlashAttribute("success", messages.get("gpaccess.import.done", report.lines()));
		return "redirect:/cpts/" + id + "/medecin-traitant";
	}
}
