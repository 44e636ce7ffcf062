package fr.maillage.directory.web;

import fr.maillage.directory.DirectorySearch;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory in the JSON API. */
@RestController
class DirectoryApiController {

	private final DirectorySearch search;

	DirectoryApiController(DirectorySearch search) {
		this.search = search;
	}

	@GetMapping("/api/v1/practitioners")
	DirectorySearch.Page practitioners(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String profession,
			@RequestParam(required = false) @Nullable String skill, @RequestParam(required = false) @Nullable String structure,
			@RequestParam(required = false) @Nullable String commune,
			@RequestParam(required = false) @Nullable String near, @RequestParam(required = false) @Nullable Double radiusKm,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return search.practitioners(new DirectorySearch.Query(q, profession, skill, structure, commune, near, radiusKm, page, size));
	}
}
