package fr.maillage.accounts.web;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.internal.AccountStore;
import fr.maillage.accounts.internal.TotpPolicy;
import fr.maillage.platform.Messages;
import jakarta.servlet.http.HttpSession;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account: API tokens and the TOTP second factor. */
@Controller
class AccountController {

	private static final String PENDING_SECRET = "maillage.totp.pending";

	private final Accounts accounts;
	private final CptsAccess access;
	private final Messages messages;
	private final CodeVerifier codes;
	private final TotpPolicy totpPolicy;
	private final AccountStore store;
	private final fr.maillage.accounts.CalendarFeeds feeds;
	private final fr.maillage.platform.Mail mail;
	private final org.springframework.security.web.context.SecurityContextRepository contexts =
			new org.springframework.security.web.context.HttpSessionSecurityContextRepository();

	private final fr.maillage.accounts.PasswordChanges passwordChanges;

	AccountController(Accounts accounts, CptsAccess access, Messages messages, CodeVerifier codes, TotpPolicy totpPolicy,
			AccountStore store, fr.maillage.accounts.CalendarFeeds feeds, fr.maillage.platform.Mail mail,
			fr.maillage.accounts.PasswordChanges passwordChanges) {
		this.passwordChanges = passwordChanges;
		this.feeds = feeds;
		this.mail = mail;
		this.accounts = accounts;
		this.access = access;
		this.messages = messages;
		this.codes = codes;
		this.totpPolicy = totpPolicy;
		this.store = store;
	}

	private static CurrentUser withoutTotp(CurrentUser u) {
		return new CurrentUser(u.id(), u.email(), u.displayName(), null, u.isAdmin(), u.isEnabled(), false, u.roles());
	}

	/** The session keeps the user as loaded at login: reload it after a change of second factor. */
	private void refreshSession(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		CurrentUser user = store.loadById(access.requireUser().id()).orElseThrow();
		user.eraseCredentials();
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(user, null, user.getAuthorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/** A new password: the current one first; the person's other sessions end and their tokens are revoked. */
	@PostMapping("/compte/mot-de-passe")
	String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		try {
			passwordChanges.change(current, password, confirmation);
		}
		catch (fr.maillage.platform.Problems.RejectedException ex) {
			java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.problems().all().forEach(p -> errors.putIfAbsent(p.field(), messages.get(p.key(), p.args().toArray())));
			model.addAttribute("passwordErrors", errors);
			return account(model);
		}
		refreshSession(request, response);
		redirect.addFlashAttribute("success", messages.get("account.password.changed"));
		return "redirect:/compte";
	}

	@GetMapping("/compte")
	String account(Model model) {
		model.addAttribute("user", access.requireUser());
		model.addAttribute("tokens", accounts.myTokens());
		model.addAttribute("calendarFeed", feeds.exists());
		return "accounts/account";
	}

	@PostMapping("/compte/agenda")
	String renewCalendar(RedirectAttributes redirect) {
		redirect.addFlashAttribute("newCalendarUrl", mail.url("/agenda/" + feeds.renew() + ".ics"));
		return "redirect:/compte#agenda";
	}

	@PostMapping("/compte/agenda/supprimer")
	String revokeCalendar(RedirectAttributes redirect) {
		feeds.revoke();
		redirect.addFlashAttribute("success", messages.get("account.calendar.revoked"));
		return "redirect:/compte#agenda";
	}

	@PostMapping("/compte/jetons")
	String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "90") int days, RedirectAttributes redirect,
			jakarta.servlet.http.HttpSession session) {
		try {
			String token = accounts.issueToken(name.isBlank() ? messages.get("account.token.defaultName") : name, days,
					fr.maillage.accounts.internal.ProSanteConnect.isPsc(session));
			redirect.addFlashAttribute("newToken", token);
		}
		catch (fr.maillage.platform.Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
		}
		return "redirect:/compte";
	}

	@PostMapping("/compte/jetons/{id}/revoquer")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		if (accounts.revokeToken(id)) {
			redirect.addFlashAttribute("success", messages.get("account.token.revoked"));
		}
		return "redirect:/compte";
	}

	@GetMapping("/compte/double-facteur")
	String totp(Model model, HttpSession session) throws Exception {
		CurrentUser user = access.requireUser();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = new DefaultSecretGenerator(32).generate();
			session.setAttribute(PENDING_SECRET, secret);
		}
		QrData data = new QrData.Builder().label(user.email()).secret(secret).issuer(messages.get("app.name")).digits(6).period(30).build();
		byte[] png = new ZxingPngQrGenerator().generate(data);
		model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
		model.addAttribute("secret", secret);
		model.addAttribute("user", user);
		model.addAttribute("required", totpPolicy.mustEnable(user));
		return "accounts/totp";
	}

	@PostMapping("/compte/double-facteur")
	String enableTotp(@RequestParam(defaultValue = "") String code, HttpSession session, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null || !codes.isValidCode(secret, code.replaceAll("\\s", ""))) {
			redirect.addFlashAttribute("failure", messages.get("account.totp.wrongCode"));
			return "redirect:/compte/double-facteur";
		}
		accounts.enableTotp(secret);
		session.removeAttribute(PENDING_SECRET);
		refreshSession(request, response);
		redirect.addFlashAttribute("success", messages.get("account.totp.enabled"));
		return "redirect:/compte";
	}

	@PostMapping("/compte/double-facteur/desactiver")
	String disableTotp(RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		if (totpPolicy.mustEnable(withoutTotp(access.requireUser()))) {
			redirect.addFlashAttribute("failure", messages.get("account.totp.required"));
			return "redirect:/compte";
		}
		accounts.disableTotp();
		refreshSession(request, response);
		redirect.addFlashAttribute("success", messages.get("account.totp.disabled"));
		return "redirect:/compte";
	}
}
