package fr.maillage.missions;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The contract, budgets and report are for the CPTS's coordinators and its board (a current
 * mandate, as the association says); a plain member sees the outcome only through what is
 * published. An administrator of the installation counts as a coordinator, as elsewhere.
 */
@Service
public class SteeringAccess {

	private final CptsAccess access;
	private final List<Stewardship> stewardships;

	SteeringAccess(CptsAccess access, List<Stewardship> stewardships) {
		this.access = access;
		this.stewardships = stewardships;
	}

	public CurrentUser require(UUID cptsId) {
		CurrentUser user = access.requireMember(cptsId);
		if (user.coordinates(cptsId) || stewards(user, cptsId)) {
			return user;
		}
		throw new AccessDeniedException("coordination or board only");
	}

	public boolean may(UUID cptsId) {
		return access.current().filter(u -> u.belongsTo(cptsId)).map(u -> u.coordinates(cptsId) || stewards(u, cptsId)).orElse(false);
	}

	/** Whether figures of patients may be shown as they are (the coordination), or under statistical secrecy. */
	public boolean seesSmallCounts(UUID cptsId) {
		return access.current().map(u -> u.has(cptsId, Role.COORDINATOR)).orElse(false);
	}

	private boolean stewards(CurrentUser user, UUID cptsId) {
		return stewardships.stream().anyMatch(s -> s.stewards(user.id(), cptsId));
	}
}
