package fr.maillage.missions.web;

import fr.maillage.missions.Contract;
import fr.maillage.missions.ContractSchedule;
import fr.maillage.missions.ContractTerms;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.Indicator;
import fr.maillage.missions.IndicatorForm;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Indicators;
import fr.maillage.missions.Mission;
import fr.maillage.missions.VariablePart;
import fr.maillage.missions.YearFigure;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The contract, its missions and indicators over the API (coordination and board only, as on the pages). */
@RestController
class MissionsApiController {

	private final Contracts contracts;
	private final Indicators indicators;
	private final Messages messages;
	private final fr.maillage.missions.internal.IndicatorSnapshots snapshots;
	private final fr.maillage.accounts.CptsAccess access;

	MissionsApiController(Contracts contracts, Indicators indicators, Messages messages, fr.maillage.missions.internal.IndicatorSnapshots snapshots,
			fr.maillage.accounts.CptsAccess access) {
		this.contracts = contracts;
		this.indicators = indicators;
		this.messages = messages;
		this.snapshots = snapshots;
		this.access = access;
	}

	record SnapshotRun(int written, long millis) {
	}

	/** Runs the nightly indicator snapshot now, for every contract (operators, benchmarks); administrators only. */
	@PostMapping("/api/v1/admin/jobs/indicator-snapshots")
	SnapshotRun snapshots() {
		access.requireAdmin();
		long t0 = System.nanoTime();
		int written = snapshots.snapshotAll(LocalDate.now(IndicatorSource.PARIS));
		return new SnapshotRun(written, (System.nanoTime() - t0) / 1_000_000);
	}

	@GetMapping("/api/v1/cpts/{id}/contract")
	Contracts.Overview contract(@PathVariable UUID id) {
		return contracts.overview(id).orElseThrow(NotFoundException::new);
	}

	@PutMapping("/api/v1/cpts/{id}/contract")
	Contracts.Overview saveContract(@PathVariable UUID id, @RequestBody ContractTerms terms) {
		contracts.save(id, terms);
		return contracts.overview(id).orElseThrow();
	}

	record PaymentBody(int contractYear, @Nullable String part, ContractSchedule.@Nullable PaymentKind kind, @Nullable LocalDate receivedOn,
			long amountCents, @Nullable String note) {
	}

	@PostMapping("/api/v1/cpts/{id}/contract/payments")
	ResponseEntity<Contracts.Payment> payment(@PathVariable UUID id, @RequestBody PaymentBody b) {
		return ResponseEntity.status(HttpStatus.CREATED).body(contracts.recordPayment(id, b.contractYear(), b.part() == null ? "" : b.part(),
				b.kind() == null ? ContractSchedule.PaymentKind.ADVANCE : b.kind(), b.receivedOn(), b.amountCents(), b.note()));
	}

	@PostMapping("/api/v1/cpts/{id}/contract/dialogues")
	Contracts.Dialogue dialogue(@PathVariable UUID id, @RequestBody Contracts.Dialogue d) {
		return contracts.recordDialogue(id, d);
	}

	/** A mission of the contract: what it is, its amounts and dates. */
	record MissionView(String code, String label, boolean socle, boolean aci, long fixedCents, long variableCents, LocalDate startsOn,
			LocalDate fullyDeployedOn) {
	}

	@GetMapping("/api/v1/cpts/{id}/missions")
	List<MissionView> missions(@PathVariable UUID id) {
		Contract c = contracts.require(id);
		return c.missions().stream().map(s -> new MissionView(s.mission().name(), messages.get(s.mission().labelKey()), s.mission().socle(), true,
				s.fixedCents(), s.variableCents(), s.startsOn(c.signedOn()), s.fullyDeployedOn(c.signedOn()))).toList();
	}

	record OfferedView(String code, Mission mission, Indicator.Kind kind, Indicator.Unit unit, Indicator.Aggregation aggregation, String name,
			String definition) {
	}

	@GetMapping("/api/v1/indicators/offered")
	List<OfferedView> offered() {
		return indicators.offered().stream().map(o -> new OfferedView(o.code(), o.mission(), o.kind(), o.unit(), o.aggregation(),
				messages.get(o.nameKey()), messages.get(o.definitionKey()))).toList();
	}

	/** The indicators for a contract year (the year in course by default), with the variable part they earn. */
	record YearView(int year, List<YearFigure> indicators, List<VariablePart.Estimate> variablePart) {
	}

	@GetMapping("/api/v1/cpts/{id}/indicators")
	YearView indicators(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		int y = year != null ? year : contracts.require(id).currentYear(LocalDate.now(IndicatorSource.PARIS));
		return new YearView(y, indicators.year(id, y), indicators.variablePart(id, y));
	}

	@PostMapping("/api/v1/cpts/{id}/indicators")
	ResponseEntity<Indicator> create(@PathVariable UUID id, @RequestBody IndicatorForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(indicators.create(id, form));
	}

	@PutMapping("/api/v1/cpts/{id}/indicators/{indicatorId}")
	Indicator update(@PathVariable UUID id, @PathVariable UUID indicatorId, @RequestBody IndicatorForm form) {
		return indicators.update(id, indicatorId, form);
	}

	/** A value entered by hand, with its proof (multipart: on, value, denominator, note, proof). */
	@PostMapping(path = "/api/v1/cpts/{id}/indicators/{indicatorId}/values", consumes = "multipart/form-data")
	ResponseEntity<Map<String, UUID>> value(@PathVariable UUID id, @PathVariable UUID indicatorId, @RequestParam(required = false) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable BigDecimal value, @RequestParam(required = false) @Nullable BigDecimal denominator,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable MultipartFile proof) throws IOException {
		UUID valueId = indicators.enterValue(id, indicatorId, on, value, denominator, note,
				proof == null || proof.isEmpty() ? null : new fr.maillage.missions.ProofFile(proof.getOriginalFilename(), proof.getBytes()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", valueId));
	}
}
