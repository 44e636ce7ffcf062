package fr.maillage.directory.web;

import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.Organization;
import fr.maillage.directory.OrganizationForm;
import fr.maillage.directory.OrganizationKind;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.StructureDetails;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Structures of the directory: list and search, new entry, entry with its edit form. */
@Controller
class OrganizationPagesController {

	static final String LIST_VIEW = "directory/organizations";
	static final String VIEW = "directory/organization";

	private final Organizations organizations;
	private final AccountLinks links;
	private final StructureDetails details;
	private final Messages messages;

	OrganizationPagesController(Organizations organizations, AccountLinks links, StructureDetails details, Messages messages) {
		this.details = details;
		this.organizations = organizations;
		this.links = links;
		this.messages = messages;
	}

	@GetMapping("/annuaire/structures")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String commune, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", organizations.search(q, kind, commune, page, 25));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", OrganizationKind.values());
		model.addAttribute("canEdit", organizations.canEdit());
		return LIST_VIEW;
	}

	@GetMapping("/annuaire/structures/nouvelle")
	String newForm(Model model) {
		if (!organizations.canEdit()) {
			throw new AccessDeniedException("coordinators only");
		}
		model.addAttribute("form", OrganizationForm.empty());
		model.addAttribute("kinds", OrganizationKind.values());
		model.addAttribute("canEdit", true);
		return VIEW;
	}

	@PostMapping("/annuaire/structures/nouvelle")
	String create(@ModelAttribute("form") OrganizationForm form, Model model, RedirectAttributes redirect) {
		try {
			UUID id = organizations.create(form);
			redirect.addFlashAttribute("success", messages.get("directory.organization.created"));
			return "redirect:/annuaire/structures/" + id;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("kinds", OrganizationKind.values());
			model.addAttribute("canEdit", true);
			return VIEW;
		}
	}

	@GetMapping("/annuaire/structures/{id}")
	String view(@PathVariable UUID id, Model model) {
		Organization o = organizations.get(id);
		model.addAttribute("organization", o);
		model.addAttribute("form", OrganizationForm.of(o));
		model.addAttribute("kinds", OrganizationKind.values());
		addRights(id, model);
		return VIEW;
	}

	@PostMapping("/annuaire/structures/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("form") OrganizationForm form, Model model, RedirectAttributes redirect) {
		try {
			organizations.update(id, form);
			redirect.addFlashAttribute("success", messages.get("directory.organization.saved"));
			return "redirect:/annuaire/structures/" + id;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("organization", organizations.get(id));
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("kinds", OrganizationKind.values());
			addRights(id, model);
			return VIEW;
		}
	}

	private void addRights(UUID id, Model model) {
		model.addAttribute("canEdit", organizations.canEdit(id));
		model.addAttribute("canLink", organizations.canEdit());
		model.addAttribute("staff", links.staffOf(id));
		model.addAttribute("sites", details.sites(id));
		model.addAttribute("contacts", details.contacts(id));
		if (!model.containsAttribute("siteForm")) {
			model.addAttribute("siteForm", StructureDetails.SiteForm.empty());
		}
		if (!model.containsAttribute("contactForm")) {
			model.addAttribute("contactForm", StructureDetails.ContactForm.empty());
		}
	}
}
