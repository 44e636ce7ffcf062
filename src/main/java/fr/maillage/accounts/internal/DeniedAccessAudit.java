package fr.maillage.accounts.internal;

import fr.maillage.audit.AuditLog;
import fr.maillage.audit.AuditedActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in person refused a record (403, or the 404 that hides a record outside their care
 * circle, request or CPTS) leaves a trace: {@code access.denied} with the method and path (ids
 * only, never a name) and the CPTS the path names. Only paths naming a record (a UUID) count; an
 * unknown page is not an attempt on anyone's data.
 */
@Component
class DeniedAccessAudit extends OncePerRequestFilter {

	private static final Pattern RECORD = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/|$)");
	private static final Pattern CPTS = Pattern.compile("/cpts/([0-9a-fA-F-]{36})(/|$)");

	private final AuditLog audit;

	DeniedAccessAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		int status = response.getStatus();
		if (status != 403 && status != 404) {
			return;
		}
		String path = request.getRequestURI();
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AuditedActor actor) || !RECORD.matcher(path).find()) {
			return;
		}
		String request0 = request.getMethod() + " " + (path.length() > 300 ? path.substring(0, 300) : path);
		audit.event(actor.actorId(), actor.actorLabel(), "access.denied", "request", request0, cptsOf(path), String.valueOf(status));
	}

	private static @Nullable UUID cptsOf(String path) {
		Matcher m = CPTS.matcher(path);
		if (!m.find()) {
			return null;
		}
		try {
			return UUID.fromString(m.group(1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
