package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home of each role of the demo: the cards say what waits, with the figures the database has,
 * and each card leads to the list it counts. Screenshots of the three homes go to the report.
 */
@DemoTest
class HomeBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	UUID demo() {
		return jdbc.sql("select id from cpts where name like 'CPTS Démo Luberon-Durance%'").query(UUID.class).single();
	}

	static Locator card(Page page, String key) {
		return page.locator("article.home-card[data-card='" + key + "']");
	}

	/** At 1,366 px the header is one line: the last item (sign out) sits level with the first group of the menu. */
	static void headerIsOneLine(Page page) {
		var logout = page.locator(".site-header form[action$='/deconnexion'] button").boundingBox();
		var first = page.locator("#menu-principal summary").first().boundingBox();
		assertThat(Math.abs(logout.y + logout.height / 2 - (first.y + first.height / 2))).as("sign out on the menu's line").isLessThan(12);
	}

	static long figure(Page page, String key) {
		return Long.parseLong(card(page, key).locator(".figure").innerText().replaceAll("\\D", ""));
	}

	@Test
	void theCoordinatorSeesWhatTheCptsHasToDealWithAndEachCardLeadsToItsList() {
		UUID cpts = demo();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			assertThat(page).hasURL(url("/"));
			assertThat(page.locator("h1")).containsText("CPTS Démo Luberon-Durance");
			long pending = jdbc.sql("select count(*) from gp_request where cpts_id = :c and status = 'PENDING'").param("c", cpts).query(Long.class).single();
			assertThat(pending).as("the demo has requests waiting").isPositive();
			assertThat(figure(page, "home.gp.pending.title")).isEqualTo(pending);
			assertThat(card(page, "home.gp.pending.title")).containsText("la plus ancienne depuis");
			long gaps = jdbc.sql("""
					select count(*) from oncall_shift s join oncall_roster r on r.id = s.roster_id where r.cpts_id = :c and r.active
					and s.practitioner_id is null and s.organization_id is null and s.ends_at > now() and s.starts_at < now() + interval '7 days'""")
				.param("c", cpts).query(Long.class).single();
			assertThat(figure(page, "home.oncall.gaps.title")).isEqualTo(gaps);
			if (gaps > 0) {
				assertThat(card(page, "home.oncall.gaps.title")).hasClass(Pattern.compile("alert"));
			}
			long ruptures = jdbc.sql("""
					select count(*) from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id
					where e.cpts_id = :c and e.status = 'ACTIVE' and s.status = 'DUE' and s.overdue_at is not null""").param("c", cpts).query(Long.class).single();
			assertThat(figure(page, "home.pathways.ruptures.title")).isEqualTo(ruptures);
			assertThat(card(page, "home.fees.title")).containsText("%");
			assertThat(card(page, "home.meetings.title")).isVisible();
			assertThat(page.locator("main")).not().containsText("??");
			Browser.screenshot(page, "accueil-coordination");
			assertThat(fr.maillage.support.Accessibility.seriousViolations(page)).as("axe on the coordinator's home").isEmpty();
			headerIsOneLine(page);

			card(page, "home.gp.pending.title").locator("h3 a").click();
			page.waitForURL(Pattern.compile(".*/medecin-traitant\\?status=PENDING"));
			assertThat(page.locator("#status")).hasValue("PENDING");
			// each request waiting says for how long, in days
			assertThat(page.locator("#demandes small.waiting").first()).containsText("en attente depuis");
			assertThat(page.locator("#demandes small.waiting").allInnerTexts()).allMatch(t -> t.matches("en attente depuis (aujourd'hui|1 jour|\\d+ jours)"));
		}
	}

	@Test
	void theMemberSeesTheirOwnWorkAndNothingOfTheCoordination() {
		try (BrowserContext context = Browser.newContext(390, 844)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			assertThat(page).hasURL(url("/"));
			// the demo member sits on the board: the association's cards and the contract (the board steers it) are theirs,
			// nothing else of the coordination (run alone; in the whole suite the form fuzzing may have ended their directory link)
			assertThat(page.locator(".home-card[data-card]").all().stream().filter(c -> c.locator("xpath=..").locator("xpath=preceding-sibling::h2[1]")
				.getAttribute("id").equals("accueil-coordination")).map(c -> c.getAttribute("data-card")).toList())
				.allMatch(k -> k.startsWith("home.fees") || k.startsWith("home.meetings") || k.startsWith("home.missions"));
			assertThat(page.locator("#accueil-personal")).isVisible();
			assertThat(card(page, "home.gp.pending.title")).hasCount(0);
			assertThat(card(page, "home.pathways.ruptures.title")).hasCount(0);
			UUID member = jdbc.sql("select id from user_account where email = :e").param("e", Demo.MEMBER).query(UUID.class).single();
			// the form fuzzing shares this demo and may have ended the member's directory link: expectations follow the database
			UUID practitioner = jdbc.sql("select practitioner_id from account_link_directory where user_id = :u and status = 'ACTIVE' and practitioner_id is not null")
				.param("u", member).query(UUID.class).optional().orElse(null);
			if (practitioner != null) {
				long tasks = jdbc.sql("""
						select count(distinct s.id) from pathway_circle_member m join pathway_step s on s.enrolment_id = m.enrolment_id
						join pathway_enrolment e on e.id = s.enrolment_id
						where m.practitioner_id = :p and m.removed_at is null and e.status = 'ACTIVE' and s.status = 'DUE' and s.role in ('TOUS', m.role)
						and s.due_date < (now() at time zone 'Europe/Paris')::date + 7""").param("p", practitioner).query(Long.class).single();
				assertThat(tasks).as("the demo member's circles have steps due or late").isPositive();
				assertThat(figure(page, "home.pathways.tasks.title")).isEqualTo(tasks);
				long duties = jdbc.sql("""
						select count(*) from oncall_shift s join oncall_roster r on r.id = s.roster_id where r.active and (s.practitioner_id = :p
						or s.organization_id in (select organization_id from account_link_directory where user_id = :u and status = 'ACTIVE'))
						and s.ends_at > now() and s.starts_at < now() + interval '31 days'""").param("p", practitioner).param("u", member).query(Long.class).single();
				if (duties > 0) {
					assertThat(figure(page, "home.oncall.mine.title")).isEqualTo(duties);
				}
			}
			assertThat(card(page, "home.messages.title")).isVisible();
			Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("the home fits a phone").isLessThanOrEqualTo(0);
			Browser.screenshot(page, "accueil-membre-telephone");

			if (practitioner != null) {
				card(page, "home.pathways.tasks.title").locator("h3 a").click();
				page.waitForURL(Pattern.compile(".*/taches"));
			}
		}
	}

	@Test
	void onAPhoneTheListsAreCardsWhoseLinesSayTheirColumn() {
		UUID cpts = demo();
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			for (String list : new String[] { "/cpts/" + cpts + "/medecin-traitant?status=PENDING", "/cpts/" + cpts + "/adherents" }) {
				page.navigate(url(list));
				Locator row = page.locator("main table.responsive tbody tr").first();
				assertThat(row).isVisible();
				assertThat(row.evaluate("r => getComputedStyle(r).display")).as(list).isEqualTo("block");
				assertThat(row.locator("td[data-label]").first()).isVisible();
				assertThat(page.locator("main table.responsive thead").boundingBox().height).as("the column heads are for screen readers only").isLessThanOrEqualTo(1);
				Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
				assertThat(((Number) overflow).intValue()).as(list + " fits a phone").isLessThanOrEqualTo(0);
			}
			Browser.screenshot(page, "liste-adherents-telephone");
			assertThat(fr.maillage.support.Accessibility.seriousViolations(page)).as("axe on the members as cards").isEmpty();
		}
	}

	@Test
	void theAdministratorSeesTheInstallationAndItsJobs() {
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.ADMIN, Demo.ADMIN_PASSWORD);
			assertThat(page.locator("#accueil-administration")).isVisible();
			long hosted = jdbc.sql("select count(*) from cpts").query(Long.class).single();
			assertThat(figure(page, "home.hosted.title")).isEqualTo(hosted);
			assertThat(card(page, "home.outbox.title")).isVisible();
			assertThat(card(page, "home.imports.title")).isVisible();
			assertThat(figure(page, "home.coordinates.title")).isEqualTo(jdbc.sql("select count(*) from commune where latitude is not null").query(Long.class).single());
			assertThat(page.locator("#liste-cpts")).isVisible();
			Browser.screenshot(page, "accueil-administration");
			headerIsOneLine(page);

			card(page, "home.jobs.title").locator("h3 a").click();
			page.waitForURL(Pattern.compile(".*/administration/taches"));
			long jobs = jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single();
			assertThat(page.locator("#taches tbody tr")).hasCount((int) Math.max(1, jobs));
		}
	}
}
