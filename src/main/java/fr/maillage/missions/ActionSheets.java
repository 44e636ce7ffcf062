package fr.maillage.missions;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.Partnership;
import fr.maillage.directory.Partnerships;
import fr.maillage.missions.internal.ActionSheetStore;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPTS's action sheets and own missions: writing a draft, moving a sheet through its statuses
 * (each validation kept as a version), copying a sheet to another year. For the coordination and
 * the board; every change audited.
 */
@Service
public class ActionSheets {

	private final ActionSheetStore store;
	private final SteeringAccess steering;
	private final Indicators indicators;
	private final List<TeamRoster> rosters;
	private final Partnerships partnerships;
	private final AuditLog audit;

	ActionSheets(ActionSheetStore store, SteeringAccess steering, Indicators indicators, List<TeamRoster> rosters, Partnerships partnerships,
			AuditLog audit) {
		this.store = store;
		this.steering = steering;
		this.indicators = indicators;
		this.rosters = rosters;
		this.partnerships = partnerships;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ActionSheet> list(UUID cptsId, @Nullable Integer year) {
		steering.require(cptsId);
		return store.list(cptsId, year);
	}

	@Transactional(readOnly = true)
	public ActionSheet get(UUID cptsId, UUID sheetId) {
		steering.require(cptsId);
		return store.find(cptsId, sheetId).orElseThrow(NotFoundException::new);
	}

	@Transactional(readOnly = true)
	public List<ActionSheetStore.Version> versions(UUID cptsId, UUID sheetId) {
		get(cptsId, sheetId);
		return store.versions(sheetId);
	}

	/** Who may pilot or join a sheet, and which structures may be its partners. */
	@Transactional(readOnly = true)
	public List<ActionSheet.Person> people(UUID cptsId) {
		steering.require(cptsId);
		return rosters.stream().flatMap(r -> r.members(cptsId).stream()).toList();
	}

	@Transactional(readOnly = true)
	public List<Partnership> partners(UUID cptsId) {
		steering.require(cptsId);
		return partnerships.of(cptsId);
	}

	@Transactional(readOnly = true)
	public List<OwnMission> ownMissions(UUID cptsId) {
		steering.require(cptsId);
		return store.ownMissions(cptsId);
	}

	@Transactional
	public OwnMission addOwnMission(UUID cptsId, @Nullable String title, @Nullable String description, @Nullable String funding) {
		CurrentUser user = steering.require(cptsId);
		Problems problems = new Problems();
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			problems.reject("title", "missions.own.titleMissing");
		}
		length(problems, "description", description, 4000);
		length(problems, "funding", funding, 200);
		problems.throwIfAny();
		OwnMission m = new OwnMission(UUID.randomUUID(), cptsId, title.strip(), blankToNull(description), blankToNull(funding));
		store.insertOwnMission(m);
		audit.change("missions.own.created", "own_mission", m.id().toString(), cptsId, m.title() + " par " + user.email());
		return m;
	}

	@Transactional
	public ActionSheet create(UUID cptsId, ActionSheetForm form) {
		CurrentUser user = steering.require(cptsId);
		ActionSheet sheet = read(cptsId, UUID.randomUUID(), form, ActionSheet.Status.DRAFT, null, 0);
		store.insert(sheet);
		audit.change("missions.sheet.created", "action_sheet", sheet.id().toString(), cptsId, sheet.year() + " " + sheet.title() + " par " + user.email());
		return store.find(cptsId, sheet.id()).orElseThrow();
	}

	/** Changes a draft; a validated or running sheet must first go back to draft (REVISE). */
	@Transactional
	public ActionSheet update(UUID cptsId, UUID sheetId, ActionSheetForm form) {
		CurrentUser user = steering.require(cptsId);
		ActionSheet before = store.find(cptsId, sheetId).orElseThrow(NotFoundException::new);
		if (!before.editable()) {
			throw Problems.rejected("status", "missions.sheet.notDraft");
		}
		ActionSheet sheet = read(cptsId, sheetId, form, before.status(), before.copiedFrom(), before.version());
		if (!store.update(sheet, form.version() == null ? before.version() : form.version())) {
			throw Problems.rejected("version", "missions.sheet.changedMeanwhile");
		}
		audit.change("missions.sheet.changed", "action_sheet", sheetId.toString(), cptsId, sheet.title() + " par " + user.email());
		return store.find(cptsId, sheetId).orElseThrow();
	}

	@Transactional
	public ActionSheet move(UUID cptsId, UUID sheetId, ActionSheet.Transition transition) {
		CurrentUser user = steering.require(cptsId);
		ActionSheet before = store.find(cptsId, sheetId).orElseThrow(NotFoundException::new);
		ActionSheet after = before.apply(transition);
		if (!store.update(after, before.version())) {
			throw Problems.rejected("version", "missions.sheet.changedMeanwhile");
		}
		String detail = before.status() + " → " + after.status();
		if (transition == ActionSheet.Transition.VALIDATE) {
			detail += ", version " + store.addVersion(after, user.id());
		}
		audit.change("missions.sheet.moved", "action_sheet", sheetId.toString(), cptsId, detail + " par " + user.email());
		return store.find(cptsId, sheetId).orElseThrow();
	}

	/** A draft copy of a sheet for a later year (the next one by default). */
	@Transactional
	public ActionSheet copy(UUID cptsId, UUID sheetId, @Nullable Integer toYear) {
		CurrentUser user = steering.require(cptsId);
		ActionSheet from = store.find(cptsId, sheetId).orElseThrow(NotFoundException::new);
		int year = toYear == null ? from.year() + 1 : toYear;
		if (year <= from.year() || year > 2100) {
			throw Problems.rejected("year", "missions.sheet.copyYear", from.year());
		}
		ActionSheet copy = from.copyTo(year);
		store.insert(copy);
		audit.change("missions.sheet.copied", "action_sheet", copy.id().toString(), cptsId,
				"copie de " + from.id() + " (" + from.year() + ") vers " + year + " par " + user.email());
		return store.find(cptsId, copy.id()).orElseThrow();
	}

	private ActionSheet read(UUID cptsId, UUID id, ActionSheetForm f, ActionSheet.Status status, @Nullable UUID copiedFrom, int version) {
		Problems problems = new Problems();
		if (f.year() == null || f.year() < 2000 || f.year() > 2100) {
			problems.reject("year", "missions.sheet.yearRange");
		}
		String mission = f.mission() == null ? "" : f.mission().strip();
		if (Mission.parseOrNull(mission) == null && store.ownMissions(cptsId).stream().noneMatch(m -> m.id().toString().equals(mission))) {
			problems.reject("mission", "missions.sheet.mission");
		}
		if (f.title() == null || f.title().isBlank() || f.title().strip().length() > 200) {
			problems.reject("title", "missions.sheet.title");
		}
		length(problems, "context", f.context(), 8000);
		length(problems, "objectives", f.objectives(), 8000);
		length(problems, "targetPopulation", f.targetPopulation(), 2000);
		length(problems, "actions", f.actions(), 8000);
		Map<UUID, ActionSheet.Person> people = rosters.stream().flatMap(r -> r.members(cptsId).stream())
			.collect(Collectors.toMap(ActionSheet.Person::memberId, Function.identity(), (a, b) -> a));
		ActionSheet.Person pilot = f.pilotId() == null ? null : people.get(f.pilotId());
		if (f.pilotId() != null && pilot == null) {
			problems.reject("pilotId", "missions.sheet.person");
		}
		List<UUID> teamIds = f.teamIds() == null ? List.of() : f.teamIds().stream().filter(Objects::nonNull).distinct().toList();
		if (teamIds.stream().anyMatch(t -> !people.containsKey(t))) {
			problems.reject("teamIds", "missions.sheet.person");
		}
		Map<UUID, String> structures = partnerships.of(cptsId).stream()
			.collect(Collectors.toMap(p -> p.organization().id(), p -> p.organization().name(), (a, b) -> a));
		List<UUID> partnerIds = f.partnerIds() == null ? List.of() : f.partnerIds().stream().filter(Objects::nonNull).distinct().toList();
		if (partnerIds.stream().anyMatch(p -> !structures.containsKey(p))) {
			problems.reject("partnerIds", "missions.sheet.partner");
		}
		List<ActionSheet.Milestone> milestones = f.milestones() == null ? List.of() : f.milestones();
		if (milestones.size() > 50 || milestones.stream().anyMatch(m -> m == null || m.due() == null || m.label() == null || m.label().isBlank()
				|| m.label().length() > 300)) {
			problems.reject("milestones", "missions.sheet.milestonesInvalid");
		}
		List<UUID> indicatorIds = f.indicatorIds() == null ? List.of() : f.indicatorIds().stream().filter(Objects::nonNull).distinct().toList();
		if (!indicatorIds.isEmpty()) {
			var known = indicators.catalogue(cptsId).stream().map(Indicator::id).collect(Collectors.toSet());
			if (!known.containsAll(indicatorIds)) {
				problems.reject("indicatorIds", "missions.sheet.indicator");
			}
		}
		problems.throwIfAny();
		return new ActionSheet(id, cptsId, f.year(), mission, f.title().strip(), blankToNull(f.context()), blankToNull(f.objectives()),
				blankToNull(f.targetPopulation()), blankToNull(f.actions()), pilot, teamIds.stream().map(people::get).toList(),
				partnerIds.stream().map(p -> new ActionSheet.Partner(p, structures.get(p))).toList(),
				milestones.stream().sorted(java.util.Comparator.comparing(ActionSheet.Milestone::due)).toList(), indicatorIds, status, copiedFrom,
				version);
	}

	private static void length(Problems problems, String field, @Nullable String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.reject(field, "missions.sheet.tooLong", max);
		}
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
