package fr.maillage.crisis;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.PlanStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPTS's crisis plan: read by its crisis cell and its coordinators (the read of the cell's
 * contact points is audited), saved as a new version by a coordinator or the cell's referent or a
 * deputy; the skills each member declares.
 */
@Service
public class CrisisPlans {

	private final PlanStore store;
	private final CptsAccess access;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Messages messages;

	CrisisPlans(PlanStore store, CptsAccess access, Accounts accounts, AuditLog audit, Messages messages) {
		this.store = store;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
	}

	/** Whether the signed-in user may read the plan and the crisis boards: a coordinator, or in the current plan's cell. */
	public boolean mayRead(UUID cptsId) {
		CurrentUser user = access.requireMember(cptsId);
		return user.has(cptsId, Role.COORDINATOR) || store.current(cptsId).map(v -> v.plan().inCell(user.id())).orElse(false);
	}

	/** Whether the signed-in user may change the plan and run crises: a coordinator, the referent or a deputy. */
	public boolean mayLead(UUID cptsId) {
		CurrentUser user = access.requireMember(cptsId);
		return user.has(cptsId, Role.COORDINATOR) || store.current(cptsId).map(v -> v.plan().cell().stream()
			.anyMatch(m -> m.userId().equals(user.id()) && m.role() != CrisisPlan.CellRole.MEMBER)).orElse(false);
	}

	CurrentUser requireReader(UUID cptsId) {
		if (!mayRead(cptsId)) {
			throw new CptsAccess.NotVisibleException();
		}
		return access.requireUser();
	}

	CurrentUser requireLeader(UUID cptsId) {
		if (!mayLead(cptsId)) {
			throw new CptsAccess.NotVisibleException();
		}
		return access.requireUser();
	}

	/** The current version, if any; its read (the cell's contact points) audited. */
	@Transactional
	public Optional<PlanStore.Version> current(UUID cptsId) {
		requireReader(cptsId);
		Optional<PlanStore.Version> v = store.current(cptsId);
		v.ifPresent(x -> audit.read("crisis.plan.read", "crisis_plan", cptsId + "#" + x.version(), cptsId, null));
		return v;
	}

	@Transactional
	public PlanStore.Version version(UUID cptsId, int version) {
		requireReader(cptsId);
		PlanStore.Version v = store.version(cptsId, version).orElseThrow(fr.maillage.platform.NotFoundException::new);
		audit.read("crisis.plan.read", "crisis_plan", cptsId + "#" + version, cptsId, null);
		return v;
	}

	@Transactional(readOnly = true)
	public List<PlanStore.Version> versions(UUID cptsId) {
		requireReader(cptsId);
		return store.versions(cptsId);
	}

	/** The people of the CPTS who may sit in the cell, by name. */
	public Map<UUID, String> people(UUID cptsId) {
		Map<UUID, String> names = new LinkedHashMap<>();
		accounts.usersOf(cptsId).stream().sorted(java.util.Comparator.comparing(Accounts.UserView::displayName))
			.forEach(u -> names.put(u.id(), u.displayName()));
		return names;
	}

	/** Saves the plan as typed as a new version; refused whole, field by field, when something is wrong. */
	@Transactional
	public int save(UUID cptsId, PlanForm form, @Nullable String note) {
		CurrentUser user = store.current(cptsId).isEmpty() ? access.requireCoordinator(cptsId) : requireLeader(cptsId);
		Problems problems = new Problems();
		CrisisPlan plan = form.read(people(cptsId), problems);
		if (note != null && note.strip().length() > 500) {
			problems.reject("note", "crisis.tooLong");
		}
		problems.throwIfAny();
		int version = store.insert(cptsId, plan, note == null || note.isBlank() ? null : note.strip(), user.id());
		audit.change("crisis.plan.saved", "crisis_plan", cptsId + "#" + version, cptsId, "version " + version);
		return version;
	}

	/** The form of the current plan, or a new one with the reflex sheets the application ships. */
	public PlanForm form(UUID cptsId) {
		return PlanForm.of(current(cptsId).map(PlanStore.Version::plan).orElse(CrisisPlan.empty()), k -> messages.get(k.defaultSheetKey()));
	}

	public Set<Skill> mySkills(UUID cptsId) {
		return store.skills(cptsId, access.requireMember(cptsId).id());
	}

	@Transactional
	public void declareSkills(UUID cptsId, Set<Skill> skills) {
		CurrentUser user = access.requireMember(cptsId);
		store.saveSkills(cptsId, user.id(), skills.isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(skills));
		audit.change("crisis.skills.declared", "crisis_skill", user.id().toString(), cptsId, skills.toString());
	}
}
