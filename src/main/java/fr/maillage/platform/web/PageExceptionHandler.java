package fr.maillage.platform.web;

import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.UploadLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors raised by page controllers: French pages with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final Messages messages;

	PageExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	String notFound(Exception ex, HttpServletResponse response, Model model) {
		return page(404, "error.notFound", response, model);
	}

	/** A browser that closed its live stream (a page left): nothing to answer, nothing to log. */
	@ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
	void clientGone() {
	}

	@ExceptionHandler(AccessDeniedException.class)
	String denied(Exception ex, HttpServletResponse response, Model model) {
		return page(403, "error.forbidden", response, model);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	String badRequest(Exception ex, HttpServletResponse response, Model model) {
		return page(400, "error.badRequest", response, model);
	}

	/**
	 * A form value that Spring could not bind (a word in a number or a choice bound to a record or
	 * a parameter): only a tampered or scripted request sends one, the page's own fields cannot.
	 * Refused as a bad request. Values a controller reads itself go through {@code TypedValues}
	 * (null when unreadable, then refused by the form's checks); an IllegalArgumentException
	 * anywhere else is a bug, and stays an error of the application.
	 */
	@ExceptionHandler({ org.springframework.validation.BindException.class,
			org.springframework.core.convert.ConversionException.class, org.springframework.beans.TypeMismatchException.class })
	String unreadableValue(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		log.warn("Valeur illisible refusée sur {} {} : {}", request.getMethod(), request.getRequestURI(),
				ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().substring(0, Math.min(200, ex.getMessage().length())));
		return page(400, "error.unreadableFormValue", response, model);
	}

	/** A refusal of a service that a page did not catch to show beside its fields: the reasons, on a 400 page. */
	@ExceptionHandler(fr.maillage.platform.Problems.RejectedException.class)
	String rejected(fr.maillage.platform.Problems.RejectedException ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("message", String.join(" ", messages.byField(ex.problems()).values()));
		return "error";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(Exception ex, HttpServletResponse response, Model model) {
		response.setStatus(413);
		model.addAttribute("status", 413);
		model.addAttribute("message", messages.get("error.tooLarge", UploadLimits.LIST_BYTES / (1024 * 1024) + " Mo"));
		return "error";
	}

	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		log.error("Erreur inattendue sur {} {}", request.getMethod(), request.getRequestURI(), ex);
		return page(500, "error.internal", response, model);
	}

	private String page(int status, String key, HttpServletResponse response, Model model) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("message", messages.get(key));
		return "error";
	}
}
