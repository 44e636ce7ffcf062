package fr.maillage.missions.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.missions.Contract;
import fr.maillage.missions.ContractSchedule;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Mission;
import fr.maillage.missions.SteeringAccess;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contract's page: its terms, deadlines, the payments expected against those received, the dialogue de gestion. */
@Controller
class ContractPagesController {

	private final Contracts contracts;
	private final SteeringAccess steering;
	private final CptsService cpts;
	private final Messages messages;

	ContractPagesController(Contracts contracts, SteeringAccess steering, CptsService cpts, Messages messages) {
		this.contracts = contracts;
		this.steering = steering;
		this.cpts = cpts;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/contrat")
	String page(@PathVariable UUID id, Model model) {
		steering.require(id);
		var overview = contracts.overview(id);
		model.addAttribute("form", ContractForms.ContractForm.of(overview.map(Contracts.Overview::contract).orElse(null),
				cpts.territory(id).sizeClass().number()));
		return show(id, model);
	}

	@PostMapping("/cpts/{id}/contrat")
	String save(@PathVariable UUID id, @ModelAttribute("form") ContractForms.ContractForm form, Model model, RedirectAttributes redirect) {
		steering.require(id);
		try {
			contracts.save(id, form.terms());
			redirect.addFlashAttribute("success", messages.get("missions.contract.saved"));
			return "redirect:/cpts/" + id + "/contrat";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("form", new ContractForms.ContractForm(form.signedOn(), form.sizeClass(), form.sizeClassReason(), form.functioning(),
					form.advancePercent(), form.rows(), form.version()));
			return show(id, model);
		}
	}

	@PostMapping("/cpts/{id}/contrat/versements")
	String payment(@PathVariable UUID id, @ModelAttribute("payment") ContractForms.PaymentForm form, Model model, RedirectAttributes redirect) {
		steering.require(id);
		try {
			Problems problems = new Problems();
			Integer year = ContractForms.number(form.contractYear(), "contractYear", problems);
			LocalDate on = ContractForms.date(form.receivedOn(), "receivedOn", problems);
			Long cents = ContractForms.euros(form.amount(), "amount", problems);
			problems.throwIfAny();
			contracts.recordPayment(id, year == null ? 0 : year, form.part() == null ? "" : form.part(),
					"BALANCE".equals(form.kind()) ? ContractSchedule.PaymentKind.BALANCE : ContractSchedule.PaymentKind.ADVANCE, on,
					cents == null ? 0 : cents, form.note());
			redirect.addFlashAttribute("success", messages.get("missions.payment.saved"));
			return "redirect:/cpts/" + id + "/contrat#versements";
		}
		catch (Problems.RejectedException ex) {
			return refused(id, "paymentProblems", ex, model);
		}
	}

	@PostMapping("/cpts/{id}/contrat/dialogue")
	String dialogue(@PathVariable UUID id, @ModelAttribute("dialogue") ContractForms.DialogueForm form, Model model, RedirectAttributes redirect) {
		steering.require(id);
		try {
			Problems problems = new Problems();
			Integer year = ContractForms.number(form.contractYear(), "contractYear", problems);
			LocalDate on = ContractForms.date(form.heldOn(), "heldOn", problems);
			Long cents = ContractForms.euros(form.amount(), "finalCents", problems);
			Mission mission = form.mission() == null ? null : Mission.parseOrNull(form.mission());
			if (mission == null) {
				problems.reject("mission", "missions.payment.part");
			}
			if (on == null) {
				problems.reject("heldOn", "missions.dialogue.date");
			}
			problems.throwIfAny();
			contracts.recordDialogue(id, new Contracts.Dialogue(year == null ? 0 : year, mission, cents == null ? 0 : cents, on, form.note()));
			redirect.addFlashAttribute("success", messages.get("missions.dialogue.saved"));
			return "redirect:/cpts/" + id + "/contrat#dialogue";
		}
		catch (Problems.RejectedException ex) {
			return refused(id, "dialogueProblems", ex, model);
		}
	}

	/** A side form refused: its problems beside it, the contract's form as stored. */
	private String refused(UUID id, String problemsName, Problems.RejectedException ex, Model model) {
		model.addAttribute(problemsName, messages.byField(ex.problems()));
		model.addAttribute("form", ContractForms.ContractForm.of(contracts.find(id).orElse(null), cpts.territory(id).sizeClass().number()));
		return show(id, model);
	}

	private String show(UUID id, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		var overview = contracts.overview(id).orElse(null);
		model.addAttribute("overview", overview);
		model.addAttribute("territory", cpts.territory(id));
		model.addAttribute("missions", Mission.values());
		model.addAttribute("today", LocalDate.now(IndicatorSource.PARIS));
		if (!model.containsAttribute("payment")) {
			model.addAttribute("payment", new ContractForms.PaymentForm(overview == null ? "1"
					: Integer.toString(overview.contract().currentYear(LocalDate.now(IndicatorSource.PARIS))), Contracts.FUNCTIONING, "ADVANCE", "", "", ""));
		}
		if (!model.containsAttribute("dialogue")) {
			model.addAttribute("dialogue", new ContractForms.DialogueForm("1", Mission.ACCESS.name(), "", "", ""));
		}
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(1, Contract.YEARS).boxed().toList());
		return "missions/contract";
	}
}
