package fr.maillage.crisis.web;

import fr.maillage.crisis.Alerts;
import fr.maillage.crisis.Crises;
import fr.maillage.crisis.Crisis;
import fr.maillage.crisis.CrisisAlert;
import fr.maillage.crisis.CrisisForms;
import fr.maillage.crisis.CrisisPlans;
import fr.maillage.crisis.LogEntry;
import fr.maillage.crisis.PlanForm;
import fr.maillage.crisis.internal.PlanStore;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.Upload;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The crisis mission's JSON API: the plan (current and versions), activation, alerts, answers, the board, closing. */
@RestController
class CrisisApiController {

	private final CrisisPlans plans;
	private final Crises crises;
	private final Alerts alerts;
	private final fr.maillage.crisis.CrisisLog log;

	CrisisApiController(CrisisPlans plans, Crises crises, Alerts alerts, fr.maillage.crisis.CrisisLog log) {
		this.log = log;
		this.plans = plans;
		this.crises = crises;
		this.alerts = alerts;
	}

	record PlanView(PlanStore.@Nullable Version current, List<PlanStore.Version> versions) {
	}

	@GetMapping("/api/v1/cpts/{id}/crisis-plan")
	PlanView plan(@PathVariable UUID id) {
		return new PlanView(plans.current(id).orElse(null), plans.versions(id));
	}

	/** The plan as the page's fields ({@code cell0.user}, {@code cell0.role}, {@code resource0.name}, {@code sheet.HEATWAVE}…) and a note. */
	record PlanBody(@Nullable Map<String, String> fields, @Nullable String note) {
	}

	@PutMapping("/api/v1/cpts/{id}/crisis-plan")
	PlanStore.Version savePlan(@PathVariable UUID id, @RequestBody PlanBody body) {
		int version = plans.save(id, new PlanForm(body.fields() == null ? Map.of() : body.fields()), body.note());
		return plans.version(id, version);
	}

	@PostMapping("/api/v1/cpts/{id}/crises")
	ResponseEntity<Crisis> activate(@PathVariable UUID id, @Valid @RequestBody CrisisForms.ActivationForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(crises.activate(id, form));
	}

	@PostMapping("/api/v1/crises/{crisisId}/alerts")
	ResponseEntity<CrisisAlert> alert(@PathVariable UUID crisisId, @Valid @RequestBody CrisisForms.AlertForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(alerts.send(crisisId, form));
	}

	record Answer(@Nullable String answer) {
	}

	@PostMapping("/api/v1/crises/{crisisId}/alerts/{alertId}/answer")
	Alerts.Received answer(@PathVariable UUID crisisId, @PathVariable UUID alertId, @RequestBody Answer a) {
		alerts.answer(alertId, TypedValues.enumOf(CrisisAlert.Answer.class, a.answer()));
		Alerts.Received r = alerts.received(alertId);
		if (!r.crisis().id().equals(crisisId)) {
			throw new NotFoundException();
		}
		return r;
	}

	/** The boards of the crisis's alerts, newest first. */
	@GetMapping("/api/v1/crises/{crisisId}/availability")
	List<Alerts.Board> availability(@PathVariable UUID crisisId) {
		return alerts.of(crisisId).stream().map(a -> alerts.board(a.id())).toList();
	}

	@GetMapping("/api/v1/crises/{crisisId}/log")
	List<LogEntry> log(@PathVariable UUID crisisId) {
		return log.entries(crisisId);
	}

	record NewEntry(@Nullable String kind, @Nullable String text, @Nullable UUID corrects) {
	}

	@PostMapping("/api/v1/crises/{crisisId}/log")
	ResponseEntity<List<LogEntry>> addToLog(@PathVariable UUID crisisId, @RequestBody NewEntry e) {
		log.add(crisisId, TypedValues.enumOf(LogEntry.Kind.class, e.kind()), e.text(), e.corrects());
		return ResponseEntity.status(HttpStatus.CREATED).body(log.entries(crisisId));
	}

	/** The same with attachments: a multipart form with kind, text, corrects and up to three files. */
	@PostMapping(path = "/api/v1/crises/{crisisId}/log", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<List<LogEntry>> addToLogWithFiles(@PathVariable UUID crisisId, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable String corrects,
			@RequestParam(required = false) @Nullable List<MultipartFile> files) throws IOException {
		log.add(crisisId, TypedValues.enumOf(LogEntry.Kind.class, kind), text, TypedValues.uuid(corrects),
				Upload.of(files));
		return ResponseEntity.status(HttpStatus.CREATED).body(log.entries(crisisId));
	}

	@GetMapping("/api/v1/crises/log/attachments/{attachmentId}")
	ResponseEntity<byte[]> logFile(@PathVariable UUID attachmentId) {
		return download(log.attachment(attachmentId));
	}

	static ResponseEntity<byte[]> download(LogEntry.File f) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
			.body(f.content());
	}

	record Close(@Nullable String review) {
	}

	@PostMapping("/api/v1/crises/{crisisId}/close")
	Crisis close(@PathVariable UUID crisisId, @RequestBody Close c) {
		return crises.close(crisisId, c.review() == null ? "" : c.review());
	}
}
