package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;
import fr.maillage.platform.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First run: creates the first administrator, then disappears. No default password anywhere. */
@Controller
class SetupController {

	static final String VIEW = "accounts/setup";

	record SetupForm(@Nullable String displayName, @Nullable String email, @Nullable String password, @Nullable String confirmation) {
	}

	private final Accounts accounts;
	private final Messages messages;

	SetupController(Accounts accounts, Messages messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/installation")
	String form(Model model) {
		if (accounts.administratorExists()) {
			return "redirect:/connexion";
		}
		model.addAttribute("form", new SetupForm("", "", "", ""));
		return VIEW;
	}

	@PostMapping("/installation")
	String create(@ModelAttribute("form") SetupForm form, Model model, RedirectAttributes redirect) {
		if (accounts.administratorExists()) {
			return "redirect:/connexion";
		}
		Map<String, String> problems = new LinkedHashMap<>();
		String name = form.displayName() == null ? "" : form.displayName().strip();
		String email = form.email() == null ? "" : form.email().strip();
		String password = form.password() == null ? "" : form.password();
		if (name.isEmpty()) {
			problems.put("displayName", messages.get("setup.name.required"));
		}
		if (!fr.maillage.shared.EmailAddress.isPlausible(email)) {
			problems.put("email", messages.get("account.email.invalid"));
		}
		if (!Accounts.isAcceptablePassword(password)) {
			problems.put("password", messages.get("account.password.tooShort", Accounts.MIN_PASSWORD_LENGTH));
		}
		else if (!password.equals(form.confirmation())) {
			problems.put("confirmation", messages.get("account.password.mismatch"));
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("form", new SetupForm(name, email, "", ""));
			return VIEW;
		}
		if (accounts.createFirstAdministrator(email, name, password).isEmpty()) {
			return "redirect:/connexion";
		}
		redirect.addFlashAttribute("success", messages.get("setup.done"));
		return "redirect:/connexion";
	}
}
