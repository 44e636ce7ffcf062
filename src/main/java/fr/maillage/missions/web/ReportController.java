package fr.maillage.missions.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.missions.AciReports;
import fr.maillage.missions.Contract;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.HealthProjects;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.SteeringAccess;
import fr.maillage.missions.internal.ReportStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual report for the dialogue de gestion (its versions, generation, sending, files) and the
 * projet de santé, on pages.
 */
@Controller
class ReportController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final AciReports reports;
	private final HealthProjects projects;
	private final Contracts contracts;
	private final SteeringAccess steering;
	private final CptsService cpts;
	private final Messages messages;

	ReportController(AciReports reports, HealthProjects projects, Contracts contracts, SteeringAccess steering, CptsService cpts, Messages messages) {
		this.reports = reports;
		this.projects = projects;
		this.contracts = contracts;
		this.steering = steering;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/contrat/rapport")
	String page(@PathVariable UUID id, Model model) {
		steering.require(id);
		model.addAttribute("cpts", cpts.get(id));
		Contract c = contracts.contractOf(id).orElse(null);
		model.addAttribute("contract", c);
		model.addAttribute("currentYear", c == null ? null : c.currentYear(LocalDate.now(IndicatorSource.PARIS)));
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(1, Contract.YEARS).boxed().toList());
		model.addAttribute("versions", reports.versions(id, null));
		model.addAttribute("thisYear", LocalDate.now(IndicatorSource.PARIS).getYear());
		return "missions/report";
	}

	@PostMapping("/cpts/{id}/contrat/rapport")
	String generate(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer year, RedirectAttributes redirect) {
		try {
			ReportStore.Version v = reports.generate(id, year);
			redirect.addFlashAttribute("success", messages.get("missions.report.generatedNow", v.contractYear(), v.number()));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/contrat/rapport";
	}

	@PostMapping("/cpts/{id}/contrat/rapport/{reportId}/envoi")
	String sent(@PathVariable UUID id, @PathVariable UUID reportId, RedirectAttributes redirect) {
		try {
			ReportStore.Version v = reports.markSent(id, reportId);
			redirect.addFlashAttribute("success", messages.get("missions.report.sentNow", v.contractYear(), v.number()));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/contrat/rapport";
	}

	@GetMapping("/cpts/{id}/contrat/rapport/{reportId}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID reportId) {
		return file(reports.file(id, reportId, true).orElseThrow(NotFoundException::new), MediaType.APPLICATION_PDF, "rapport-aci.pdf");
	}

	@GetMapping("/cpts/{id}/contrat/rapport/{reportId}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable UUID id, @PathVariable UUID reportId) {
		return file(reports.file(id, reportId, false).orElseThrow(NotFoundException::new), XLSX, "rapport-aci.xlsx");
	}

	@GetMapping("/cpts/{id}/contrat/projet-de-sante.docx")
	ResponseEntity<byte[]> projectDocx(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer annee) {
		int y = annee != null ? annee : LocalDate.now(IndicatorSource.PARIS).getYear();
		return file(projects.docx(id, y), DOCX, "projet-de-sante-" + y + ".docx");
	}

	@GetMapping("/cpts/{id}/contrat/projet-de-sante.pdf")
	ResponseEntity<byte[]> projectPdf(@PathVariable UUID id, @RequestParam(name = "annee", required = false) @Nullable Integer annee) {
		int y = annee != null ? annee : LocalDate.now(IndicatorSource.PARIS).getYear();
		return file(projects.pdf(id, y), MediaType.APPLICATION_PDF, "projet-de-sante-" + y + ".pdf");
	}

	static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok().contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff").body(content);
	}
}
