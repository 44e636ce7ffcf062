package fr.maillage.audit.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The actions a reader can pick in the audit log's filter: every labelled action (a test keeps
 * every audited action labelled), by label in the reader's language. The bundle gives the keys,
 * the message source the labels (it reads their quotes as every page does).
 */
@Component
class AuditActionChoices {

	private static final String PREFIX = "audit.action.";

	record Choice(String action, String label) {
	}

	private final Map<Locale, List<Choice>> byLocale = new ConcurrentHashMap<>();
	private final fr.maillage.platform.Messages messages;

	AuditActionChoices(fr.maillage.platform.Messages messages) {
		this.messages = messages;
	}

	List<Choice> in(Locale locale) {
		Locale language = Locale.of(locale.getLanguage());
		return byLocale.computeIfAbsent(language, l -> {
			ResourceBundle bundle = ResourceBundle.getBundle("messages", "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
			Collator collator = Collator.getInstance(l.getLanguage().isEmpty() ? Locale.FRENCH : l);
			return bundle.keySet().stream().filter(k -> k.startsWith(PREFIX))
				.map(k -> new Choice(k.substring(PREFIX.length()), messages.get(l, k)))
				.sorted(Comparator.comparing(Choice::label, collator)).toList();
		});
	}
}
