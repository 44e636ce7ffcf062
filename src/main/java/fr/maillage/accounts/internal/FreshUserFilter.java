package fr.maillage.accounts.internal;

import fr.maillage.accounts.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session sees the account as it is now, not as it was at login: a role or a CPTS
 * withdrawn takes effect at the next request; a session opened before the password changed (a
 * reset, or a change from another session) or of a disabled account is closed. One read of the
 * account per page request; API calls read it with their token anyway.
 */
class FreshUserFilter extends OncePerRequestFilter {

	private final AccountStore store;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	FreshUserFilter(AccountStore store) {
		this.store = store;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser held) || request.getHeader("Authorization") != null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CurrentUser> fresh = store.loadById(held.id());
		if (fresh.isEmpty() || !fresh.get().isEnabled() || fresh.get().credentialsChangedAt().isAfter(held.credentialsChangedAt())) {
			var session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/connexion?expiree");
			return;
		}
		CurrentUser now = fresh.get();
		if (!now.roles().equals(held.roles()) || now.isAdmin() != held.isAdmin() || now.totpEnabled() != held.totpEnabled()) {
			now.eraseCredentials();
			var context = SecurityContextHolder.createEmptyContext();
			var updated = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
			updated.setDetails(auth.getDetails());
			context.setAuthentication(updated);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}
}
