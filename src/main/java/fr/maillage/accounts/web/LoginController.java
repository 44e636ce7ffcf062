package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; sends the very first visitor to the setup page. */
@Controller
class LoginController {

	private final Accounts accounts;
	private final fr.maillage.accounts.internal.ProSanteConnect psc;

	LoginController(Accounts accounts, fr.maillage.accounts.internal.ProSanteConnect psc) {
		this.accounts = accounts;
		this.psc = psc;
	}

	@GetMapping("/connexion")
	String login(jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model) {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(fr.maillage.accounts.internal.LoginFailureHandler.TYPED_EMAIL) instanceof String typed) {
			model.addAttribute("typedEmail", typed);
			session.removeAttribute(fr.maillage.accounts.internal.LoginFailureHandler.TYPED_EMAIL);
		}
		model.addAttribute("psc", psc.enabled() ? fr.maillage.accounts.internal.ProSanteConnect.START : null);
		return accounts.administratorExists() ? "accounts/login" : "redirect:/installation";
	}
}
