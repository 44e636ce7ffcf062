package fr.maillage.directory.web;

import fr.maillage.directory.Organization;
import fr.maillage.directory.OrganizationForm;
import fr.maillage.directory.Organizations;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Structures in the JSON API. */
@RestController
class OrganizationApiController {

	private final Organizations organizations;

	OrganizationApiController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/api/v1/organizations")
	Organizations.Page search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String commune, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return organizations.search(q, kind, commune, page, size);
	}

	/** Creates a structure from JSON (the fields of the page's form; {@code commune} is an INSEE code or a name). */
	@PostMapping("/api/v1/organizations")
	ResponseEntity<Organization> create(@RequestBody OrganizationForm form) {
		UUID id = organizations.create(form);
		return ResponseEntity.status(HttpStatus.CREATED).body(organizations.get(id));
	}

	@GetMapping("/api/v1/organizations/{id}")
	Organization get(@PathVariable UUID id) {
		return organizations.get(id);
	}
}
