package fr.maillage.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/** A request refused by a filter before any controller: the API's JSON error, or a small French page. */
final class FilterRefusal {

	private FilterRefusal() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, Messages messages, int status, String code, String message)
			throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		if (request.getRequestURI().startsWith("/api/")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
		}
		else {
			java.util.Locale locale = LocaleFilter.localeOf(request);
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write("<!doctype html><html lang=\"" + locale.getLanguage() + "\"><meta charset=\"utf-8\"><title>" + status
					+ "</title><p>" + HtmlUtils.htmlEscape(message) + "</p><p><a href=\"javascript:history.back()\">"
					+ HtmlUtils.htmlEscape(messages.get(locale, "error.back")) + "</a></p></html>");
		}
	}
}
