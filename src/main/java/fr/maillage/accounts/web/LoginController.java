package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; sends the very first visitor to the setup page. */
@Controller
class LoginController {

	private final Accounts accounts;

	LoginController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/connexion")
	String login() {
		return accounts.administratorExists() ? "accounts/login" : "redirect:/installation";
	}
}
