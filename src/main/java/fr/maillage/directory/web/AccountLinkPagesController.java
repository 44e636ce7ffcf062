package fr.maillage.directory.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.AccountLinks;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Linking accounts to the directory in the browser: « Ma fiche annuaire » (claim by RPPS number),
 * the confirmation link, the coordinator's queue of claims, and the links coordinators make on a
 * professional's or a structure's page.
 */
@Controller
class AccountLinkPagesController {

	static final String MINE_VIEW = "directory/my-entry";
	static final String CONFIRM_VIEW = "directory/claim-confirm";
	static final String CLAIMS_VIEW = "directory/claims";

	private final AccountLinks links;
	private final CptsService cpts;
	private final CptsAccess access;
	private final Messages messages;

	AccountLinkPagesController(AccountLinks links, CptsService cpts, CptsAccess access, Messages messages) {
		this.links = links;
		this.cpts = cpts;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/compte/annuaire")
	String mine(Model model) {
		model.addAttribute("mine", links.mine());
		addMyCpts(model);
		return MINE_VIEW;
	}

	private void addMyCpts(Model model) {
		CurrentUser user = access.requireUser();
		List<Cpts> mine = cpts.visible().stream().filter(c -> user.roles().containsKey(c.id())).toList();
		model.addAttribute("myCpts", mine);
	}

	@PostMapping("/compte/annuaire/revendication")
	String claim(@RequestParam(defaultValue = "") String rpps, @RequestParam(required = false) @Nullable UUID cptsId, Model model,
			RedirectAttributes redirect) {
		try {
			AccountLinks.ClaimStarted started = links.claim(rpps, cptsId);
			String to = started.via() == AccountLinks.ConfirmedVia.DIRECTORY ? mask(started.sentTo()) : started.sentTo();
			if (started.sent()) {
				redirect.addFlashAttribute("success", messages.get("directory.claim.sent", to));
			}
			else {
				redirect.addFlashAttribute("failure", messages.get("directory.claim.notSent", to));
			}
			return "redirect:/compte/annuaire";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("rpps", rpps);
			model.addAttribute("cptsId", cptsId);
			model.addAttribute("mine", links.mine());
			addMyCpts(model);
			return MINE_VIEW;
		}
	}

	/** Shows the first letter and the domain only: the claimer learns where to look, not the address. */
	static String mask(String email) {
		int at = email.indexOf('@');
		return at <= 1 ? "…" + email.substring(Math.max(0, at)) : email.charAt(0) + "…" + email.substring(at);
	}

	@PostMapping("/compte/annuaire/retrait-demande")
	String withdraw(RedirectAttributes redirect) {
		links.withdrawClaim();
		redirect.addFlashAttribute("success", messages.get("directory.claim.withdrawn"));
		return "redirect:/compte/annuaire";
	}

	@GetMapping("/annuaire/rattachement/{secret}")
	String confirmPage(@PathVariable String secret, Model model) {
		model.addAttribute("claim", links.confirmable(secret).orElse(null));
		model.addAttribute("secret", secret);
		return CONFIRM_VIEW;
	}

	@PostMapping("/annuaire/rattachement/{secret}")
	String confirm(@PathVariable String secret, Model model) {
		var claim = links.confirmable(secret).orElse(null);
		model.addAttribute("claim", claim);
		model.addAttribute("confirmed", claim != null && links.confirm(secret));
		return CONFIRM_VIEW;
	}

	@GetMapping("/cpts/{id}/rattachements")
	String claims(@PathVariable UUID id, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("pending", links.pendingClaims(id));
		model.addAttribute("active", links.activeLinks(id));
		return CLAIMS_VIEW;
	}

	@PostMapping("/cpts/{id}/rattachements/{linkId}/validation")
	String approve(@PathVariable UUID id, @PathVariable UUID linkId, RedirectAttributes redirect) {
		try {
			links.approve(id, linkId);
			redirect.addFlashAttribute("success", messages.get("directory.claim.approved"));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
		}
		return "redirect:/cpts/" + id + "/rattachements";
	}

	@PostMapping("/cpts/{id}/rattachements/{linkId}/refus")
	String refuse(@PathVariable UUID id, @PathVariable UUID linkId, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect) {
		links.refuse(id, linkId, note);
		redirect.addFlashAttribute("success", messages.get("directory.claim.refused"));
		return "redirect:/cpts/" + id + "/rattachements";
	}

	@PostMapping("/annuaire/professionnels/{id}/compte")
	String linkPractitioner(@PathVariable UUID id, @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
		return link(() -> links.linkPractitioner(id, email), email, "/annuaire/professionnels/" + id, redirect);
	}

	@PostMapping("/annuaire/structures/{id}/equipe")
	String addStaff(@PathVariable UUID id, @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
		return link(() -> links.addStaff(id, email), email, "/annuaire/structures/" + id, redirect);
	}

	/** Links, then back to the page with the outcome; a refused e-mail comes back in the field. */
	private String link(Runnable linking, String email, String back, RedirectAttributes redirect) {
		try {
			linking.run();
			redirect.addFlashAttribute("success", messages.get("directory.link.done"));
		}
		catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.problems().all().getFirst()));
			redirect.addFlashAttribute("linkEmail", email);
		}
		return "redirect:" + back;
	}

	/** Ends a link; back to the page it was ended from (only pages of this application). */
	@PostMapping("/annuaire/liens/{linkId}/fin")
	String unlink(@PathVariable UUID linkId, @RequestParam(defaultValue = "/compte/annuaire") String back, RedirectAttributes redirect) {
		links.unlink(linkId);
		redirect.addFlashAttribute("success", messages.get("directory.link.ended"));
		return "redirect:" + (back.matches("/(annuaire|cpts|compte)/[\\w/-]*") ? back : "/compte/annuaire");
	}
}
