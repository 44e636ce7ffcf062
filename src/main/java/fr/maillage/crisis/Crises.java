package fr.maillage.crisis;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.CrisisStore;
import fr.maillage.crisis.internal.PlanStore;
import fr.maillage.messaging.Conversations;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneListResolver;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crises of a CPTS: activated (or exercised) by the cell's referent, a deputy or a coordinator on
 * the current plan, which must name a referent; the cell is convened at once and its conversation
 * opened; closed with a review. Seen by the cell and the coordinators.
 */
@Service
public class Crises {

	public static final String CONVERSATION_KIND = fr.maillage.crisis.internal.Cells.CONVERSATION_KIND;

	private final CrisisStore store;
	private final PlanStore plans;
	private final CrisisPlans access;
	private final CommuneListResolver communes;
	private final Conversations conversations;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Messages messages;
	private final fr.maillage.crisis.internal.Cells cells;

	Crises(CrisisStore store, PlanStore plans, CrisisPlans access, CommuneListResolver communes, Conversations conversations,
			ApplicationEventPublisher events, AuditLog audit, Messages messages, fr.maillage.crisis.internal.Cells cells) {
		this.cells = cells;
		this.store = store;
		this.plans = plans;
		this.access = access;
		this.communes = communes;
		this.conversations = conversations;
		this.events = events;
		this.audit = audit;
		this.messages = messages;
	}

	@Transactional
	public Crisis activate(UUID cptsId, CrisisForms.ActivationForm f) {
		CurrentUser user = access.requireLeader(cptsId);
		PlanStore.Version plan = plans.current(cptsId).orElseThrow(() -> Problems.rejected("plan", "crisis.activate.noPlan"));
		if (plan.plan().referent().isEmpty()) {
			throw Problems.rejected("plan", "crisis.activate.noReferent");
		}
		Problems problems = new Problems();
		CrisisKind kind = null;
		try {
			kind = CrisisKind.valueOf(f.kind() == null ? "" : f.kind());
		} catch (IllegalArgumentException ex) {
			problems.reject("kind", "crisis.activate.kind");
		}
		int level = f.level() != null && f.level().matches("[123]") ? Integer.parseInt(f.level()) : 0;
		if (level == 0) {
			problems.reject("level", "crisis.activate.level");
		}
		List<String> area = area(f.communes(), List.of(), communes, problems);
		problems.throwIfAny();
		String title = f.title() == null || f.title().isBlank() ? messages.get(kind.labelKey()) : f.title().strip();
		Crisis c = new Crisis(UUID.randomUUID(), cptsId, kind, level, f.isExercise(), title, area, plan.version(), Crisis.Status.ACTIVE, Instant.now(), null,
				null);
		store.insert(c, user.id());
		conversations.forSource(CONVERSATION_KIND, c.id().toString(), cptsId, label(c));
		audit.change(c.exercise() ? "crisis.exercise.started" : "crisis.activated", "crisis", c.id().toString(), cptsId,
				kind + " niveau " + level + " : " + title);
		events.publishEvent(new CrisisEvents.CrisisActivated(c.id()));
		return c;
	}

	/** The communes typed (codes or names, separated by commas), as INSEE codes; {@code otherwise} when nothing was typed. */
	static List<String> area(@org.jspecify.annotations.Nullable String typed, List<String> otherwise, CommuneListResolver communes, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return otherwise;
		}
		List<String> names = Arrays.stream(typed.split("[,;\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		List<Commune> found = names.stream().map(communes::resolveOne).flatMap(java.util.Optional::stream).distinct().toList();
		if (found.size() < names.size()) {
			problems.reject("communes", "crisis.activate.communes");
		}
		return found.stream().map(Commune::inseeCode).toList();
	}

	/** How a crisis is named everywhere: an exercise says it is one. */
	public String label(Crisis c) {
		return c.exercise() ? messages.get("crisis.exercise.prefix", c.title()) : c.title();
	}

	@Transactional(readOnly = true)
	public List<Crisis> of(UUID cptsId) {
		access.requireReader(cptsId);
		return store.ofCpts(cptsId);
	}

	@Transactional(readOnly = true)
	public Crisis get(UUID crisisId) {
		Crisis c = store.find(crisisId).orElseThrow(NotFoundException::new);
		access.requireReader(c.cptsId());
		return c;
	}

	/** The crisis, without access check (for this module's listeners and the alerts' recipients). */
	public Crisis find(UUID crisisId) {
		return store.find(crisisId).orElseThrow(NotFoundException::new);
	}

	/** The crisis's conversation (the cell and the coordinators take part). */
	@Transactional
	public UUID conversation(UUID crisisId) {
		Crisis c = get(crisisId);
		return conversations.forSource(CONVERSATION_KIND, crisisId.toString(), c.cptsId(), label(c));
	}

	@Transactional
	public Crisis close(UUID crisisId, String review) {
		Crisis c = store.find(crisisId).orElseThrow(NotFoundException::new);
		CurrentUser user = access.requireLeader(c.cptsId());
		Crisis closed = c.close(review, Instant.now());
		if (!store.saveClosed(closed, user.id())) {
			throw Problems.rejected("crisis", "crisis.closed");
		}
		audit.change("crisis.closed", "crisis", crisisId.toString(), c.cptsId(), label(c));
		events.publishEvent(new CrisisEvents.CrisisClosed(crisisId));
		return closed;
	}

	/** The crisis's cell (the plan's cell at its version) and the CPTS's coordinators: who follows its boards live. */
	public java.util.Set<UUID> cellOf(Crisis c) {
		return cells.of(c);
	}
}
