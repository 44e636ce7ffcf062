package fr.maillage.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
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
			response.setStatus(413);
			response.setCharacterEncoding("UTF-8");
			if (request.getRequestURI().startsWith("/api/")) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"status\":413,\"code\":\"trop_volumineux\",\"message\":\"" + message.replace("\"", "'") + "\"}");
			}
			else {
				response.setContentType(MediaType.TEXT_HTML_VALUE);
				response.getWriter().write("<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>413</title><p>"
						+ org.springframework.web.util.HtmlUtils.htmlEscape(message) + "</p><p><a href=\"javascript:history.back()\">"
						+ org.springframework.web.util.HtmlUtils.htmlEscape(messages.get(locale, "error.back")) + "</a></p></html>");
			}
			return;
		}
		chain.doFilter(request, response);
	}
}
