package fr.maillage.gpaccess.web;

import fr.maillage.gpaccess.Criterion;
import fr.maillage.gpaccess.GpCapacities;
import fr.maillage.gpaccess.GpIndicators;
import fr.maillage.gpaccess.GpProtocol;
import fr.maillage.gpaccess.GpRequest;
import fr.maillage.gpaccess.GpRequests;
import fr.maillage.gpaccess.Orientation;
import fr.maillage.gpaccess.RequestEvent;
import fr.maillage.gpaccess.RequestForm;
import fr.maillage.gpaccess.RequestStatus;
import fr.maillage.gpaccess.Situation;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Access to a médecin traitant in the JSON API. */
@RestController
class GpAccessApiController {

	/** A request as JSON: identity traits, contact, criteria; {@code confirmDuplicate} saves despite possible duplicates. */
	record RequestJson(@Nullable String birthName, @Nullable String firstNames, @Nullable String usedName, @Nullable LocalDate birthDate,
			@Nullable String sex, @Nullable String birthplaceCode, @Nullable String nir, @Nullable String email, @Nullable String phone,
			@Nullable String address, @Nullable String communeCode, @Nullable Boolean ald, @Nullable Integer aldNumber,
			@Nullable Boolean c2s, @Nullable Situation situation, @Nullable Boolean homeVisit, @Nullable Double maxKm, @Nullable String notes,
			@Nullable Boolean consent, @Nullable Boolean confirmDuplicate) {

		RequestForm form() {
			return new RequestForm(new Identity(birthName, firstNames, usedName, birthDate, sex, birthplaceCode, nir),
					new Contact(email, phone, address, communeCode), yes(ald), aldNumber, yes(c2s), situation, yes(homeVisit), maxKm, notes,
					yes(consent));
		}
	}

	private static boolean yes(@Nullable Boolean b) {
		return Boolean.TRUE.equals(b);
	}

	record DuplicatesAnswer(int status, String code, String message, List<GpRequests.Duplicate> duplicates) {
	}

	record Detail(GpRequest request, List<RequestEvent> history) {
	}

	record Answer(@Nullable Boolean accepted, @Nullable String note) {
	}

	record Withdrawal(@Nullable String reason) {
	}

	record Commit(@Nullable List<UUID> requestIds) {
	}

	record BaselineJson(@Nullable LocalDate referenceDate, @Nullable Integer withoutGp, @Nullable Integer withoutGpAld,
			@Nullable Integer withoutGp70, @Nullable Integer withoutGpC2s, @Nullable Double yearlyReduction) {
	}

	private final GpRequests requests;
	private final fr.maillage.gpaccess.GpRequestList requestList;
	private final GpCapacities capacities;
	private final Orientation orientation;
	private final GpIndicators indicators;
	private final GpProtocol protocol;
	private final Messages messages;
	private final fr.maillage.gpaccess.GpImport gpImport;

	GpAccessApiController(GpRequests requests, fr.maillage.gpaccess.GpRequestList requestList, GpCapacities capacities, Orientation orientation, GpIndicators indicators,
			GpProtocol protocol, Messages messages, fr.maillage.gpaccess.GpImport gpImport) {
		this.gpImport = gpImport;
		this.requests = requests;
		this.requestList = requestList;
		this.capacities = capacities;
		this.orientation = orientation;
		this.indicators = indicators;
		this.protocol = protocol;
		this.messages = messages;
	}

	@PostMapping("/api/v1/cpts/{id}/gp-requests")
	ResponseEntity<GpRequests.Filed> file(@PathVariable UUID id, @RequestBody RequestJson json) {
		return ResponseEntity.status(HttpStatus.CREATED).body(requests.file(id, json.form(), yes(json.confirmDuplicate())));
	}

	@ExceptionHandler(GpRequests.DuplicateException.class)
	ResponseEntity<DuplicatesAnswer> duplicates(GpRequests.DuplicateException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(new DuplicatesAnswer(409, "doublon_possible",
				messages.get("gpaccess.duplicates.api", ex.duplicates().size()), ex.duplicates()));
	}

	@GetMapping("/api/v1/cpts/{id}/gp-requests")
	GpRequests.Page list(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return requestList.page(id, fr.maillage.gpaccess.GpRequestList.Query.newestFirst(status(status)), page, size);
	}

	@GetMapping("/api/v1/cpts/{id}/gp-requests/{requestId}")
	Detail get(@PathVariable UUID id, @PathVariable UUID requestId) {
		return new Detail(requests.get(id, requestId), requests.history(id, requestId));
	}

	@PostMapping("/api/v1/cpts/{id}/gp-requests/{requestId}/answer")
	Detail answer(@PathVariable UUID id, @PathVariable UUID requestId, @RequestBody Answer answer) {
		if (answer.accepted() == null) {
			throw Problems.rejected("accepted", "gpaccess.answer.required");
		}
		requests.answer(id, requestId, answer.accepted(), answer.note());
		return get(id, requestId);
	}

	@PostMapping("/api/v1/cpts/{id}/gp-requests/{requestId}/declare")
	Detail declare(@PathVariable UUID id, @PathVariable UUID requestId) {
		requests.declare(id, requestId);
		return get(id, requestId);
	}

	@PostMapping("/api/v1/cpts/{id}/gp-requests/{requestId}/withdraw")
	Detail withdraw(@PathVariable UUID id, @PathVariable UUID requestId, @RequestBody Withdrawal withdrawal) {
		requests.withdraw(id, requestId, withdrawal.reason());
		return get(id, requestId);
	}

	@GetMapping("/api/v1/cpts/{id}/gp-capacities")
	List<GpCapacities.Capacity> capacities(@PathVariable UUID id) {
		return capacities.all(id);
	}

	@PutMapping("/api/v1/cpts/{id}/gp-capacities/{practitionerId}")
	GpCapacities.Capacity putCapacity(@PathVariable UUID id, @PathVariable UUID practitionerId, @RequestBody GpCapacities.Form form) {
		return capacities.put(id, practitionerId, form);
	}

	@PostMapping("/api/v1/cpts/{id}/orientation")
	Orientation.Plan preview(@PathVariable UUID id) {
		return orientation.preview(id);
	}

	@PostMapping("/api/v1/cpts/{id}/orientation/commit")
	Orientation.Plan commit(@PathVariable UUID id, @RequestBody(required = false) @Nullable Commit commit) {
		return orientation.commit(id, commit == null ? null : commit.requestIds());
	}

	@GetMapping("/api/v1/cpts/{id}/gp-requests/indicators")
	GpIndicators.Indicators indicators(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return indicators.compute(id, from, to);
	}

	/** A CSV list (the columns of the import page): {@code dryRun=true} only checks; otherwise all lines or none. */
	@PostMapping(value = "/api/v1/cpts/{id}/gp-requests/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
	ResponseEntity<fr.maillage.gpaccess.GpImport.Report> importCsv(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestBody byte[] content) {
		fr.maillage.gpaccess.GpImport.Report report = dryRun ? gpImport.preview(id, content) : gpImport.apply(id, content);
		return report.ok() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
	}

	@GetMapping("/api/v1/cpts/{id}/gp-protocol")
	List<Criterion> protocol(@PathVariable UUID id) {
		return protocol.criteria(id);
	}

	@PutMapping("/api/v1/cpts/{id}/gp-protocol")
	List<Criterion> replaceProtocol(@PathVariable UUID id, @RequestBody List<Criterion> criteria) {
		return protocol.replace(id, criteria);
	}

	@PutMapping("/api/v1/cpts/{id}/gp-baseline")
	GpIndicators.Baseline baseline(@PathVariable UUID id, @RequestBody BaselineJson b) {
		return indicators.saveBaseline(id, b.referenceDate(), b.withoutGp(), b.withoutGpAld(), b.withoutGp70(), b.withoutGpC2s(),
				b.yearlyReduction());
	}

	private static @Nullable RequestStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw Problems.rejected("status", "gpaccess.status.unknown", status);
		}
	}
}
