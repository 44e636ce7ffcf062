package fr.maillage.missions.web;

import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.ActionSheetForm;
import fr.maillage.missions.ActionSheets;
import fr.maillage.missions.OwnMission;
import fr.maillage.missions.internal.ActionSheetStore;
import java.util.List;
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

/** Action sheets and own missions over the API (coordination and board only, as on the pages). */
@RestController
class ActionSheetApiController {

	private final ActionSheets sheets;

	ActionSheetApiController(ActionSheets sheets) {
		this.sheets = sheets;
	}

	@GetMapping("/api/v1/cpts/{id}/action-sheets")
	List<ActionSheet> list(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return sheets.list(id, year);
	}

	@PostMapping("/api/v1/cpts/{id}/action-sheets")
	ResponseEntity<ActionSheet> create(@PathVariable UUID id, @RequestBody ActionSheetForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(sheets.create(id, form));
	}

	@GetMapping("/api/v1/cpts/{id}/action-sheets/{sheetId}")
	ActionSheet get(@PathVariable UUID id, @PathVariable UUID sheetId) {
		return sheets.get(id, sheetId);
	}

	@PutMapping("/api/v1/cpts/{id}/action-sheets/{sheetId}")
	ActionSheet update(@PathVariable UUID id, @PathVariable UUID sheetId, @RequestBody ActionSheetForm form) {
		return sheets.update(id, sheetId, form);
	}

	record TransitionBody(ActionSheet.@Nullable Transition transition) {
	}

	/** VALIDATE, START, CLOSE or REVISE. */
	@PostMapping("/api/v1/cpts/{id}/action-sheets/{sheetId}/transitions")
	ActionSheet move(@PathVariable UUID id, @PathVariable UUID sheetId, @RequestBody TransitionBody body) {
		if (body.transition() == null) {
			throw fr.maillage.platform.Problems.rejected("transition", "missions.sheet.transition.refused");
		}
		return sheets.move(id, sheetId, body.transition());
	}

	@GetMapping("/api/v1/cpts/{id}/action-sheets/{sheetId}/versions")
	List<ActionSheetStore.Version> versions(@PathVariable UUID id, @PathVariable UUID sheetId) {
		return sheets.versions(id, sheetId);
	}

	@PostMapping("/api/v1/cpts/{id}/action-sheets/{sheetId}/copy")
	ResponseEntity<ActionSheet> copy(@PathVariable UUID id, @PathVariable UUID sheetId, @RequestParam(required = false) @Nullable Integer year) {
		return ResponseEntity.status(HttpStatus.CREATED).body(sheets.copy(id, sheetId, year));
	}

	record OwnMissionBody(@Nullable String title, @Nullable String description, @Nullable String funding) {
	}

	@GetMapping("/api/v1/cpts/{id}/own-missions")
	List<OwnMission> ownMissions(@PathVariable UUID id) {
		return sheets.ownMissions(id);
	}

	@PostMapping("/api/v1/cpts/{id}/own-missions")
	ResponseEntity<OwnMission> addOwnMission(@PathVariable UUID id, @RequestBody OwnMissionBody b) {
		return ResponseEntity.status(HttpStatus.CREATED).body(sheets.addOwnMission(id, b.title(), b.description(), b.funding()));
	}
}
