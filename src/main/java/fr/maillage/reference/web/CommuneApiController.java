package fr.maillage.reference.web;

import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.Epci;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commune and EPCI look-ups (autocomplete) in the JSON API. */
@RestController
class CommuneApiController {

	private final CommuneDirectory directory;

	CommuneApiController(CommuneDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/api/v1/communes")
	List<Commune> communes(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "10") int limit) {
		return directory.search(q, Math.clamp(limit, 1, 50));
	}

	@GetMapping("/api/v1/epci")
	List<Epci> epci(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "10") int limit) {
		return directory.searchEpci(q, Math.clamp(limit, 1, 50));
	}
}
