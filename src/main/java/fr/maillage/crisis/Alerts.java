package fr.maillage.crisis;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.AlertStore;
import fr.maillage.crisis.internal.PlanStore;
import fr.maillage.directory.AccountLinks;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.reference.CommuneListResolver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A crisis's alerts: the cell targets professionals of the CPTS by profession, declared skill and
 * commune (the crisis's area when none is named) and asks for their availability; each is
 * notified once (by a listener, in batches, replayed after a crash); they answer in one tap; the
 * cell follows a live board, by profession and commune, with those who have not answered.
 */
@Service
public class Alerts {

	/** The board of an alert: counts overall, by profession, by commune, and who answered what. */
	public record Board(Crisis crisis, CrisisAlert alert, AlertStore.Counts total, List<AlertStore.Counts> byProfession, List<AlertStore.Counts> byCommune,
			List<AlertStore.Answered> now, List<AlertStore.Answered> within24h, List<AlertStore.Answered> silent) {
	}

	/** An alert as its recipient sees it. */
	public record Received(Crisis crisis, CrisisAlert alert, CrisisAlert.@Nullable Answer answer) {
	}

	private final AlertStore store;
	private final PlanStore plans;
	private final Crises crises;
	private final CrisisPlans access;
	private final CptsAccess cptsAccess;
	private final Accounts accounts;
	private final AccountLinks links;
	private final CommuneListResolver communes;
	private final fr.maillage.crisis.internal.BoardPulse pulse;
	private final fr.maillage.crisis.internal.BoardCache boards;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;

	Alerts(AlertStore store, PlanStore plans, Crises crises, CrisisPlans access, CptsAccess cptsAccess, Accounts accounts, AccountLinks links,
			CommuneListResolver communes, fr.maillage.crisis.internal.BoardPulse pulse, fr.maillage.crisis.internal.BoardCache boards,
			ApplicationEventPublisher events, AuditLog audit) {
		this.boards = boards;
		this.store = store;
		this.plans = plans;
		this.crises = crises;
		this.access = access;
		this.cptsAccess = cptsAccess;
		this.accounts = accounts;
		this.links = links;
		this.communes = communes;
		this.pulse = pulse;
		this.events = events;
		this.audit = audit;
	}

	/** Writes the alert and its recipients; they are notified after commit. Refused when it reaches nobody. */
	@Transactional
	public CrisisAlert send(UUID crisisId, CrisisForms.AlertForm f) {
		Crisis c = crises.find(crisisId);
		CurrentUser user = access.requireLeader(c.cptsId());
		c.requireActive();
		Problems problems = new Problems();
		String message = f.message() == null ? "" : f.message().strip();
		if (message.isEmpty()) {
			problems.reject("message", "crisis.alert.message.required");
		}
		int remind = f.remindAfter() == null || f.remindAfter().isBlank() ? 30 : Integer.parseInt(f.remindAfter().strip());
		if (remind < 5 || remind > 1440) {
			problems.reject("remindAfter", "crisis.alert.remindAfter");
		}
		Set<Skill> skills = EnumSet.noneOf(Skill.class);
		for (String s : f.skills() == null ? List.<String>of() : f.skills()) {
			try {
				skills.add(Skill.valueOf(s));
			} catch (IllegalArgumentException ex) {
				problems.reject("skills", "crisis.alert.skill");
			}
		}
		List<String> professions = f.professions() == null ? List.of() : f.professions().stream().filter(p -> p.matches("\\d{1,3}")).distinct().toList();
		List<String> area = Crises.area(f.communes(), c.areaCommunes(), communes, problems);
		problems.throwIfAny();
		CrisisAlert.Target target = new CrisisAlert.Target(professions, skills, area);
		List<AlertStore.Recipient> recipients = recipients(c.cptsId(), target);
		if (recipients.isEmpty()) {
			throw Problems.rejected("professions", "crisis.alert.nobody");
		}
		CrisisAlert a = new CrisisAlert(UUID.randomUUID(), crisisId, message, target, CrisisAlert.Status.OPEN, remind, recipients.size(),
				java.time.Instant.now(), null);
		store.insert(a, recipients, user.id());
		audit.change("crisis.alert.sent", "crisis_alert", a.id().toString(), c.cptsId(), recipients.size() + " professionnels");
		events.publishEvent(new CrisisEvents.AlertSent(a.id()));
		return a;
	}

	/** The CPTS's people matching the target, each once, with their profession and commune (accounts not linked to the directory match no profession nor commune). */
	List<AlertStore.Recipient> recipients(UUID cptsId, CrisisAlert.Target t) {
		List<Accounts.UserView> people = accounts.usersOf(cptsId);
		Map<UUID, AccountLinks.Practice> practices = links.practicesOf(people.stream().map(Accounts.UserView::id).toList());
		Map<UUID, Set<Skill>> skills = t.skills().isEmpty() ? Map.of() : plans.skills(cptsId);
		Set<String> professions = Set.copyOf(t.professions());
		Set<String> area = Set.copyOf(t.communes());
		List<AlertStore.Recipient> out = new ArrayList<>();
		for (Accounts.UserView u : people) {
			AccountLinks.Practice p = practices.get(u.id());
			if (!professions.isEmpty() && (p == null || !professions.contains(p.professionCode()))) {
				continue;
			}
			if (!area.isEmpty() && (p == null || !area.contains(p.communeCode()))) {
				continue;
			}
			if (!t.skills().isEmpty() && skills.getOrDefault(u.id(), Set.of()).stream().noneMatch(t.skills()::contains)) {
				continue;
			}
			out.add(new AlertStore.Recipient(u.id(), u.displayName(), p == null ? null : p.professionLabel(), p == null ? null : p.communeCode(),
					p == null ? null : p.communeName()));
		}
		return out;
	}

	/** The alert as its recipient sees it (anyone else: it does not exist). */
	@Transactional(readOnly = true)
	public Received received(UUID alertId) {
		CurrentUser user = cptsAccess.requireUser();
		CrisisAlert a = store.find(alertId).orElseThrow(NotFoundException::new);
		CrisisAlert.Answer answer = store.answerOf(alertId, user.id()).orElse(null);
		return new Received(crises.find(a.crisisId()), a, answer);
	}

	/** The signed-in recipient's availability, in one tap; refused once the alert is closed. */
	@Transactional
	public void answer(UUID alertId, CrisisAlert.@Nullable Answer answer) {
		CurrentUser user = cptsAccess.requireUser();
		if (answer == null) {
			store.find(alertId).orElseThrow(NotFoundException::new);
			throw Problems.rejected("answer", "crisis.answer.required");
		}
		// one statement on the way that matters (thousands of answers a minute); the reasons of a refusal looked up after
		UUID crisis = store.answerIfOpen(alertId, user.id(), answer).orElseGet(() -> {
			CrisisAlert a = store.find(alertId).orElseThrow(NotFoundException::new);
			store.answerOf(alertId, user.id());
			a.requireOpen();
			throw new NotFoundException();
		});
		boards.changed(alertId);
		pulse.changed(crisis);
	}

	/** The open alerts the signed-in user was sent. */
	@Transactional(readOnly = true)
	public List<CrisisAlert> mine() {
		return store.openFor(cptsAccess.requireUser().id());
	}

	@Transactional(readOnly = true)
	public List<CrisisAlert> of(UUID crisisId) {
		crises.get(crisisId);
		return store.ofCrisis(crisisId);
	}

	/** The live board of an alert, for the cell and the coordinators; its read (names of professionals) audited. */
	@Transactional
	public Board board(UUID alertId) {
		CrisisAlert a = store.find(alertId).orElseThrow(NotFoundException::new);
		Crisis c = crises.get(a.crisisId());
		audit.read("crisis.board.read", "crisis_alert", alertId.toString(), c.cptsId(), null);
		fr.maillage.crisis.internal.BoardCache.Snapshot b = boards.of(alertId);
		return new Board(c, a, b.counts().total(), b.counts().byProfession(), b.counts().byCommune(), b.now(), b.within24h(), b.silent());
	}

	@Transactional
	public void close(UUID alertId) {
		CrisisAlert a = store.find(alertId).orElseThrow(NotFoundException::new);
		Crisis c = crises.find(a.crisisId());
		access.requireLeader(c.cptsId());
		a.close();
		store.saveClosed(alertId);
		boards.forget(alertId);
		audit.change("crisis.alert.closed", "crisis_alert", alertId.toString(), c.cptsId(), null);
	}
}
