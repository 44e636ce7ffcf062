package fr.maillage.accounts.internal;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second factor, enforced per role (MAILLAGE_TOTP_REQUIRED_FOR, by default "ADMIN,COORDINATOR";
 * empty relaxes it): a signed-in user who holds such a role and has not enabled TOTP can only reach
 * the page that enables it (and log out) until they do. The demonstration's accounts, whose
 * passwords are public, are shared by every visitor: in demonstration mode nothing is required
 * unless the variable is set.
 */
@Component
public class TotpPolicy {

	/** The roles that must have a second factor when the installation says nothing. */
	public static final String DEFAULT = "ADMIN,COORDINATOR";

	private final boolean admins;
	private final Set<Role> roles = EnumSet.noneOf(Role.class);

	TotpPolicy(@Value("${maillage.security.totp-required-for:default}") String requiredFor, @Value("${maillage.demo:false}") boolean demo) {
		boolean a = false;
		String effective = requiredFor;
		if (requiredFor.strip().equalsIgnoreCase("default")) {
			effective = demo ? "" : DEFAULT;
			if (demo) {
				org.slf4j.LoggerFactory.getLogger(TotpPolicy.class).warn("Mode démonstration : la double authentification n'est exigée d'aucun rôle.");
			}
		}
		for (String item : effective.split("[,\\s]+")) {
			String name = item.strip().toUpperCase(Locale.ROOT);
			if (name.equals("ADMIN")) {
				a = true;
			}
			else if (!name.isEmpty()) {
				roles.add(Role.valueOf(name));
			}
		}
		this.admins = a;
	}

	/** Whether this user must have a second factor and does not have one yet. */
	public boolean mustEnable(CurrentUser user) {
		if (user.totpEnabled()) {
			return false;
		}
		return (admins && user.isAdmin()) || user.roles().values().stream().flatMap(Set::stream).anyMatch(roles::contains);
	}

	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				String path = request.getRequestURI().substring(request.getContextPath().length());
				// a Pro Santé Connect session is already a strong authentication (card or e-CPS): no second factor asked
				if (auth != null && auth.getPrincipal() instanceof CurrentUser user && mustEnable(user) && !allowed(path)
						&& !ProSanteConnect.isPsc(request.getSession(false))) {
					if (request.getHeader("HX-Request") != null || path.equals("/live")) {
						// a fragment or the live stream of the page: refused, not redirected (the page itself is)
						response.sendError(HttpServletResponse.SC_FORBIDDEN);
						return;
					}
					response.sendRedirect(request.getContextPath() + "/compte/double-facteur?obligatoire");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	private static boolean allowed(String path) {
		return path.startsWith("/compte/double-facteur") || path.equals("/deconnexion") || path.equals("/langue")
				|| path.startsWith("/webjars/") || path.startsWith("/assets/") || path.equals("/error");
	}
}
