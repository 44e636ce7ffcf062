package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The accessibility check the browser tests run can fail: a page with an unlabelled field and an image without text fails it. */
class AccessibilityCheckTest {

	@Test
	void anUnlabelledFieldAndAnImageWithoutTextAreSeriousViolations() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			page.setContent("<!DOCTYPE html><html lang='fr'><head><title>t</title></head><body><main><h1>Essai</h1>"
					+ "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><input type='text'></main></body></html>");
			assertThat(Accessibility.seriousViolations(page)).anyMatch(v -> v.contains("image-alt")).anyMatch(v -> v.contains("label"));
			page.setContent("<!DOCTYPE html><html lang='fr'><head><title>t</title></head><body><main><h1>Essai</h1>"
					+ "<img alt='Logo' src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><label>Nom <input type='text'></label></main></body></html>");
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
		}
	}
}
