package fr.maillage.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Errors of the JSON API: a status and a French message, never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Messages messages;

	ApiExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Problems.RejectedException.class)
	ResponseEntity<ApiError> rejected(Problems.RejectedException ex) {
		List<ApiError.FieldError> errors = ex.problems().all().stream()
			.map(p -> new ApiError.FieldError(p.field(), messages.get(p.key(), p.args().toArray()))).toList();
		String summary = errors.stream().map(ApiError.FieldError::message).reduce((a, b) -> a + " " + b).orElse("");
		return ResponseEntity.badRequest().body(new ApiError(400, "invalide", summary, errors));
	}

	/** A form bound with Bean Validation: each field's French message (interpolated from messages.properties). */
	@ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(org.springframework.web.bind.MethodArgumentNotValidException ex) {
		List<ApiError.FieldError> errors = messages.byField(ex.getBindingResult()).entrySet().stream()
			.map(e -> new ApiError.FieldError(e.getKey(), e.getValue())).toList();
		String summary = errors.stream().map(ApiError.FieldError::message).reduce((a, b) -> a + " " + b).orElse("");
		return ResponseEntity.badRequest().body(new ApiError(400, "invalide", summary, errors));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(RuntimeException ex) {
		return error(HttpStatus.NOT_FOUND, "introuvable", "error.notFound");
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class,
			org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException.class })
	ResponseEntity<ApiError> unreadable(Exception ex) {
		// a value of the wrong type or format in a JSON body: name the field, as a form would
		if (ex.getCause() instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
			String field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
			String message = messages.get("error.badValue", field);
			return ResponseEntity.badRequest()
				.body(new ApiError(400, "requete_illisible", message, List.of(new ApiError.FieldError(field, message))));
		}
		return error(HttpStatus.BAD_REQUEST, "requete_illisible", "error.badRequest");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(Exception ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "format_non_pris_en_charge", "error.mediaType");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(Exception ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "methode_non_autorisee", "error.method");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(Exception ex) {
		return error(HttpStatus.CONTENT_TOO_LARGE, "trop_volumineux", "error.tooLarge", UploadLimits.describe());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(Exception ex) {
		return error(HttpStatus.NOT_FOUND, "introuvable", "error.notFound");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiError> denied(AccessDeniedException ex) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			return error(HttpStatus.UNAUTHORIZED, "non_authentifie", "error.unauthenticated");
		}
		return error(HttpStatus.FORBIDDEN, "acces_refuse", "error.forbidden");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Erreur inattendue sur {} {}", request.getMethod(), request.getRequestURI(), ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "erreur_interne", "error.internal");
	}

	private ResponseEntity<ApiError> error(HttpStatus status, String code, String key, Object... args) {
		return ResponseEntity.status(status).body(new ApiError(status.value(), code, messages.get(key, args), null));
	}
}
