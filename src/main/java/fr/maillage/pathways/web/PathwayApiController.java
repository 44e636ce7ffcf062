package fr.maillage.pathways.web;

import fr.maillage.pathways.DecisionTrees;
import fr.maillage.pathways.Enrolments;
import fr.maillage.pathways.PathwayIndicators;
import fr.maillage.pathways.PathwayTemplates;
import fr.maillage.pathways.Ruptures;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.reference.CommuneListResolver;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Care pathways in the JSON API: templates, enrolments, schedules, steps done, tasks, indicators. */
@RestController
class PathwayApiController {

	record EnrolmentJson(@Nullable UUID cptsId, @Nullable UUID templateId, @Nullable LocalDate startDate, @Nullable String birthName,
			@Nullable String firstNames, @Nullable String usedName, @Nullable LocalDate birthDate, @Nullable String sex, @Nullable String birthplaceCode,
			@Nullable String nir, @Nullable String email, @Nullable String phone, @Nullable String address, @Nullable String communeCode,
			Consent.@Nullable How consentHow, @Nullable Boolean consent, @Nullable List<Enrolments.MemberForm> circle) {
	}

	record Created(UUID id) {
	}

	record Done(@Nullable LocalDate date, @Nullable String note) {
	}

	record Reason(@Nullable String reason) {
	}

	record Schedule(UUID enrolmentId, String pathway, int templateVersion, LocalDate startDate, LocalDate horizon, List<Enrolments.Step> steps) {
	}

	private final PathwayTemplates templates;
	private final Enrolments enrolments;
	private final PathwayIndicators indicators;
	private final Ruptures ruptures;
	private final CommuneListResolver communes;
	private final fr.maillage.accounts.CptsAccess access;
	private final DecisionTrees trees;

	PathwayApiController(DecisionTrees trees, fr.maillage.accounts.CptsAccess access, PathwayTemplates templates, Enrolments enrolments, PathwayIndicators indicators, Ruptures ruptures,
			CommuneListResolver communes) {
		this.trees = trees;
		this.access = access;
		this.templates = templates;
		this.enrolments = enrolments;
		this.indicators = indicators;
		this.ruptures = ruptures;
		this.communes = communes;
	}

	@GetMapping("/api/v1/cpts/{id}/pathway-templates")
	List<PathwayTemplates.Template> templates(@PathVariable UUID id) {
		return templates.list(id);
	}

	@PostMapping("/api/v1/cpts/{id}/pathway-templates")
	ResponseEntity<PathwayTemplates.Template> create(@PathVariable UUID id, @RequestBody PathwayTemplates.TemplateForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(templates.create(id, form));
	}

	@PostMapping("/api/v1/cpts/{id}/pathway-templates/examples")
	List<PathwayTemplates.Template> examples(@PathVariable UUID id) {
		return templates.installExamples(id);
	}

	@GetMapping("/api/v1/pathway-templates/{id}")
	PathwayTemplates.Template template(@PathVariable UUID id) {
		return templates.get(id);
	}

	@PutMapping("/api/v1/pathway-templates/{id}")
	PathwayTemplates.Template update(@PathVariable UUID id, @RequestBody PathwayTemplates.TemplateForm form) {
		return templates.update(id, form);
	}

	@PostMapping("/api/v1/pathway-enrolments")
	ResponseEntity<Created> enrol(@RequestBody EnrolmentJson j) {
		UUID id = enrolments.enrol(new Enrolments.EnrolmentForm(j.cptsId(), j.templateId(), j.startDate(),
				new Identity(j.birthName(), j.firstNames(), j.usedName(), j.birthDate(), j.sex(), j.birthplaceCode(), j.nir()),
				new Contact(j.email(), j.phone(), j.address(), communes.codeOrTyped(j.communeCode())), j.consentHow(), Boolean.TRUE.equals(j.consent()),
				j.circle() == null ? List.of() : j.circle()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
	}

	@GetMapping("/api/v1/pathway-enrolments/{id}")
	Enrolments.Enrolment enrolment(@PathVariable UUID id) {
		return enrolments.get(id);
	}

	@GetMapping("/api/v1/pathway-enrolments/{id}/schedule")
	Schedule schedule(@PathVariable UUID id) {
		Enrolments.Enrolment e = enrolments.get(id);
		return new Schedule(e.id(), e.templateName(), e.templateVersion(), e.startDate(), e.horizon(), e.steps());
	}

	@PostMapping("/api/v1/pathway-enrolments/{id}/circle")
	ResponseEntity<List<Enrolments.Member>> addMember(@PathVariable UUID id, @RequestBody Enrolments.MemberForm m) {
		enrolments.addMember(id, m);
		return ResponseEntity.status(HttpStatus.CREATED).body(enrolments.get(id).circle());
	}

	@DeleteMapping("/api/v1/pathway-enrolments/{id}/circle/{memberId}")
	ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
		enrolments.removeMember(id, memberId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/pathway-enrolments/{id}/migrate")
	Enrolments.Enrolment migrate(@PathVariable UUID id) {
		enrolments.migrate(id);
		return enrolments.get(id);
	}

	@PostMapping("/api/v1/pathway-enrolments/{id}/end")
	Enrolments.Enrolment end(@PathVariable UUID id, @RequestBody Reason r) {
		enrolments.end(id, r.reason());
		return enrolments.get(id);
	}

	@PostMapping("/api/v1/pathway-steps/{id}/done")
	ResponseEntity<Void> done(@PathVariable UUID id, @RequestBody(required = false) @Nullable Done d) {
		enrolments.markDone(id, d == null ? null : d.date(), d == null ? null : d.note());
		return ResponseEntity.noContent().build();
	}

	/** The steps due from {@code from} (this week's Monday by default) to {@code to} (a week later), with the overdue ones. */
	@GetMapping("/api/v1/me/tasks")
	List<Enrolments.Task> tasks(@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to) {
		LocalDate start = from == null ? LocalDate.now(Enrolments.PARIS).with(DayOfWeek.MONDAY) : from;
		return enrolments.myTasks(start, to == null ? start.plusWeeks(1) : to);
	}

	@GetMapping("/api/v1/cpts/{id}/pathway-enrolments")
	List<Enrolments.Listed> visible(@PathVariable UUID id) {
		return enrolments.visible(id);
	}

	@GetMapping("/api/v1/cpts/{id}/pathways/indicators")
	PathwayIndicators.Indicators indicators(@PathVariable UUID id) {
		return indicators.compute(id);
	}

	record RunJson(@Nullable List<Integer> answers, @Nullable UUID enrolmentId) {
	}

	@GetMapping("/api/v1/cpts/{id}/decision-trees")
	List<DecisionTrees.Tree> trees(@PathVariable UUID id) {
		return trees.list(id);
	}

	@PostMapping("/api/v1/cpts/{id}/decision-trees")
	ResponseEntity<DecisionTrees.Tree> createTree(@PathVariable UUID id, @RequestBody DecisionTrees.TreeForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(trees.create(id, form, false));
	}

	@PostMapping("/api/v1/cpts/{id}/decision-trees/example")
	DecisionTrees.Tree treeExample(@PathVariable UUID id) {
		return trees.installExample(id);
	}

	@GetMapping("/api/v1/decision-trees/{id}")
	DecisionTrees.Tree tree(@PathVariable UUID id) {
		return trees.get(id);
	}

	@PutMapping("/api/v1/decision-trees/{id}")
	DecisionTrees.Tree updateTree(@PathVariable UUID id, @RequestBody DecisionTrees.TreeForm form) {
		return trees.update(id, form);
	}

	/** Keeps a run given as the indices of the answers chosen from the root; it must reach an outcome. */
	@PostMapping("/api/v1/decision-trees/{id}/runs")
	ResponseEntity<Created> run(@PathVariable UUID id, @RequestBody RunJson r) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(trees.record(id, r.answers() == null ? List.of() : r.answers(), r.enrolmentId())));
	}

	@GetMapping("/api/v1/pathway-enrolments/{id}/decision-runs")
	List<DecisionTrees.Run> runs(@PathVariable UUID id) {
		return trees.runsOf(id);
	}

	record JobRun(int marked, int notified, long millis) {
	}

	/** Runs the daily rupture job now (operators, benchmarks); administrators only. */
	@PostMapping("/api/v1/admin/jobs/pathway-ruptures")
	JobRun runRuptures() {
		access.requireAdmin();
		long t0 = System.nanoTime();
		Ruptures.Run run = ruptures.run();
		return new JobRun(run.marked(), run.notified(), (System.nanoTime() - t0) / 1_000_000);
	}

	@GetMapping("/api/v1/cpts/{id}/pathways/ruptures")
	List<Ruptures.Open> ruptures(@PathVariable UUID id) {
		return ruptures.open(id);
	}

}
