package fr.maillage.directory.web;

import fr.maillage.directory.DirectoryImports;
import fr.maillage.directory.ImportStatus;
import fr.maillage.platform.Problems;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** RPPS imports in the JSON API: start one (multipart "file": the .zip or the .txt), then read its progress and report. */
@RestController
class ImportApiController {

	private final DirectoryImports imports;

	ImportApiController(DirectoryImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/v1/cpts/{id}/imports/rpps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportStatus> forCpts(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
		return start(id, file);
	}

	@PostMapping(path = "/api/v1/imports/rpps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportStatus> forInstallation(@RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
		return start(null, file);
	}

	private ResponseEntity<ImportStatus> start(@Nullable UUID cptsId, @Nullable MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new Problems.RejectedException(new Problems().reject("file", "directory.import.noFile"));
		}
		UUID importId;
		try {
			importId = imports.startRpps(cptsId, file.getOriginalFilename() == null ? "rpps" : file.getOriginalFilename(), file.getInputStream());
		}
		catch (DirectoryImports.TooLargeException ex) {
			throw new Problems.RejectedException(new Problems().reject("file", "directory.import.tooLarge"));
		}
		return ResponseEntity.created(URI.create("/api/v1/imports/" + importId)).body(imports.status(importId));
	}

	/** An import from the Annuaire Santé FHIR API instead of a file: for a CPTS, or the whole installation. */
	@PostMapping("/api/v1/cpts/{id}/imports/annuaire")
	ResponseEntity<ImportStatus> annuaireForCpts(@PathVariable UUID id) {
		UUID importId = imports.startAnnuaire(id);
		return ResponseEntity.created(URI.create("/api/v1/imports/" + importId)).body(imports.status(importId));
	}

	@PostMapping("/api/v1/imports/annuaire")
	ResponseEntity<ImportStatus> annuaireForInstallation() {
		UUID importId = imports.startAnnuaire(null);
		return ResponseEntity.created(URI.create("/api/v1/imports/" + importId)).body(imports.status(importId));
	}

	@GetMapping("/api/v1/imports/{id}")
	ImportStatus status(@PathVariable UUID id) {
		return imports.status(id);
	}
}
