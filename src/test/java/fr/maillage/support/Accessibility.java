package fr.maillage.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (Deque's engine, the copy shipped in its Java package) run on the page as it is: the
 * serious and critical violations, each with the elements concerned. Evaluated through the
 * browser's tools, not a script tag, so the page's Content-Security-Policy stays as it is.
 */
public final class Accessibility {

	private static final String AXE = load();

	private Accessibility() {
	}

	private static String load() {
		try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js missing from the test classpath (com.deque.html.axe-core:playwright)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The serious and critical violations of the WCAG 2.1 A and AA rules on this page, one line each. */
	@SuppressWarnings("unchecked")
	public static List<String> seriousViolations(Page page) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
			page.evaluate(AXE);
		}
		return (List<String>) page.evaluate("""
				async () => {
				  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
				  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.impact + ' ' + v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '));
				}""");
	}
}
