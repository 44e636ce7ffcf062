package fr.maillage.prevention.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.CptsService;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import fr.maillage.prevention.EtpForms;
import fr.maillage.prevention.EtpParticipants;
import fr.maillage.prevention.EtpProgramme;
import fr.maillage.prevention.EtpProgrammes;
import fr.maillage.prevention.PreventionEvents;
import fr.maillage.reference.CommuneListResolver;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Therapeutic education in the browser: the programmes of the CPTS and a new one; a programme's
 * page (authorisation, team, counts of a year, group sessions, and for its team the participants);
 * enrolling a patient; a session's attendance sheet, fit for a phone.
 */
@Controller
class EtpPagesController {

	private final EtpProgrammes programmes;
	private final EtpParticipants participants;
	private final CptsService cpts;
	private final CommuneListResolver communes;
	private final Messages messages;
	private final CptsAccess access;

	EtpPagesController(EtpProgrammes programmes, EtpParticipants participants, CptsService cpts, CommuneListResolver communes, Messages messages,
			CptsAccess access) {
		this.access = access;
		this.programmes = programmes;
		this.participants = participants;
		this.cpts = cpts;
		this.communes = communes;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/etp")
	String list(@PathVariable UUID id, Model model) {
		model.addAttribute("form", EtpForms.ProgrammeForm.empty());
		return list(id, model, false);
	}

	private String list(UUID id, Model model, boolean open) {
		model.addAttribute("programmes", programmes.list(id));
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("choices", programmes.teamChoices(id));
		model.addAttribute("openForm", open);
		model.addAttribute("coordinator", access.requireMember(id).has(id, fr.maillage.accounts.Role.COORDINATOR));
		return "prevention/etp-programmes";
	}

	@PostMapping("/cpts/{id}/etp")
	String create(@PathVariable UUID id, @Valid @ModelAttribute("form") EtpForms.ProgrammeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("problems", messages.byField(binding));
			return list(id, model, true);
		}
		try {
			EtpProgramme p = programmes.create(id, form);
			redirect.addFlashAttribute("success", messages.get("prevention.etp.saved", p.title()));
			return "redirect:/cpts/" + id + "/etp/" + p.id();
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return list(id, model, true);
		}
	}

	@GetMapping("/cpts/{id}/etp/{programmeId}")
	String show(@PathVariable UUID id, @PathVariable UUID programmeId, @RequestParam(name = "annee", required = false) @Nullable Integer year,
			Model model) {
		model.addAttribute("sessionForm", EtpForms.SessionForm.empty());
		return page(id, programmeId, year, model);
	}

	private String page(UUID id, UUID programmeId, @Nullable Integer year, Model model) {
		EtpProgramme p = programme(id, programmeId);
		int thisYear = LocalDate.now(PreventionEvents.PARIS).getYear();
		int y = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
		boolean team = programmes.inTeam(p);
		model.addAttribute("p", p);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("team", team);
		model.addAttribute("counts", programmes.counts(programmeId, y));
		model.addAttribute("years", List.of(thisYear - 2, thisYear - 1, thisYear));
		model.addAttribute("sessions", participants.sessions(programmeId));
		model.addAttribute("participants", team ? participants.participants(programmeId) : List.of());
		model.addAttribute("statuses", EtpProgramme.Status.values());
		model.addAttribute("coordinator", access.requireMember(id).has(id, fr.maillage.accounts.Role.COORDINATOR));
		return "prevention/etp-programme";
	}

	@PostMapping("/cpts/{id}/etp/{programmeId}/statut")
	String status(@PathVariable UUID id, @PathVariable UUID programmeId, @RequestParam(required = false) @Nullable String status,
			RedirectAttributes redirect) {
		programme(id, programmeId);
		Flash.run(messages, redirect, () -> {
			EtpProgramme.Status next = TypedValues.enumOf(EtpProgramme.Status.class, status);
			if (next == null) {
				throw Problems.rejected("status", "prevention.etp.transition");
			}
			programmes.moveTo(programmeId, next);
		}, "prevention.etp.statusSaved");
		return "redirect:/cpts/" + id + "/etp/" + programmeId;
	}

	@PostMapping("/cpts/{id}/etp/{programmeId}/seances")
	String plan(@PathVariable UUID id, @PathVariable UUID programmeId, @Valid @ModelAttribute("sessionForm") EtpForms.SessionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		programme(id, programmeId);
		if (binding.hasErrors()) {
			model.addAttribute("problems", messages.byField(binding));
			return page(id, programmeId, null, model);
		}
		try {
			var s = participants.plan(programmeId, form);
			redirect.addFlashAttribute("success", messages.get("prevention.etp.session.saved", s.title()));
			return "redirect:/cpts/" + id + "/etp/" + programmeId + "#seances";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return page(id, programmeId, null, model);
		}
	}

	@GetMapping("/cpts/{id}/etp/{programmeId}/inclure")
	String enrolForm(@PathVariable UUID id, @PathVariable UUID programmeId, Model model) {
		Map<String, String> form = new HashMap<>();
		form.put("startDate", LocalDate.now(PreventionEvents.PARIS).toString());
		return enrolPage(id, programmeId, form, model);
	}

	private String enrolPage(UUID id, UUID programmeId, Map<String, String> form, Model model) {
		EtpProgramme p = programme(id, programmeId);
		if (!programmes.inTeam(p)) {
			throw new CptsAccess.NotVisibleException();
		}
		model.addAttribute("p", p);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("form", form);
		return "prevention/etp-enrol";
	}

	@PostMapping("/cpts/{id}/etp/{programmeId}/inclure")
	String enrol(@PathVariable UUID id, @PathVariable UUID programmeId, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		programme(id, programmeId);
		try {
			UUID enrolment = participants.enrol(programmeId, new EtpParticipants.EnrolForm(TypedValues.date(p.get("startDate")), Identity.fromForm(p),
					Contact.fromForm(p, communes.codeOrTyped(p.get("communeCode"))), TypedValues.enumOf(Consent.How.class, p.get("consentHow")),
					"true".equals(p.get("consent"))));
			redirect.addFlashAttribute("success", messages.get("prevention.etp.enrolled"));
			return "redirect:/parcours/inclusions/" + enrolment;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return enrolPage(id, programmeId, p, model);
		}
	}

	@GetMapping("/cpts/{id}/etp/{programmeId}/seances/{sessionId}")
	String sheet(@PathVariable UUID id, @PathVariable UUID programmeId, @PathVariable UUID sessionId, Model model) {
		EtpParticipants.Sheet sheet = participants.sheet(sessionId);
		if (!sheet.programme().id().equals(programmeId) || !sheet.programme().cptsId().equals(id)) {
			throw new NotFoundException();
		}
		model.addAttribute("sheet", sheet);
		model.addAttribute("cpts", cpts.get(id));
		return "prevention/etp-session";
	}

	@PostMapping("/cpts/{id}/etp/{programmeId}/seances/{sessionId}/presences")
	String attendance(@PathVariable UUID id, @PathVariable UUID programmeId, @PathVariable UUID sessionId,
			@RequestParam(name = "present", required = false) @Nullable List<UUID> present, RedirectAttributes redirect) {
		programme(id, programmeId);
		Flash.say(messages, redirect, () -> messages.get("prevention.etp.attendance.saved",
				participants.recordAttendance(sessionId, present == null ? List.of() : present)));
		return "redirect:/cpts/" + id + "/etp/" + programmeId + "/seances/" + sessionId;
	}

	private EtpProgramme programme(UUID cptsId, UUID programmeId) {
		EtpProgramme p = programmes.get(programmeId);
		if (!p.cptsId().equals(cptsId)) {
			throw new NotFoundException();
		}
		return p;
	}
}
