package fr.maillage.crisis.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.crisis.Crisis;
import fr.maillage.messaging.ParticipantSource;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who a crisis's cell is: the plan's cell at the version the crisis runs on, and the CPTS's
 * coordinators. They follow its boards live and take part in its conversation (asked at every
 * access, so a plan without someone closes it to them for the next crises).
 */
@Component
public class Cells implements ParticipantSource {

	public static final String CONVERSATION_KIND = "crisis-cell";

	private final CrisisStore crises;
	private final PlanStore plans;
	private final Accounts accounts;

	Cells(CrisisStore crises, PlanStore plans, Accounts accounts) {
		this.crises = crises;
		this.plans = plans;
		this.accounts = accounts;
	}

	public Set<UUID> of(Crisis c) {
		Set<UUID> users = new LinkedHashSet<>();
		plans.version(c.cptsId(), c.planVersion()).ifPresent(v -> v.plan().cell().forEach(m -> users.add(m.userId())));
		users.addAll(accounts.holdersOf(c.cptsId(), Role.COORDINATOR));
		return users;
	}

	@Override
	public String kind() {
		return CONVERSATION_KIND;
	}

	@Override
	public Set<UUID> participants(String ref) {
		try {
			return crises.find(UUID.fromString(ref)).map(this::of).orElse(Set.of());
		} catch (IllegalArgumentException ex) {
			return Set.of();
		}
	}
}
