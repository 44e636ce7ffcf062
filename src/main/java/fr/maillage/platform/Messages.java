package fr.maillage.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** User-facing text from messages.properties, in the current request's language (French by default). */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
		// background work (daily jobs, deliveries) has no request: it speaks French, not the JVM's language
		LocaleContextHolder.setDefaultLocale(Locale.FRENCH);
	}

	public String get(String key, Object... args) {
		return source.getMessage(key, args, key, locale());
	}

	public String get(Locale locale, String key, Object... args) {
		return source.getMessage(key, args, key, locale);
	}

	/** One problem in the reader's language. */
	public String get(Problems.Problem problem) {
		return get(problem.key(), problem.args().toArray());
	}

	/** The problems of a refused form, field by field, in the reader's language: what pages show under the fields. */
	public java.util.Map<String, String> byField(Problems problems) {
		java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
		problems.all().forEach(p -> out.put(p.field(), get(p.key(), p.args().toArray())));
		return out;
	}

	/** The field errors of a form bound with Bean Validation, first per field; a value of the wrong type says so in French. */
	public java.util.Map<String, String> byField(org.springframework.validation.BindingResult result) {
		java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
		for (org.springframework.validation.FieldError e : result.getFieldErrors()) {
			out.putIfAbsent(e.getField(), e.isBindingFailure() ? get("form.typeMismatch") : source.getMessage(e, locale()));
		}
		return out;
	}

	public Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	public MessageSource source() {
		return source;
	}
}
