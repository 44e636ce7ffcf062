package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.AccountMailer;
import fr.maillage.accounts.Unlocks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import fr.maillage.platform.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One-time links received by e-mail: accepting an invitation, resetting a forgotten password, unlocking an account. */
@Controller
class LinkController {

	private final Accounts accounts;
	private final AccountMailer mailer;
	private final Messages messages;
	private final Unlocks unlocks;

	private final fr.maillage.accounts.internal.ProSanteConnect psc;

	LinkController(Accounts accounts, AccountMailer mailer, Messages messages, Unlocks unlocks, fr.maillage.accounts.internal.ProSanteConnect psc) {
		this.psc = psc;
		this.unlocks = unlocks;
		this.accounts = accounts;
		this.mailer = mailer;
		this.messages = messages;
	}

	@GetMapping("/invitation/{secret}")
	String invitation(@PathVariable String secret, Model model) {
		var pending = accounts.pendingInvitation(secret);
		if (pending.isEmpty()) {
			model.addAttribute("failure", messages.get("invitation.invalid"));
			return "accounts/link-invalid";
		}
		model.addAttribute("email", pending.get().email());
		model.addAttribute("displayName", "");
		model.addAttribute("psc", psc.enabled());
		model.addAttribute("secret", secret);
		return "accounts/invitation";
	}

	/** Accepting with the card: the invitation waits in the session while Pro Santé Connect authenticates. */
	@PostMapping("/invitation/{secret}/psc")
	String acceptWithCard(@PathVariable String secret, jakarta.servlet.http.HttpServletRequest request, Model model) {
		if (accounts.pendingInvitation(secret).isEmpty() || !psc.enabled()) {
			model.addAttribute("failure", messages.get("invitation.invalid"));
			return "accounts/link-invalid";
		}
		request.getSession().setAttribute(fr.maillage.accounts.internal.ProSanteConnect.PENDING_INVITATION, secret);
		return "redirect:" + fr.maillage.accounts.internal.ProSanteConnect.START;
	}

	@PostMapping("/invitation/{secret}")
	String accept(@PathVariable String secret, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation, Model model,
			RedirectAttributes redirect) {
		var pending = accounts.pendingInvitation(secret);
		if (pending.isEmpty()) {
			model.addAttribute("failure", messages.get("invitation.invalid"));
			return "accounts/link-invalid";
		}
		Map<String, String> problems = passwordProblems(password, confirmation);
		if (displayName.isBlank()) {
			problems.put("displayName", messages.get("setup.name.required"));
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("email", pending.get().email());
			model.addAttribute("displayName", displayName);
			model.addAttribute("psc", psc.enabled());
		model.addAttribute("secret", secret);
			return "accounts/invitation";
		}
		accounts.acceptInvitation(secret, displayName, password);
		redirect.addFlashAttribute("success", messages.get("invitation.accepted"));
		return "redirect:/connexion";
	}

	@GetMapping("/mot-de-passe-oublie")
	String forgotten() {
		return "accounts/forgotten";
	}

	@PostMapping("/mot-de-passe-oublie")
	String requestReset(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
		accounts.requestPasswordReset(email).ifPresent(link -> mailer.sendPasswordReset(link.email(), link.secret()));
		// The same answer whether the address is known or not.
		redirect.addFlashAttribute("success", messages.get("reset.sent"));
		return "redirect:/connexion";
	}

	@PostMapping("/connexion/deblocage")
	String requestUnlock(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
		if (email.length() <= 320) {
			unlocks.request(email).ifPresent(link -> mailer.sendUnlock(link.email(), link.secret()));
		}
		// The same answer whether the address is known or not.
		redirect.addFlashAttribute("success", messages.get("unlock.sent"));
		return "redirect:/connexion";
	}

	/** A page with a button, not the unlock itself: mail scanners open links, only a person presses the button. */
	@GetMapping("/connexion/deblocage/{secret}")
	String unlockForm(@PathVariable String secret) {
		return "accounts/unlock";
	}

	@PostMapping("/connexion/deblocage/{secret}")
	String unlock(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		var device = unlocks.unlock(secret);
		if (device.isEmpty()) {
			model.addAttribute("failure", messages.get("unlock.invalid"));
			return "accounts/link-invalid";
		}
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Unlocks.DEVICE_COOKIE, device.get()).httpOnly(true)
			.secure(request.isSecure()).sameSite("Lax").path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(Unlocks.DEVICE_TRUST).build().toString());
		redirect.addFlashAttribute("success", messages.get("unlock.done"));
		return "redirect:/connexion";
	}

	@GetMapping("/mot-de-passe/{secret}")
	String resetForm(@PathVariable String secret) {
		return "accounts/reset";
	}

	@PostMapping("/mot-de-passe/{secret}")
	String reset(@PathVariable String secret, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = passwordProblems(password, confirmation);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			return "accounts/reset";
		}
		if (!accounts.resetPassword(secret, password)) {
			model.addAttribute("failure", messages.get("reset.invalid"));
			return "accounts/link-invalid";
		}
		redirect.addFlashAttribute("success", messages.get("reset.done"));
		return "redirect:/connexion";
	}

	private Map<String, String> passwordProblems(String password, String confirmation) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!Accounts.isAcceptablePassword(password)) {
			problems.put("password", messages.get("account.password.tooShort", Accounts.MIN_PASSWORD_LENGTH));
		}
		else if (!password.equals(confirmation)) {
			problems.put("confirmation", messages.get("account.password.mismatch"));
		}
		return problems;
	}
}
