package fr.maillage.cpts.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.CptsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's home: the CPTS they belong to (all of them for an administrator). */
@Controller
class HomeController {

	private final CptsService service;
	private final CptsAccess access;

	HomeController(CptsService service, CptsAccess access) {
		this.service = service;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		var list = service.visible();
		if (list.size() == 1 && !access.isAdmin()) {
			return "redirect:/cpts/" + list.getFirst().id();
		}
		model.addAttribute("cptsList", list);
		model.addAttribute("admin", access.isAdmin());
		return "cpts/home";
	}
}
