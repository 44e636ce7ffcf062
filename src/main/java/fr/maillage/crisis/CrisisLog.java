package fr.maillage.crisis;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.LogStore;
import fr.maillage.platform.Problems;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crisis log (main courante): the cell and the coordinators add timestamped entries while the
 * crisis runs — a decision, an information, a request, an action done — and correct one only by a
 * new entry pointing to it; nothing is ever changed or removed.
 */
@Service
public class CrisisLog {

	private final LogStore store;
	private final Crises crises;
	private final CrisisPlans access;
	private final AuditLog audit;

	CrisisLog(LogStore store, Crises crises, CrisisPlans access, AuditLog audit) {
		this.store = store;
		this.crises = crises;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<LogEntry> entries(UUID crisisId) {
		crises.get(crisisId);
		return store.of(crisisId);
	}

	/** Adds an entry; answers its number. */
	@Transactional
	public int add(UUID crisisId, LogEntry.@Nullable Kind kind, @Nullable String text, @Nullable UUID corrects) {
		Crisis c = crises.find(crisisId);
		CurrentUser user = access.requireReader(c.cptsId());
		c.requireActive();
		Problems problems = new Problems();
		String t = text == null ? "" : text.strip();
		if (kind == null) {
			problems.reject("kind", "crisis.log.kind.required");
		}
		if (t.isEmpty()) {
			problems.reject("text", "crisis.log.text.required");
		} else if (t.length() > 5000) {
			problems.reject("text", "crisis.tooLong");
		}
		if (corrects != null && !store.belongs(corrects, crisisId)) {
			problems.reject("corrects", "crisis.log.corrects");
		}
		problems.throwIfAny();
		int seq = store.append(UUID.randomUUID(), crisisId, kind, t, corrects, user.id(), user.displayName());
		audit.change("crisis.log.added", "crisis", crisisId.toString(), c.cptsId(), "entrée " + seq);
		return seq;
	}
}
