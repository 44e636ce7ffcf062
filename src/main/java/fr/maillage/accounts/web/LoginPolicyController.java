package fr.maillage.accounts.web;

import fr.maillage.accounts.LoginPolicies;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.internal.ProSanteConnect;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A CPTS's login rule (its coordinators: the roles that must sign in with Pro Santé Connect), and the page that enforces it. */
@Controller
class LoginPolicyController {

	private final LoginPolicies policies;
	private final ProSanteConnect psc;
	private final Messages messages;

	LoginPolicyController(LoginPolicies policies, ProSanteConnect psc, Messages messages) {
		this.policies = policies;
		this.psc = psc;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/connexion-securite")
	String page(@PathVariable UUID id, Model model) {
		return show(id, policies.pscRequired(id), model);
	}

	@PostMapping("/cpts/{id}/connexion-securite")
	String save(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<Role> roles, Model model, RedirectAttributes redirect) {
		Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		try {
			policies.requirePsc(id, chosen);
			redirect.addFlashAttribute("success", messages.get("psc.policy.saved"));
			return "redirect:/cpts/" + id + "/connexion-securite";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return show(id, chosen, model);
		}
	}

	private String show(UUID id, Set<Role> chosen, Model model) {
		model.addAttribute("cptsId", id);
		model.addAttribute("chosen", chosen);
		model.addAttribute("roles", List.of(Role.COORDINATOR, Role.MEMBER, Role.PARTNER));
		model.addAttribute("pscEnabled", psc.enabled());
		return "accounts/login-policy";
	}

	@GetMapping("/connexion/psc-obligatoire")
	String required(Model model) {
		model.addAttribute("psc", psc.enabled() ? ProSanteConnect.START : null);
		return "accounts/psc-required";
	}
}
