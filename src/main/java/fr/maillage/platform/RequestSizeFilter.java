package fr.maillage.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the documented limit before anything reads them: 413 with a
 * French message (JSON for the API, a page otherwise).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter extends OncePerRequestFilter {

	private final Messages messages;

	RequestSizeFilter(Messages messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (request.getContentLengthLong() > UploadLimits.maxRequestBytes(path)) {
			java.util.Locale locale = LocaleFilter.localeOf(request);
			String message = messages.get(locale, "error.tooLarge", UploadLimits.describe(path));
			FilterRefusal.write(request, response, messages, 413, "trop_volumineux", message);
			return;
		}
		chain.doFilter(request, response);
	}
}
