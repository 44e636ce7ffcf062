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

	/** The query comes as q, or under the input's own name (epci) when htmx sends it. */
	@GetMapping("/communes/recherche")
	String suggestions(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String epci,
			@RequestParam(defaultValue = "commune") String type, Model model) {
		if ("epci".equals(type)) {
			model.addAttribute("epcis", directory.searchEpci(q.isBlank() ? epci : q, 15));
			return "reference/suggestions :: epci";
		}
		model.addAttribute("communes", directory.search(q, 15));
		return "reference/suggestions :: communes";
	}
}
