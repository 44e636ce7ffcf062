package fr.maillage.platform.web;

import fr.maillage.platform.ApiError;
import fr.maillage.platform.Messages;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the container forwards to /error (unknown paths, errors outside controllers): a French
 * page, or a JSON error under /api; never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Messages messages;

	ErrorPages(Messages messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly (GET /error), not forwarded by the container: there is no such page
		int status = code instanceof Integer i ? i : 404;
		Object forwardedFrom = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = forwardedFrom == null ? request.getRequestURI() : String.valueOf(forwardedFrom);
		String key = messageKey(status);
		if (uri.startsWith("/api/")) {
			HttpStatus s = HttpStatus.resolve(status);
			return ResponseEntity.status(status)
				.body(new ApiError(status, s == null ? "erreur" : s.name().toLowerCase(), messages.get(key, "5 Mo"), null));
		}
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("message", messages.get(key, "5 Mo"));
		return "error";
	}

	static String messageKey(int status) {
		return switch (status) {
			case 400 -> "error.badRequest";
			case 401 -> "error.unauthenticated";
			case 403 -> "error.forbidden";
			case 404 -> "error.notFound";
			case 405 -> "error.method";
			case 413 -> "error.tooLarge";
			case 415 -> "error.mediaType";
			default -> "error.internal";
		};
	}
}
