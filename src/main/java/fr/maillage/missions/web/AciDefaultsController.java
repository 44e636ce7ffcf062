package fr.maillage.missions.web;

import fr.maillage.missions.Contracts;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The installation's default ACI amounts by size class, for its administrators: each row corrected
 * or marked as checked against the text in force; a contract copies them when it is recorded.
 */
@Controller
class AciDefaultsController {

	private final Contracts contracts;
	private final Messages messages;

	AciDefaultsController(Contracts contracts, Messages messages) {
		this.contracts = contracts;
		this.messages = messages;
	}

	/** One row as the form sends it (amounts in euros, as typed). */
	public record AmountForm(@Nullable String sizeClass, @Nullable String part, @Nullable String fixed, @Nullable String variable,
			@Nullable String verified) {
	}

	@GetMapping("/administration/aci")
	String page(Model model) {
		model.addAttribute("rows", contracts.defaults());
		return "missions/defaults";
	}

	@PostMapping("/administration/aci")
	String change(@ModelAttribute AmountForm form, Model model, RedirectAttributes redirect) {
		Problems problems = new Problems();
		Integer size = ContractForms.number(form.sizeClass(), "sizeClass", problems);
		Long fixed = ContractForms.euros(form.fixed(), "fixed", problems);
		Long variable = ContractForms.euros(form.variable(), "variable", problems);
		List<String> parts = List.of(Contracts.FUNCTIONING, "ACCESS", "PATHWAYS", "PREVENTION", "CRISIS", "QUALITY", "SUPPORT");
		if (size == null || size < 1 || size > 4 || form.part() == null || !parts.contains(form.part())) {
			problems.reject("part", "missions.defaults.row");
		}
		try {
			problems.throwIfAny();
			contracts.changeDefault(new Contracts.DefaultAmount(size, form.part(), fixed == null ? 0 : fixed, variable == null ? 0 : variable,
					"on".equals(form.verified())));
			redirect.addFlashAttribute("success", messages.get("missions.defaults.saved"));
			return "redirect:/administration/aci";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("failed", form);
			return page(model);
		}
	}
}
