package fr.maillage.accounts.internal;

import fr.maillage.shared.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the token's SHA-256 is looked up by its
 * unique index, so a check costs one indexed query. An unknown token is simply not authenticated
 * (the entry point then answers 401).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	/** Request attribute: the bearer token was refused because the holder's CPTS now requires the card. */
	public static final String CARD_REQUIRED = "maillage.token.cardRequired";

	private final AccountStore store;

	public BearerTokenFilter(AccountStore store) {
		this.store = store;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String raw = header.substring(7).strip();
			byte[] hash = Secrets.sha256(raw);
			AccountStore.TokenUse use = store.useOfToken(hash);
			if (use.cardRequired()) {
				// a password's token, for a role the CPTS now keeps for the card: the chain's entry point says so, in its format
				request.setAttribute(CARD_REQUIRED, Boolean.TRUE);
			}
			use.user().ifPresent(user -> {
				user.eraseCredentials();
				var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
				auth.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
				SecurityContextHolder.getContext().setAuthentication(auth);
			});
		}
		chain.doFilter(request, response);
	}
}
