package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a new user found wrong on the demonstration (issue 17), each fixed and kept so. */
@DemoTest
class DemoFindingsBrowserTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Issue 17: the unscheduled-care indicators of the demo were all zeros; the demo now has a past, and the default range shows it. */
	@Test
	void theDemosUnscheduledCareHasAPastThatTheIndicatorsShowByDefault() {
		java.util.UUID cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(java.util.UUID.class).single();
		long honoured = jdbc.sql("""
				select count(*) from snp_booking b join snp_slot s on s.id = b.slot_id
				where s.cpts_id = :c and b.cancelled_at is null and b.outcome = 'HONORE'""").param("c", cpts).query(Long.class).single();
		org.assertj.core.api.Assertions.assertThat(honoured).as("consultations held in the demo's past").isGreaterThan(100);
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + cpts + "/soins-non-programmes/indicateurs"));
			assertThat(page.locator("#total-honores")).hasText(String.valueOf(honoured));
		}
	}

	@Test
	void theUnscheduledCareIndicatorsOpenOnARangeWithTheDemosSlots() {
		java.util.UUID cpts = jdbc.sql("select id from cpts where name like 'CPTS Démo Luberon-Durance%'").query(java.util.UUID.class).single();
		long offered = jdbc.sql("""
				select count(*) from snp_slot s where cpts_id = :c
				and (cancelled_at is null or exists (select 1 from snp_booking b where b.slot_id = s.id and b.cancelled_at is null))
				and starts_at >= (paris_today - 55)::timestamp at time zone 'Europe/Paris' and starts_at < (paris_today + 29)::timestamp at time zone 'Europe/Paris'"""
				.replace("paris_today", "(now() at time zone 'Europe/Paris')::date")) // the page's range is in Paris days: between 23:00 and 1:00 UTC the dates differ
			.param("c", cpts).query(Long.class).single();
		org.assertj.core.api.Assertions.assertThat(offered).as("the demo's slots fall in the default range").isPositive();
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			Browser.menu(page, "Pilotage", "Indicateurs soins non programmés");
			assertThat(page.locator("#total-offerts")).hasText(String.valueOf(offered));
			assertThat(page.locator("#from")).hasValue(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusWeeks(8).plusDays(1).toString());
		}
	}

	@Test
	void theCommuneFieldOfTheSlotSearchSuggestsCommunesByName() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			page.navigate(url("/soins-non-programmes"));
			page.getByLabel("Près de la commune").pressSequentially("Manos");
			assertThat(page.locator("#commune-suggestions option").first()).hasText(Pattern.compile("Manosque \\(04\\)"));
			// "Publier des créneaux" sends the same field to the same endpoint; its form needs a directory link that the
			// form fuzzing, sharing this demo, may have ended
		}
	}

	@Test
	void myBookingsAreInTimeOrderTheComingOnesFirst() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			Browser.menu(page, "Soins et gardes", "Mes réservations");
			java.util.List<java.time.Instant> times = page.locator("main li time").all().stream()
				.map(t -> java.time.Instant.parse(t.getAttribute("datetime"))).toList();
			org.assertj.core.api.Assertions.assertThat(times).as("the demo member's bookings").hasSizeGreaterThanOrEqualTo(2);
			java.time.Instant now = java.time.Instant.now();
			java.util.List<java.time.Instant> coming = times.stream().takeWhile(t -> t.isAfter(now)).toList();
			java.util.List<java.time.Instant> past = times.subList(coming.size(), times.size());
			org.assertj.core.api.Assertions.assertThat(coming).isSorted();
			org.assertj.core.api.Assertions.assertThat(past).allMatch(t -> !t.isAfter(now)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		}
	}

	@Test
	void aRostersPublicNumberMustBeANumber() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			Browser.menu(page, "Soins et gardes", "Plannings de garde");
			page.getByLabel("Nom du tableau").fill("Pharmacies du dimanche");
			page.getByLabel("Numéro à appeler affiché au public (facultatif)").fill("abc");
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le tableau")).click();
			assertThat(page.getByText("Ce numéro public n'est pas un numéro de téléphone")).isVisible();
			assertThat(page.getByLabel("Numéro à appeler affiché au public (facultatif)")).hasValue("abc");
			assertThat(page.getByLabel("Nom du tableau")).hasValue("Pharmacies du dimanche");
		}
	}

	@Test
	void theStatusFilterOfTheGpRequestsAppliesAsSoonAsItIsChosen() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			Browser.menu(page, "Patients", "Médecin traitant");
			page.getByLabel("Statut").selectOption("PENDING");
			page.waitForURL(Pattern.compile(".*status=PENDING.*"));
			assertThat(page.getByLabel("Statut")).hasValue("PENDING");
		}
	}

	/** Without commune coordinates, a distance is a fallback: the page says "même département" or "même intercommunalité", never "30 km". */
	@Test
	void aDistanceThatIsOnlyAFallbackIsNamedNotPrintedAsANumber() {
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from commune where latitude is not null").query(Long.class).single())
			.as("the demo has no commune coordinates").isZero();
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			page.navigate(url("/soins-non-programmes?profession=10&commune=Manosque&radiusKm=60"));
			var results = page.locator("main li small");
			assertThat(results.first()).isVisible();
			assertThat(page.locator("main")).containsText(Pattern.compile("même (département|intercommunalité|commune)"));
			assertThat(page.locator("main")).not().containsText(Pattern.compile("\\((10|30) km\\)"));
		}
	}

	/** Issue 17: "/annuaire?near=Manosque" showed an error twice and nothing; "/annuaire?commune=Manosque" silently needed an INSEE code. */
	@Test
	void theDirectoryTakesCommunesByNameAndSaysWhenDistancesAreApproximate() {
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			page.navigate(url("/annuaire?near=Manosque&radiusKm=10"));
			assertThat(page.locator("[role=alert]")).hasCount(0);
			assertThat(page.locator("#distance-approchee")).isVisible();
			assertThat(page.locator("#professionnels tbody tr").first()).isVisible();
			assertThat(page.getByLabel("Près de")).hasValue("Manosque");

			page.navigate(url("/annuaire?commune=Manosque"));
			assertThat(page.locator("[role=alert]")).hasCount(0);
			assertThat(page.locator("#professionnels tbody tr").first()).isVisible();
			assertThat(page.locator("#professionnels tbody")).containsText("Manosque");
			assertThat(page.getByLabel("Commune d’exercice")).hasValue("Manosque");

			page.navigate(url("/annuaire?commune=Nullepart-sur-Mer"));
			assertThat(page.locator("#nombre-resultats .list-count")).containsText("0");
		}
	}
}
