package fr.maillage.crisis;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.crisis.internal.LogStore;
import fr.maillage.pathways.FollowUp;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation for chronic and fragile patients in a crisis, through the pathways: who follows
 * whom in counts (patients per pathway, their circles' professionals by role), in the plan for the
 * whole territory and in a crisis for its area; the cell asks the circles to take news of their
 * patients, each member is told how many of theirs, never a name (the pathways module does it).
 */
@Service
public class FragilePatients {

	private final FollowUp followUp;
	private final Crises crises;
	private final CrisisPlans access;
	private final LogStore log;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Messages messages;

	FragilePatients(FollowUp followUp, Crises crises, CrisisPlans access, LogStore log, ApplicationEventPublisher events, AuditLog audit,
			Messages messages) {
		this.followUp = followUp;
		this.crises = crises;
		this.access = access;
		this.log = log;
		this.events = events;
		this.audit = audit;
		this.messages = messages;
	}

	/** The follow-up on the whole territory, for the plan (its readers). */
	@Transactional(readOnly = true)
	public List<FollowUp.PerPathway> ofTerritory(UUID cptsId) {
		access.requireReader(cptsId);
		return followUp.of(cptsId, List.of());
	}

	/** The follow-up in a crisis's area, for the cell and the coordinators. */
	@Transactional(readOnly = true)
	public List<FollowUp.PerPathway> ofCrisis(UUID crisisId) {
		Crisis c = crises.get(crisisId);
		return followUp.of(c.cptsId(), c.areaCommunes());
	}

	/** The referent asks the circles of the patients in the area to take news of them; written to the log. */
	@Transactional
	public void askCircles(UUID crisisId, @Nullable String typedMessage) {
		Crisis c = crises.find(crisisId);
		CurrentUser user = access.requireLeader(c.cptsId());
		c.requireActive();
		String message = typedMessage == null ? "" : typedMessage.strip();
		if (message.isEmpty()) {
			throw Problems.rejected("followUpMessage", "crisis.fragile.message.required");
		}
		if (message.length() > 1000) {
			throw Problems.rejected("followUpMessage", "crisis.tooLong");
		}
		String label = crises.label(c);
		events.publishEvent(new FollowUp.Asked(c.cptsId(), c.areaCommunes(), label, message));
		log.append(UUID.randomUUID(), crisisId, LogEntry.Kind.ACTION, messages.get("crisis.fragile.logged", message), null, user.id(),
				user.displayName());
		audit.change("crisis.fragile.asked", "crisis", crisisId.toString(), c.cptsId(), label);
	}
}
