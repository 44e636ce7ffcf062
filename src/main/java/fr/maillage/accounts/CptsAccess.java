package fr.maillage.accounts;

import fr.maillage.platform.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The checks application services make before acting on a CPTS. A user who does not belong to
 * a CPTS is told it does not exist ({@link NotVisibleException}), so nothing leaks.
 */
@Component
public class CptsAccess {

	/** Thrown for what does not exist or may not be seen: both answer 404. */
	public static class NotVisibleException extends NotFoundException {
	}

	public Optional<CurrentUser> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? Optional.of(u) : Optional.empty();
	}

	public CurrentUser requireUser() {
		return current().orElseThrow(() -> new AccessDeniedException("authentication required"));
	}

	public CurrentUser requireAdmin() {
		CurrentUser user = requireUser();
		if (!user.isAdmin()) {
			throw new AccessDeniedException("administrator only");
		}
		return user;
	}

	public boolean isAdmin() {
		return current().map(CurrentUser::isAdmin).orElse(false);
	}

	public CurrentUser requireMember(UUID cptsId) {
		CurrentUser user = requireUser();
		if (!user.belongsTo(cptsId)) {
			throw new NotVisibleException();
		}
		return user;
	}

	/**
	 * A coordinator of the CPTS by role, for personal health data: being an administrator of the
	 * installation is not enough (administrators run the platform, not the care).
	 */
	public CurrentUser requireCoordinatorForPatients(UUID cptsId) {
		CurrentUser user = requireUser();
		if (!user.roles().containsKey(cptsId)) {
			throw new NotVisibleException();
		}
		if (!user.has(cptsId, Role.COORDINATOR)) {
			throw new AccessDeniedException("coordinator only");
		}
		return user;
	}

	public CurrentUser requireCoordinator(UUID cptsId) {
		CurrentUser user = requireMember(cptsId);
		if (!user.coordinates(cptsId)) {
			throw new AccessDeniedException("coordinator only");
		}
		return user;
	}
}
