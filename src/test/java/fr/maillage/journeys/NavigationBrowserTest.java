package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main menu on the demonstration, as each of its people, from a phone to a large screen: every
 * link it shows opens (never a 403 or a 404), no page is wider than the window, no message key
 * shows raw, and no page breaks the Content-Security-Policy.
 */
@DemoTest
class NavigationBrowserTest {

	static final int[] WIDTHS = { 390, 768, 1366, 1920 };

	@LocalServerPort
	int port;

	@Test
	void everyoneFindsTheirWayAtEveryWidth() {
		Map<String, List<String>> linksByRole = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (String[] who : new String[][] { { Demo.MEMBER, Demo.MEMBER_PASSWORD }, { Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD },
				{ Demo.ADMIN, Demo.ADMIN_PASSWORD } }) {
			for (int width : WIDTHS) {
				linksByRole.put(who[0], visitTheMenu(who[0], who[1], width, problems));
			}
		}
		assertThat(problems).as("pages of the menu").isEmpty();
		List<String> member = linksByRole.get(Demo.MEMBER);
		List<String> coordinator = linksByRole.get(Demo.COORDINATOR);
		assertThat(member).as("the member's links").hasSizeGreaterThan(15).contains("/annuaire", "/gardes", "/adhesion")
			.noneMatch(l -> l.equals("/audit") || l.endsWith("/annonces") || l.endsWith("/patients") || l.startsWith("/administration"));
		assertThat(coordinator).as("the coordinator's links").containsAll(member).contains("/audit")
			.anyMatch(l -> l.endsWith("/annonces")).anyMatch(l -> l.endsWith("/patients")).noneMatch(l -> l.startsWith("/administration"));
		assertThat(linksByRole.get(Demo.ADMIN)).as("the administrator's links").contains("/", "/administration/reference", "/administration/envois",
				"/administration/audit", "/audit");
	}

	@Test
	void onAPhoneTheMenuButtonOpensTheMenuAndTheCurrentPageIsMarked() {
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			var menu = page.locator("#menu-principal");
			assertThat(menu).isHidden();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
			assertThat(menu).isVisible();
			menu.getByText("Soins et gardes").click();
			menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Plannings de garde")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
			assertThat(page.locator("#menu-principal a[aria-current=page]")).hasText("Plannings de garde");
			assertThat(page.locator("#menu-principal summary.current")).hasText("Soins et gardes");
			Browser.screenshot(page, "menu-telephone-coordination");
		}
	}

	@Test
	void theLanguageIsChosenInTheAccountPage() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			assertThat(page.locator("header").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("English")))
				.hasCount(0);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon compte")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My account"))).isVisible();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Français")).click();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon compte"))).isVisible();
		}
	}

	/** Signs in at this width, opens every link of the menu; returns the links it shows. */
	private List<String> visitTheMenu(String email, String password, int width, List<String> problems) {
		try (BrowserContext context = Browser.newContext(width, 900)) {
			Page page = context.newPage();
			List<String> csp = new ArrayList<>();
			page.onConsoleMessage(m -> {
				if (m.text().contains("Content Security Policy")) {
					csp.add(page.url() + " " + m.text());
				}
			});
			Browser.login(page, port, email, password);
			if (page.locator("main table a").count() > 0 && page.url().endsWith("/")) {
				page.locator("main table a").first().click(); // the administrator opens the CPTS: its links join the menu
				page.waitForURL(java.util.regex.Pattern.compile(".*/cpts/.*"));
			}
			List<String> links = page.locator("#menu-principal details a").all().stream().map(a -> a.getAttribute("href")).distinct().toList();
			for (String href : links) {
				Response response = page.navigate("http://127.0.0.1:" + port + href);
				String where = email + " @" + width + " px " + href;
				if (response == null || response.status() >= 400) {
					problems.add(where + ": " + (response == null ? "no answer" : response.status()));
					continue;
				}
				Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
				if (((Number) overflow).intValue() > 0) {
					problems.add(where + ": " + overflow + " px wider than the window");
				}
				if (page.content().contains("??")) {
					problems.add(where + ": a raw message key");
				}
				if (page.locator("#menu-principal a[aria-current=page]").count() != 1) {
					problems.add(where + ": the menu does not mark the page");
				}
				if (width == 1366 || width == 390) {
					page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE); // calendars drawn, maps placed
					fr.maillage.support.Accessibility.seriousViolations(page).forEach(v -> problems.add(where + ": axe " + v));
				}
			}
			problems.addAll(csp);
			if (width == 1366) {
				page.navigate("http://127.0.0.1:" + port + "/");
				Browser.screenshot(page, "menu-" + email.substring(0, email.indexOf('@')) + "-" + width);
			}
			return links;
		}
	}
}
