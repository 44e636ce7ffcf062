package fr.maillage.prevention;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.pathways.PathwayIndicators;
import fr.maillage.pathways.PathwayRole;
import fr.maillage.pathways.PathwayTemplates;
import fr.maillage.pathways.ScheduleUnit;
import fr.maillage.pathways.StepDefinition;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.internal.EtpStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPTS's therapeutic education programmes: created by its coordinators with their ARS
 * authorisation, their team (professionals of the territory) and the pathway their participants
 * follow, written as a care pathway only the team sees; suspended, resumed, ended; counted per
 * year. Every member of the CPTS reads a programme and its counts (no patient in them).
 */
@Service
public class EtpProgrammes {

	/** A programme's year: participants enrolled, steps of its pathway done, group sessions and presences. */
	public record YearCounts(int year, long enrolled, long assessments, long workshopsDone, long individualSessions, long evaluations, long sessions,
			long presences, long participantsAtSessions) {
	}

	private final EtpStore store;
	private final CptsAccess access;
	private final CptsService cpts;
	private final DirectorySearch directory;
	private final AccountLinks links;
	private final PathwayTemplates templates;
	private final PathwayIndicators indicators;
	private final AuditLog audit;

	EtpProgrammes(EtpStore store, CptsAccess access, CptsService cpts, DirectorySearch directory, AccountLinks links, PathwayTemplates templates,
			PathwayIndicators indicators, AuditLog audit) {
		this.store = store;
		this.access = access;
		this.cpts = cpts;
		this.directory = directory;
		this.links = links;
		this.templates = templates;
		this.indicators = indicators;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<EtpProgramme> list(UUID cptsId) {
		access.requireMember(cptsId);
		return store.ofCpts(cptsId);
	}

	@Transactional(readOnly = true)
	public EtpProgramme get(UUID programmeId) {
		EtpProgramme p = store.find(programmeId).orElseThrow(NotFoundException::new);
		access.requireMember(p.cptsId());
		return p;
	}

	/** Whether the signed-in user is in the programme's team (as the professional their account is linked to). */
	public boolean inTeam(EtpProgramme p) {
		return p.inTeam(links.represented(access.requireUser().id()).practitionerId());
	}

	/** The programme, if the signed-in user is in its team; otherwise its patients do not exist for them. */
	EtpProgramme requireTeam(UUID programmeId) {
		EtpProgramme p = store.find(programmeId).orElseThrow(NotFoundException::new);
		access.requireMember(p.cptsId());
		if (!inTeam(p)) {
			throw new CptsAccess.NotVisibleException();
		}
		return p;
	}

	/** The professionals practising in the territory, by profession then name: who may be in a team. */
	@Transactional(readOnly = true)
	public List<Practitioner> teamChoices(UUID cptsId) {
		access.requireMember(cptsId);
		List<String> codes = cpts.territory(cptsId).communes().stream().map(c -> c.inseeCode()).toList();
		return directory.practisingIn(codes).stream()
			.sorted(Comparator.comparing((Practitioner p) -> p.professionLabel() == null ? "" : p.professionLabel()).thenComparing(Practitioner::lastName))
			.toList();
	}

	@Transactional
	public EtpProgramme create(UUID cptsId, EtpForms.ProgrammeForm f) {
		CurrentUser user = access.requireCoordinator(cptsId);
		Problems problems = new Problems();
		LocalDate from = Campaigns.date(f.authorisedFrom(), "authorisedFrom", "prevention.etp.from.required", problems);
		LocalDate until = Campaigns.date(f.authorisedUntil(), "authorisedUntil", "prevention.etp.until.required", problems);
		if (from != null && until != null && until.isBefore(from)) {
			problems.reject("authorisedUntil", "prevention.etp.untilBeforeFrom");
		}
		int workshops = number(f.workshops(), 4, 1, 20, "workshops", "prevention.etp.workshops", problems);
		int every = number(f.everyWeeks(), 2, 1, 12, "everyWeeks", "prevention.etp.everyWeeks", problems);
		int evaluation = number(f.evaluationMonths(), 6, 1, 24, "evaluationMonths", "prevention.etp.evaluationMonths", problems);
		if (f.title() == null || f.title().isBlank()) {
			problems.reject("title", "prevention.etp.title.required");
		}
		if (f.disease() == null || f.disease().isBlank()) {
			problems.reject("disease", "prevention.etp.disease.required");
		}
		Map<UUID, Practitioner> choices = new java.util.HashMap<>();
		teamChoices(cptsId).forEach(p -> choices.put(p.id(), p));
		List<EtpProgramme.TeamMember> team = new ArrayList<>();
		for (String typed : f.teamIds() == null ? List.<String>of() : f.teamIds()) {
			Practitioner p = typed.isBlank() ? null : choices.get(uuid(typed));
			if (p == null) {
				problems.reject("teamIds", "prevention.etp.team.unknown");
			} else if (team.stream().noneMatch(m -> m.practitionerId().equals(p.id()))) {
				team.add(new EtpProgramme.TeamMember(p.id(), p.displayName() + (p.professionLabel() == null ? "" : " (" + p.professionLabel() + ")")));
			}
		}
		if (team.isEmpty() && !problems.any()) {
			problems.reject("teamIds", "prevention.etp.team.required");
		}
		problems.throwIfAny();
		String title = f.title().strip();
		PathwayTemplates.Template t = templates.createCircleOnly(cptsId, new PathwayTemplates.TemplateForm("ETP – " + title,
				f.disease().strip(), Math.min(120, evaluation + 6), path(workshops, every, evaluation)));
		EtpProgramme p = new EtpProgramme(UUID.randomUUID(), cptsId, title, f.disease().strip(), blank(f.arsAuthorisation()), from, until,
				blank(f.description()), t.id(), EtpProgramme.Status.ACTIVE, team);
		store.insert(p, user.id());
		audit.change("prevention.etp.created", "etp_programme", p.id().toString(), cptsId, title + " (" + team.size() + " professionnels)");
		return p;
	}

	/**
	 * The individual path of a participant: the shared initial educational assessment at
	 * enrolment, the collective workshops every few weeks after it, individual sessions when
	 * needed (optional, never a rupture), the final evaluation months after the assessment.
	 */
	static List<StepDefinition> path(int workshops, int everyWeeks, int evaluationMonths) {
		return List.of(
				new StepDefinition(EtpProgramme.STEP_ASSESSMENT, "Bilan éducatif partagé initial", PathwayRole.TOUS, null, 0, ScheduleUnit.DAYS, null, null,
						30, false, null),
				new StepDefinition(EtpProgramme.STEP_WORKSHOP, "Atelier collectif", PathwayRole.TOUS, EtpProgramme.STEP_ASSESSMENT, everyWeeks,
						ScheduleUnit.WEEKS, everyWeeks, workshops, 21, false, null),
				new StepDefinition(EtpProgramme.STEP_INDIVIDUAL, "Séance individuelle (si besoin)", PathwayRole.TOUS, EtpProgramme.STEP_ASSESSMENT, 1,
						ScheduleUnit.MONTHS, null, null, 30, true, null),
				new StepDefinition(EtpProgramme.STEP_EVALUATION, "Évaluation finale (bilan de fin de programme)", PathwayRole.TOUS,
						EtpProgramme.STEP_ASSESSMENT, evaluationMonths, ScheduleUnit.MONTHS, null, null, 30, false, null));
	}

	/** Suspends, resumes or ends a programme (its coordinators); participants already enrolled go on. */
	@Transactional
	public EtpProgramme moveTo(UUID programmeId, EtpProgramme.Status next) {
		EtpProgramme p = store.find(programmeId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(p.cptsId());
		EtpProgramme moved = p.moveTo(next);
		store.saveStatus(moved);
		audit.change("prevention.etp.status", "etp_programme", programmeId.toString(), p.cptsId(), p.status() + " → " + next);
		return moved;
	}

	/** A year of the programme, counted from its tables and its pathway's steps. */
	@Transactional(readOnly = true)
	public YearCounts counts(UUID programmeId, int year) {
		EtpProgramme p = get(programmeId);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		EtpStore.YearCounts own = store.counts(p.id(), from, to);
		Map<String, Long> done = indicators.doneByStep(p.templateId(), from, to);
		return new YearCounts(year, own.enrolled(), done.getOrDefault(EtpProgramme.STEP_ASSESSMENT, 0L), done.getOrDefault(EtpProgramme.STEP_WORKSHOP, 0L),
				done.getOrDefault(EtpProgramme.STEP_INDIVIDUAL, 0L), done.getOrDefault(EtpProgramme.STEP_EVALUATION, 0L), own.sessions(), own.presences(),
				own.participantsAtSessions());
	}

	private static int number(@Nullable String typed, int otherwise, int min, int max, String field, String key, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return otherwise;
		}
		try {
			int n = Integer.parseInt(typed.strip());
			if (n >= min && n <= max) {
				return n;
			}
		} catch (NumberFormatException ex) {
			// reported below
		}
		problems.reject(field, key);
		return otherwise;
	}

	private static @Nullable UUID uuid(String typed) {
		try {
			return UUID.fromString(typed.strip());
		} catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
