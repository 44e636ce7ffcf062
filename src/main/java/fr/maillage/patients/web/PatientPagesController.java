package fr.maillage.patients.web;

import fr.maillage.patients.PatientRights;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

/** "Droits des patients": a coordinator finds a patient, sees and exports what the CPTS holds, erases it on request. */
@Controller
class PatientPagesController {

	private final PatientRights rights;
	private final Messages messages;

	PatientPagesController(PatientRights rights, Messages messages) {
		this.rights = rights;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/patients")
	String search(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("cptsId", id);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("found", rights.search(id, q));
		return "patients/search";
	}

	@GetMapping("/cpts/{id}/patients/{patientId}")
	String record(@PathVariable UUID id, @PathVariable UUID patientId, Model model) {
		Patients.Record record = rights.record(patientId);
		if (!record.patient().cptsId().equals(id)) {
			throw new NotFoundException();
		}
		model.addAttribute("cptsId", id);
		model.addAttribute("r", record);
		model.addAttribute("confirmationWord", PatientRights.CONFIRMATION);
		if (!model.containsAttribute("erasure")) {
			model.addAttribute("erasure", Map.of());
			model.addAttribute("problems", Map.of());
		}
		return "patients/record";
	}

	@GetMapping("/cpts/{id}/patients/{patientId}/export.json")
	ResponseEntity<byte[]> export(@PathVariable UUID id, @PathVariable UUID patientId) {
		byte[] json = rights.export(patientId);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("patient-" + patientId + ".json", StandardCharsets.UTF_8).build().toString())
			.body(json);
	}

	@PostMapping("/cpts/{id}/patients/{patientId}/effacement")
	String erase(@PathVariable UUID id, @PathVariable UUID patientId, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String confirmation, RedirectAttributes redirect) {
		try {
			rights.erase(patientId, reason, confirmation);
			redirect.addFlashAttribute("success", messages.get("patients.erase.success"));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get("patients.erase.failed"));
			redirect.addFlashAttribute("erasure", Map.of("reason", reason == null ? "" : reason, "confirmation", confirmation == null ? "" : confirmation));
			redirect.addFlashAttribute("problems", messages.byField(ex.problems()));
		}
		return "redirect:/cpts/" + id + "/patients/" + patientId;
	}
}
