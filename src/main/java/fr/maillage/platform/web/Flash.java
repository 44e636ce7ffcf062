package fr.maillage.platform.web;

import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's action followed by a redirect: the success message, or the refusal in French, is
 * shown on the page redirected to ({@code success} / {@code failure} flash attributes, which
 * {@code fragments/forms :: flash} displays).
 */
public final class Flash {

	private Flash() {
	}

	/** Runs the action; on success flashes the message of {@code successKey}. */
	public static void run(Messages messages, RedirectAttributes redirect, Runnable action, String successKey) {
		say(messages, redirect, () -> {
			action.run();
			return messages.get(successKey);
		});
	}

	/** Runs the action, which says what it did; flashes that. */
	public static void say(Messages messages, RedirectAttributes redirect, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("success", action.get());
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
		}
	}
}
