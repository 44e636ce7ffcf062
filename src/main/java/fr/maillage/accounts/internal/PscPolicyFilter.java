package fr.maillage.accounts.internal;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.LoginPolicies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone signed in with a password who holds a role their CPTS requires to sign in with Pro Santé
 * Connect reaches only the page that says so (with the PSC button) and the logout, like the
 * second-factor policy. The rule is read at each request, so a coordinator's choice applies at once.
 */
class PscPolicyFilter extends OncePerRequestFilter {

	static final String PAGE = "/connexion/psc-obligatoire";

	private final LoginPolicies policies;

	PscPolicyFilter(LoginPolicies policies) {
		this.policies = policies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user && !allowed(path) && !ProSanteConnect.isPsc(request.getSession(false))
				&& policies.pscRequiredFor(user)) {
			if (request.getHeader("HX-Request") != null || path.equals("/live")) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
				return;
			}
			response.sendRedirect(request.getContextPath() + PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(PAGE) || path.startsWith("/connexion") || path.equals("/deconnexion") || path.equals("/langue")
				|| path.startsWith("/webjars/") || path.startsWith("/assets/") || path.equals("/error");
	}
}
