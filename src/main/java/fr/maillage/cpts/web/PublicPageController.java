package fr.maillage.cpts.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public page of a CPTS at /{slug}: name, territory, contact. For inhabitants, without an account. */
@Controller
class PublicPageController {

	private final CptsService service;

	PublicPageController(CptsService service) {
		this.service = service;
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}")
	String page(@PathVariable String slug, Model model) {
		var cpts = service.publicPage(slug).orElseThrow(NotFoundException::new);
		model.addAttribute("cpts", cpts);
		model.addAttribute("territory", service.publicTerritory(slug));
		return "cpts/public";
	}
}
