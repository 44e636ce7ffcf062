package fr.maillage.missions.web;

import fr.maillage.missions.BudgetLine;
import fr.maillage.missions.BudgetLineForm;
import fr.maillage.missions.BudgetYear;
import fr.maillage.missions.Budgets;
import fr.maillage.missions.FecImports;
import fr.maillage.missions.FecMapping;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.platform.Problems;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Budgets, the FEC mapping and import over the API (coordination and board only). */
@RestController
class BudgetApiController {

	private final Budgets budgets;
	private final FecImports fec;
	private final fr.maillage.cpts.CptsService cpts;
	private final fr.maillage.platform.Messages messages;

	BudgetApiController(Budgets budgets, FecImports fec, fr.maillage.cpts.CptsService cpts, fr.maillage.platform.Messages messages) {
		this.budgets = budgets;
		this.fec = fec;
		this.cpts = cpts;
		this.messages = messages;
	}

	/** The year's budget for the accountant, as CSV or XLSX. */
	@GetMapping({ "/api/v1/cpts/{id}/budget/export.csv", "/api/v1/cpts/{id}/budget/export.xlsx" })
	void export(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws IOException {
		var format = request.getRequestURI().endsWith(".xlsx") ? fr.maillage.platform.TabularExport.Format.XLSX : fr.maillage.platform.TabularExport.Format.CSV;
		BudgetExport.write(response, format, budgets.year(id, year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year), cpts.get(id).name(),
				messages);
	}

	@GetMapping("/api/v1/cpts/{id}/budget")
	BudgetYear budget(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return budgets.year(id, year == null ? LocalDate.now(IndicatorSource.PARIS).getYear() : year);
	}

	@PostMapping("/api/v1/cpts/{id}/budget/lines")
	ResponseEntity<BudgetLine> add(@PathVariable UUID id, @RequestBody BudgetLineForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(budgets.saveLine(id, null, form));
	}

	@PutMapping("/api/v1/cpts/{id}/budget/lines/{lineId}")
	BudgetLine change(@PathVariable UUID id, @PathVariable UUID lineId, @RequestBody BudgetLineForm form) {
		return budgets.saveLine(id, lineId, form);
	}

	@DeleteMapping("/api/v1/cpts/{id}/budget/lines/{lineId}")
	ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID lineId) {
		budgets.deleteLine(id, lineId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/cpts/{id}/budget/close")
	BudgetYear close(@PathVariable UUID id, @RequestParam int year) {
		budgets.closeYear(id, year);
		return budgets.year(id, year);
	}

	@GetMapping("/api/v1/cpts/{id}/budget/mapping")
	List<FecMapping> mapping(@PathVariable UUID id) {
		return budgets.mappings(id);
	}

	record MappingBody(FecMapping.@Nullable Kind kind, @Nullable String code, @Nullable String mission, @Nullable String category) {
	}

	@PutMapping("/api/v1/cpts/{id}/budget/mapping")
	FecMapping map(@PathVariable UUID id, @RequestBody MappingBody b) {
		return budgets.saveMapping(id, b.kind(), b.code(), b.mission(), b.category());
	}

	/** The FEC as a multipart file ("file"): checked, applied unless dryRun; 422 with the report when it cannot be applied. */
	@PostMapping(path = "/api/v1/cpts/{id}/budget/fec", consumes = "multipart/form-data")
	ResponseEntity<FecImports.Report> fecFile(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		if (file == null || file.isEmpty()) {
			throw Problems.rejected("file", "missions.fec.noFile");
		}
		return answer(fec.load(id, file.getBytes(), file.getOriginalFilename(), dryRun));
	}

	/** The FEC as the request's body (text/plain or application/octet-stream). */
	@PostMapping(path = "/api/v1/cpts/{id}/budget/fec", consumes = { "text/plain", "application/octet-stream" })
	ResponseEntity<FecImports.Report> fecBody(@PathVariable UUID id, @RequestBody byte[] body, @RequestParam(defaultValue = "false") boolean dryRun) {
		return answer(fec.load(id, body, null, dryRun));
	}

	private static ResponseEntity<FecImports.Report> answer(FecImports.Report r) {
		return ResponseEntity.status(r.problems().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(r);
	}
}
