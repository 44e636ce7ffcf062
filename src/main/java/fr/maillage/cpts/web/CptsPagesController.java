package fr.maillage.cpts.web;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.AccountMailer;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsForm;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.LegalForm;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating a CPTS, its overview page, and inviting its coordinator and members. */
@Controller
class CptsPagesController {

	static final String FORM_VIEW = "cpts/form";
	static final String OVERVIEW_VIEW = "cpts/overview";

	private final CptsService service;
	private final Accounts accounts;
	private final AccountMailer mailer;
	private final CptsAccess access;
	private final Messages messages;

	CptsPagesController(CptsService service, Accounts accounts, AccountMailer mailer, CptsAccess access, Messages messages) {
		this.service = service;
		this.accounts = accounts;
		this.mailer = mailer;
		this.access = access;
		this.messages = messages;
	}

	@InitBinder
	void noId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/cpts/nouvelle")
	String form(Model model) {
		access.requireAdmin();
		model.addAttribute("form", CptsForm.empty());
		model.addAttribute("legalForms", LegalForm.values());
		return FORM_VIEW;
	}

	@PostMapping("/cpts/nouvelle")
	String create(@ModelAttribute("form") CptsForm form, Model model, RedirectAttributes redirect) {
		try {
			Cpts cpts = service.create(form);
			redirect.addFlashAttribute("success", messages.get("cpts.created", cpts.name()));
			return "redirect:/cpts/" + cpts.id();
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("legalForms", LegalForm.values());
			return FORM_VIEW;
		}
	}

	@GetMapping("/cpts/{id}")
	String overview(@PathVariable UUID id, Model model) {
		Cpts cpts = service.get(id);
		model.addAttribute("cpts", cpts);
		model.addAttribute("territory", service.territory(id));
		model.addAttribute("canManage", access.requireUser().coordinates(id));
		model.addAttribute("users", accounts.usersOf(id));
		model.addAttribute("roles", Role.values());
		model.addAttribute("mailConfigured", mailer.configured());
		return OVERVIEW_VIEW;
	}

	@PostMapping("/cpts/{id}/finess")
	String finess(@PathVariable UUID id, @RequestParam(defaultValue = "") String finess, RedirectAttributes redirect) {
		try {
			service.setFiness(id, finess);
			redirect.addFlashAttribute("success", messages.get(finess.isBlank() ? "cpts.finess.removed" : "cpts.finess.saved"));
		}
		catch (fr.maillage.platform.Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
			redirect.addFlashAttribute("finessTyped", finess);
		}
		return "redirect:/cpts/" + id + "#finess";
	}

	@PostMapping("/cpts/{id}/invitations")
	String invite(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "COORDINATOR") Role role, RedirectAttributes redirect) {
		Cpts cpts = service.get(id);
		if (!fr.maillage.shared.EmailAddress.isPlausible(email)) {
			redirect.addFlashAttribute("failure", messages.get("account.email.invalid"));
			redirect.addFlashAttribute("inviteEmail", email);
			return "redirect:/cpts/" + id;
		}
		var link = accounts.invite(email, id, role);
		boolean sent = mailer.sendInvitation(link.email(), cpts.name(), messages.get("role." + role.name()), link.secret());
		if (sent) {
			redirect.addFlashAttribute("success", messages.get("invitation.sent", link.email()));
		}
		else {
			// Without SMTP the coordinator would never get the link: show it to the person who invited.
			redirect.addFlashAttribute("failure", messages.get("invitation.notSent", link.email()));
			redirect.addFlashAttribute("invitationLink", mailer.url("/invitation/" + link.secret()));
		}
		return "redirect:/cpts/" + id;
	}

}
