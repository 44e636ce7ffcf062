package fr.maillage.pathways.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.pathways.Enrolments;
import fr.maillage.pathways.PathwayIndicators;
import fr.maillage.pathways.PathwayRole;
import fr.maillage.pathways.PathwayTemplates;
import fr.maillage.pathways.Ruptures;
import fr.maillage.pathways.ScheduleUnit;
import fr.maillage.pathways.StepDefinition;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.platform.BarChart;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import fr.maillage.reference.CommuneListResolver;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Care pathways in the browser: templates, enrolment, a patient's timeline and circle, one's tasks of the week, indicators. */
@Controller
class PathwayPagesController {

	/** Blank rows offered under a template's steps. */
	static final int BLANK_ROWS = 3;

	private final PathwayTemplates templates;
	private final Enrolments enrolments;
	private final Ruptures ruptures;
	private final PathwayIndicators indicators;
	private final CptsService cpts;
	private final CptsAccess access;
	private final DirectorySearch directory;
	private final CommuneListResolver communes;
	private final Messages messages;
	private final fr.maillage.messaging.Conversations conversations;
	private final fr.maillage.pathways.DecisionTrees trees;

	PathwayPagesController(fr.maillage.pathways.DecisionTrees trees, fr.maillage.messaging.Conversations conversations, PathwayTemplates templates, Enrolments enrolments, Ruptures ruptures, PathwayIndicators indicators, CptsService cpts,
			CptsAccess access, DirectorySearch directory, CommuneListResolver communes, Messages messages) {
		this.trees = trees;
		this.conversations = conversations;
		this.templates = templates;
		this.enrolments = enrolments;
		this.ruptures = ruptures;
		this.indicators = indicators;
		this.cpts = cpts;
		this.access = access;
		this.directory = directory;
		this.communes = communes;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/parcours")
	String hub(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireMember(id);
		boolean coordinator = user.has(id, Role.COORDINATOR);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("templates", templates.list(id));
		model.addAttribute("enrolments", enrolments.visible(id));
		model.addAttribute("coordinator", coordinator);
		model.addAttribute("ruptures", coordinator ? ruptures.open(id) : List.of());
		return "pathways/hub";
	}

	@PostMapping("/cpts/{id}/parcours/exemples")
	String examples(@PathVariable UUID id, RedirectAttributes redirect) {
		templates.installExamples(id);
		redirect.addFlashAttribute("success", messages.get("pathways.examples.added"));
		return "redirect:/cpts/" + id + "/parcours";
	}

	// ---- templates

	@GetMapping("/cpts/{id}/parcours/modeles/nouveau")
	String newTemplate(@PathVariable UUID id, Model model) {
		access.requireCoordinator(id);
		Map<String, String> form = new HashMap<>();
		form.put("durationMonths", "12");
		return templatePage(id, null, form, 0, model);
	}

	@PostMapping("/cpts/{id}/parcours/modeles/nouveau")
	String createTemplate(@PathVariable UUID id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		try {
			PathwayTemplates.Template t = templates.create(id, templateForm(p));
			redirect.addFlashAttribute("success", messages.get("pathways.template.saved", t.version()));
			return "redirect:/cpts/" + id + "/parcours/modeles/" + t.id();
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return templatePage(id, null, p, rows(p), model);
		}
	}

	@GetMapping("/cpts/{id}/parcours/modeles/{templateId}")
	String template(@PathVariable UUID id, @PathVariable UUID templateId, Model model) {
		PathwayTemplates.Template t = templates.get(templateId);
		if (!t.cptsId().equals(id)) {
			throw new CptsAccess.NotVisibleException();
		}
		Map<String, String> form = new HashMap<>();
		form.put("name", t.name());
		form.put("description", t.description() == null ? "" : t.description());
		form.put("durationMonths", String.valueOf(t.durationMonths()));
		for (int i = 0; i < t.steps().size(); i++) {
			StepDefinition s = t.steps().get(i);
			form.put("key_" + i, s.key());
			form.put("title_" + i, s.title());
			form.put("role_" + i, s.role().name());
			form.put("anchor_" + i, s.anchoredOnEnrolment() ? "" : s.anchor());
			form.put("offset_" + i, String.valueOf(s.offset()));
			form.put("unit_" + i, s.unit().name());
			form.put("every_" + i, s.every() == null ? "" : String.valueOf(s.every()));
			form.put("count_" + i, s.count() == null ? "" : String.valueOf(s.count()));
			form.put("grace_" + i, String.valueOf(s.graceDays()));
			form.put("optional_" + i, String.valueOf(s.optional()));
		}
		model.addAttribute("template", t);
		return templatePage(id, t, form, t.steps().size(), model);
	}

	@PostMapping("/cpts/{id}/parcours/modeles/{templateId}")
	String updateTemplate(@PathVariable UUID id, @PathVariable UUID templateId, @RequestParam Map<String, String> p, Model model,
			RedirectAttributes redirect) {
		try {
			PathwayTemplates.Template t = templates.update(templateId, templateForm(p));
			redirect.addFlashAttribute("success", messages.get("pathways.template.saved", t.version()));
			return "redirect:/cpts/" + id + "/parcours/modeles/" + templateId;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			PathwayTemplates.Template t = templates.get(templateId);
			model.addAttribute("template", t);
			return templatePage(id, t, p, rows(p), model);
		}
	}

	private String templatePage(UUID id, PathwayTemplates.@Nullable Template t, Map<String, String> form, int filled, Model model) {
		CurrentUser user = access.requireMember(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("form", form);
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < filled + BLANK_ROWS; i++) {
			rows.add(i);
			form.putIfAbsent("key_" + i, "e" + (i + 1));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("roles", PathwayRole.values());
		model.addAttribute("units", ScheduleUnit.values());
		model.addAttribute("editable", user.coordinates(id));
		return "pathways/template";
	}

	/** How many step rows a posted form holds (the last with a title or a key beyond the defaults). */
	static int rows(Map<String, String> p) {
		int last = -1;
		for (int i = 0; i < PathwayTemplates.MAX_STEPS + BLANK_ROWS; i++) {
			if (p.get("title_" + i) != null && !p.get("title_" + i).isBlank()) {
				last = i;
			}
		}
		return last + 1;
	}

	/** The steps of the rows with a title; empty numbers are refused by the engine's check with the row's number. */
	static PathwayTemplates.TemplateForm templateForm(Map<String, String> p) {
		List<StepDefinition> steps = new ArrayList<>();
		Problems unreadable = new Problems();
		for (int i = 0; i < rows(p); i++) {
			String title = p.get("title_" + i);
			if (title == null || title.isBlank()) {
				continue;
			}
			// a number typed wrong is named as such (TypedValues reads it as -1, which the checks would call negative)
			for (String[] f : new String[][] {{"offset_", "offset"}, {"every_", "every"}, {"count_", "count"}, {"grace_", "graceDays"}}) {
				String typed = p.get(f[0] + i);
				if (typed != null && !typed.isBlank() && !typed.strip().matches("-?\\d{1,9}")) {
					unreadable.reject("steps[" + i + "]." + f[1], "pathways.step.number", i + 1, typed.strip());
				}
			}
			String key = p.get("key_" + i) == null || p.get("key_" + i).isBlank() ? "e" + (i + 1) : p.get("key_" + i).strip();
			Integer offset = TypedValues.integer(p.get("offset_" + i));
			Integer grace = TypedValues.integer(p.get("grace_" + i));
			steps.add(new StepDefinition(key, title.strip(), TypedValues.enumOf(PathwayRole.class, p.get("role_" + i)), blank(p.get("anchor_" + i)),
					offset == null ? 0 : offset, TypedValues.enumOf(ScheduleUnit.class, p.get("unit_" + i)), TypedValues.integer(p.get("every_" + i)),
					TypedValues.integer(p.get("count_" + i)), grace == null ? 0 : grace, "true".equals(p.get("optional_" + i)), null));
		}
		unreadable.throwIfAny();
		return new PathwayTemplates.TemplateForm(p.get("name"), p.get("description"), TypedValues.integer(p.get("durationMonths")), steps);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	// ---- enrolment

	@GetMapping("/cpts/{id}/parcours/inclure")
	String enrolForm(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID modele, @RequestParam(required = false) @Nullable String sortie,
			Model model) {
		Map<String, String> form = new HashMap<>();
		form.put("templateId", modele == null ? "" : modele.toString());
		form.put("startDate", LocalDate.now(Enrolments.PARIS).toString());
		if (sortie != null) {
			// a hospital discharge: the discharge pathway, the médecin traitant and the home nurse to name
			form.put("sortie", "1");
			templates.list(id).stream().filter(t -> t.name().startsWith("Sortie")).findFirst().ifPresent(t -> form.put("templateId", t.id().toString()));
			form.put("memberRole_0", PathwayRole.MEDECIN_GENERALISTE.name());
			form.put("memberGp_0", "true");
			form.put("memberRole_1", PathwayRole.INFIRMIER.name());
		}
		return enrolPage(id, form, model);
	}

	private String enrolPage(UUID id, Map<String, String> form, Model model) {
		access.requireMember(id);
		model.addAttribute("cpts", cpts.get(id));
		// a circle-only pathway (a therapeutic education programme's) is entered through its owner's page
		model.addAttribute("templates", templates.list(id).stream().filter(t -> !t.circleOnly()).toList());
		model.addAttribute("form", form);
		model.addAttribute("professionals", professionals(id));
		model.addAttribute("roles", PathwayRole.values());
		return "pathways/enrol";
	}

	/** The professionals practising in the territory, by profession then name: who may join a circle. */
	private List<Practitioner> professionals(UUID cptsId) {
		var codes = cpts.territory(cptsId).communes().stream().map(c -> c.inseeCode()).toList();
		return directory.practisingIn(codes).stream()
			.sorted(Comparator.comparing((Practitioner p) -> p.professionLabel() == null ? "" : p.professionLabel()).thenComparing(Practitioner::lastName))
			.toList();
	}

	@PostMapping("/cpts/{id}/parcours/inclure")
	String enrol(@PathVariable UUID id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		List<Enrolments.MemberForm> circle = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String who = p.get("member_" + i);
			if (who != null && !who.isBlank()) {
				circle.add(new Enrolments.MemberForm(TypedValues.uuid(who), null, TypedValues.enumOf(PathwayRole.class, p.get("memberRole_" + i)),
						"true".equals(p.get("memberGp_" + i))));
			}
		}
		UUID templateId = TypedValues.uuid(p.get("templateId"));
		try {
			UUID enrolment = enrolments.enrol(new Enrolments.EnrolmentForm(id, templateId, TypedValues.date(p.get("startDate")), Identity.fromForm(p),
					Contact.fromForm(p, communes.codeOrTyped(p.get("communeCode"))), TypedValues.enumOf(Consent.How.class, p.get("consentHow")),
					"true".equals(p.get("consent")), circle));
			redirect.addFlashAttribute("success", messages.get("pathways.enrolled"));
			return "redirect:/parcours/inclusions/" + enrolment;
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			return enrolPage(id, p, model);
		}
	}

	@GetMapping("/parcours/inclusions/{id}")
	String enrolment(@PathVariable UUID id, Model model) {
		Enrolments.Enrolment e = enrolments.get(id);
		CurrentUser user = access.requireUser();
		model.addAttribute("e", e);
		model.addAttribute("cpts", cpts.get(e.cptsId()));
		model.addAttribute("coordinator", user.has(e.cptsId(), Role.COORDINATOR));
		model.addAttribute("professionals", professionals(e.cptsId()));
		model.addAttribute("roles", PathwayRole.values());
		model.addAttribute("today", LocalDate.now(Enrolments.PARIS));
		model.addAttribute("runs", trees.runsOf(id));
		return "pathways/enrolment";
	}


	@PostMapping("/parcours/inclusions/{id}/cercle")
	String addMember(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID practitionerId,
			@RequestParam(required = false) @Nullable String role, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> enrolments.addMember(id, new Enrolments.MemberForm(practitionerId, null, TypedValues.enumOf(PathwayRole.class, role), null)),
				"pathways.circle.added");
		return "redirect:/parcours/inclusions/" + id;
	}

	@PostMapping("/parcours/inclusions/{id}/cercle/{memberId}/retrait")
	String removeMember(@PathVariable UUID id, @PathVariable UUID memberId, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> enrolments.removeMember(id, memberId), "pathways.circle.removed");
		return enrolments.mayRead(id) ? "redirect:/parcours/inclusions/" + id : "redirect:/taches";
	}

	/** The circle's conversation (members only; the title names the pathway and the date, never the patient: it travels in e-mails). */
	@PostMapping("/parcours/inclusions/{id}/conversation")
	String conversation(@PathVariable UUID id) {
		Enrolments.Enrolment e = enrolments.get(id);
		UUID conversation = conversations.forSource(Enrolments.CONVERSATION_KIND, id.toString(), e.cptsId(),
				messages.get("pathways.conversation.title", e.templateName(), e.startDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
		return "redirect:/messages/" + conversation;
	}

	/** Asks the circle, in its conversation, for the missing hospital discharge letter. */
	@PostMapping("/parcours/inclusions/{id}/compte-rendu")
	String askLetter(@PathVariable UUID id) {
		Enrolments.Enrolment e = enrolments.get(id);
		UUID conversation = conversations.forSource(Enrolments.CONVERSATION_KIND, id.toString(), e.cptsId(),
				messages.get("pathways.conversation.title", e.templateName(), e.startDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
		conversations.post(conversation, messages.get("pathways.letter.request", e.startDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
				false, List.of());
		return "redirect:/messages/" + conversation;
	}

	@PostMapping("/parcours/inclusions/{id}/migration")
	String migrate(@PathVariable UUID id, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> enrolments.migrate(id), "pathways.migrated");
		return "redirect:/parcours/inclusions/" + id;
	}

	@PostMapping("/parcours/inclusions/{id}/fin")
	String end(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> enrolments.end(id, reason), "pathways.ended");
		return "redirect:/parcours/inclusions/" + id;
	}

	@PostMapping("/parcours/etapes/{id}/fait")
	String done(@PathVariable UUID id, @RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> enrolments.markDone(id, TypedValues.date(date), note), "pathways.done");
		return back != null && (back.startsWith("/taches") || back.startsWith("/parcours/")) ? "redirect:" + back : "redirect:/taches";
	}

	// ---- one's tasks, indicators

	@GetMapping("/taches")
	String tasks(@RequestParam(required = false) @Nullable String semaine, Model model) {
		LocalDate monday = TypedValues.date(semaine);
		monday = (monday == null ? LocalDate.now(Enrolments.PARIS) : monday).with(DayOfWeek.MONDAY);
		model.addAttribute("monday", monday);
		model.addAttribute("tasks", enrolments.myTasks(monday, monday.plusWeeks(1)));
		model.addAttribute("today", LocalDate.now(Enrolments.PARIS));
		return "pathways/tasks";
	}

	@GetMapping("/cpts/{id}/parcours/indicateurs")
	String indicatorsPage(@PathVariable UUID id, Model model) {
		PathwayIndicators.Indicators i = indicators.compute(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("i", i);
		model.addAttribute("chart", new BarChart(i.months().stream().map(PathwayIndicators.PerMonth::month).toList(), List.of(
				new BarChart.Series(messages.get("pathways.indicators.enrolled"), i.months().stream().map(PathwayIndicators.PerMonth::enrolled).toList(),
						"#1976d2"),
				new BarChart.Series(messages.get("pathways.indicators.done"), i.months().stream().map(PathwayIndicators.PerMonth::done).toList(), "#2e7d32"),
				new BarChart.Series(messages.get("pathways.indicators.ruptures"), i.months().stream().map(PathwayIndicators.PerMonth::ruptures).toList(),
						"#c62828")))
			.json());
		return "pathways/indicators";
	}
}
