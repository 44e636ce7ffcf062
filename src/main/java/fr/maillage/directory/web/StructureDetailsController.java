package fr.maillage.directory.web;

import fr.maillage.directory.StructureDetails;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding and removing a structure's sites and contacts from its page; a refused form comes back filled in. */
@Controller
class StructureDetailsController {

	private final StructureDetails details;
	private final Messages messages;

	StructureDetailsController(StructureDetails details, Messages messages) {
		this.details = details;
		this.messages = messages;
	}

	@PostMapping("/annuaire/structures/{id}/sites")
	String addSite(@PathVariable UUID id, @ModelAttribute StructureDetails.SiteForm form, RedirectAttributes redirect) {
		return add(() -> details.addSite(id, form), "siteForm", form, "directory.site.added", "/annuaire/structures/" + id + "#sites", redirect);
	}

	@PostMapping("/annuaire/structures/{id}/sites/{siteId}/suppression")
	String removeSite(@PathVariable UUID id, @PathVariable UUID siteId, RedirectAttributes redirect) {
		details.removeSite(id, siteId);
		redirect.addFlashAttribute("success", messages.get("directory.site.removed"));
		return "redirect:/annuaire/structures/" + id + "#sites";
	}

	@PostMapping("/annuaire/structures/{id}/contacts")
	String addContact(@PathVariable UUID id, @ModelAttribute StructureDetails.ContactForm form, RedirectAttributes redirect) {
		return add(() -> details.addContact(id, form), "contactForm", form, "directory.contact.added", "/annuaire/structures/" + id + "#contacts",
				redirect);
	}

	@PostMapping("/annuaire/structures/{id}/contacts/{contactId}/suppression")
	String removeContact(@PathVariable UUID id, @PathVariable UUID contactId, RedirectAttributes redirect) {
		details.removeContact(id, contactId);
		redirect.addFlashAttribute("success", messages.get("directory.contact.removed"));
		return "redirect:/annuaire/structures/" + id + "#contacts";
	}

	/** Adds, then back to the structure's page; a refused form comes back filled in, with its problems. */
	private String add(Runnable adding, String formName, Object form, String successKey, String back, RedirectAttributes redirect) {
		try {
			adding.run();
			redirect.addFlashAttribute("success", messages.get(successKey));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute(formName, form);
			redirect.addFlashAttribute("problems", messages.byField(ex.problems()));
		}
		return "redirect:" + back;
	}
}
