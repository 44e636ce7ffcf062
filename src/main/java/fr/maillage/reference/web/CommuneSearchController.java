package fr.maillage.reference.web;

import fr.maillage.reference.CommuneDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Autocomplete suggestions for forms (htmx fills a datalist with them). */
@Controller
class CommuneSearchController {

	private final CommuneDirectory directory;

	CommuneSearchController(CommuneDirectory directory) {
		this.directory = directory;
	}

	/** The query comes as q, or under the input's own name (commune, communeCode, epci, near) when htmx sends it. */
	@GetMapping("/communes/recherche")
	String suggestions(@RequestParam java.util.Map<String, String> params, Model model) {
		String q = java.util.stream.Stream.of("q", "commune", "communeCode", "epci", "near").map(params::get)
			.filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
		if ("epci".equals(params.get("type"))) {
			model.addAttribute("epcis", directory.searchEpci(q, 15));
			return "reference/suggestions :: epci";
		}
		model.addAttribute("communes", directory.search(q, 15));
		return "reference/suggestions :: communes";
	}
}
