package fr.maillage.directory.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.ProfessionTable;
import fr.maillage.directory.DirectoryEditing;
import fr.maillage.directory.Practitioner;
import fr.maillage.directory.PractitionerForm;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A professional's directory entry, its hand-edited contact details, and new entries without a national id. */
@Controller
class PractitionerPagesController {

	static final String VIEW = "directory/practitioner";
	static final String NEW_VIEW = "directory/practitioner-new";

	/** How the professional stands with one CPTS the reader coordinates. */
	record CptsEngagement(Cpts cpts, ProfessionTable.Engagement engagement) {
	}

	private final DirectoryEditing editing;
	private final AccountLinks links;
	private final ProfessionTable table;
	private final CptsService cpts;
	private final CptsAccess access;
	private final Messages messages;

	PractitionerPagesController(DirectoryEditing editing, AccountLinks links, ProfessionTable table, CptsService cpts, CptsAccess access,
			Messages messages) {
		this.table = table;
		this.cpts = cpts;
		this.access = access;
		this.editing = editing;
		this.links = links;
		this.messages = messages;
	}

	@GetMapping("/annuaire/professionnels/{id}")
	String view(@PathVariable UUID id, Model model) {
		Practitioner p = editing.get(id);
		model.addAttribute("p", p);
		addRights(id, model);
		model.addAttribute("form", new PractitionerForm(null, null, null, null, null, null, p.mssante(), p.phone(),
				String.join(", ", p.languages()), p.takesNewPatients() == null ? "" : p.takesNewPatients().toString()));
		return VIEW;
	}

	@PostMapping("/annuaire/professionnels/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("form") PractitionerForm form, Model model, RedirectAttributes redirect) {
		try {
			editing.updateContact(id, form);
			redirect.addFlashAttribute("success", messages.get("directory.edit.saved"));
			return "redirect:/annuaire/professionnels/" + id;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("p", editing.get(id));
			addRights(id, model);
			model.addAttribute("problems", messages.byField(ex.problems()));
			return VIEW;
		}
	}

	private void addRights(UUID id, Model model) {
		model.addAttribute("canEdit", editing.canEditContact(id));
		model.addAttribute("canLink", editing.canEdit());
		model.addAttribute("accountLink", links.accountLinkOf(id).orElse(null));
		var user = access.requireUser();
		model.addAttribute("engagements", cpts.visible().stream().filter(c -> user.coordinates(c.id()))
			.map(c -> new CptsEngagement(c, table.engagement(c.id(), id))).toList());
	}

	@GetMapping("/annuaire/professionnels/nouveau")
	String newForm(Model model) {
		if (!editing.canEdit()) {
			throw new AccessDeniedException("coordinators only");
		}
		model.addAttribute("form", PractitionerForm.empty());
		return NEW_VIEW;
	}

	@PostMapping("/annuaire/professionnels/nouveau")
	String create(@ModelAttribute("form") PractitionerForm form, Model model, RedirectAttributes redirect) {
		try {
			UUID id = editing.create(form);
			redirect.addFlashAttribute("success", messages.get("directory.edit.created"));
			return "redirect:/annuaire/professionnels/" + id;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return NEW_VIEW;
		}
	}

}
