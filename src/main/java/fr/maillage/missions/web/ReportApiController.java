package fr.maillage.missions.web;

import fr.maillage.missions.AciReports;
import fr.maillage.missions.HealthProjects;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.internal.ReportStore;
import fr.maillage.platform.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The annual report (versions, generation, sending, files) and the projet de santé over the API. */
@RestController
class ReportApiController {

	private final AciReports reports;
	private final HealthProjects projects;

	ReportApiController(AciReports reports, HealthProjects projects) {
		this.reports = reports;
		this.projects = projects;
	}

	@GetMapping("/api/v1/cpts/{id}/aci-report")
	List<ReportStore.Version> versions(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return reports.versions(id, year);
	}

	/** Generates the year's report; answers its version with the files' addresses, or a file itself with format=pdf or xlsx. */
	@PostMapping("/api/v1/cpts/{id}/aci-report")
	ResponseEntity<?> generate(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String format) {
		ReportStore.Version v = reports.generate(id, year);
		if ("pdf".equalsIgnoreCase(format)) {
			return pdf(id, v.id());
		}
		if ("xlsx".equalsIgnoreCase(format)) {
			return xlsx(id, v.id());
		}
		String base = "/api/v1/cpts/" + id + "/aci-report/" + v.id();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("version", v, "pdf", base + ".pdf", "xlsx", base + ".xlsx"));
	}

	@PostMapping("/api/v1/cpts/{id}/aci-report/{reportId}/sent")
	ReportStore.Version sent(@PathVariable UUID id, @PathVariable UUID reportId) {
		return reports.markSent(id, reportId);
	}

	@GetMapping("/api/v1/cpts/{id}/aci-report/{reportId}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID reportId) {
		return ReportController.file(reports.file(id, reportId, true).orElseThrow(NotFoundException::new), MediaType.APPLICATION_PDF, "rapport-aci.pdf");
	}

	@GetMapping("/api/v1/cpts/{id}/aci-report/{reportId}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable UUID id, @PathVariable UUID reportId) {
		return ReportController.file(reports.file(id, reportId, false).orElseThrow(NotFoundException::new), ReportController.XLSX, "rapport-aci.xlsx");
	}

	@GetMapping("/api/v1/cpts/{id}/projet-de-sante.docx")
	ResponseEntity<byte[]> projectDocx(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		int y = year != null ? year : LocalDate.now(IndicatorSource.PARIS).getYear();
		return ReportController.file(projects.docx(id, y), ReportController.DOCX, "projet-de-sante-" + y + ".docx");
	}

	@GetMapping("/api/v1/cpts/{id}/projet-de-sante.pdf")
	ResponseEntity<byte[]> projectPdf(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		int y = year != null ? year : LocalDate.now(IndicatorSource.PARIS).getYear();
		return ReportController.file(projects.pdf(id, y), MediaType.APPLICATION_PDF, "projet-de-sante-" + y + ".pdf");
	}
}
