package fr.maillage.patients.web;

import fr.maillage.patients.Patient;
import fr.maillage.patients.PatientRights;
import fr.maillage.patients.Patients;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A patient's rights over the API, for the CPTS's coordinators: search, everything held, erasure. */
@RestController
class PatientApiController {

	private final PatientRights rights;

	PatientApiController(PatientRights rights) {
		this.rights = rights;
	}

	@GetMapping("/api/v1/cpts/{id}/patients")
	List<Patient> search(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q) {
		return rights.search(id, q);
	}

	@GetMapping("/api/v1/patients/{id}/record")
	Patients.Record record(@PathVariable UUID id) {
		return rights.record(id);
	}

	record Erasure(@Nullable String reason, @Nullable String confirmation) {
	}

	@PostMapping("/api/v1/patients/{id}/erasure")
	ResponseEntity<Void> erase(@PathVariable UUID id, @RequestBody Erasure e) {
		rights.erase(id, e.reason(), e.confirmation());
		return ResponseEntity.noContent().build();
	}
}
