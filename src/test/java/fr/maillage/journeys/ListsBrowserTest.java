package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.maillage.support.Accessibility;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared list (fragments/list, ListView) on the demo: the GP requests, the audit log, the
 * members, the fees and the directory search, sort by a column (a header link, aria-sort), filter,
 * paginate keeping the filters, and export exactly what they show; the directory's results and
 * who is on duty on a map.
 */
@DemoTest
class ListsBrowserTest {

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

	@Autowired
	fr.maillage.reference.CommuneDirectory communes;

	void withCoordinates(Runnable test) {
		fr.maillage.support.Coordinates.with(jdbc, communes, test);
	}

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void theGpRequestRegisterSortsSearchesAndExportsWhatItShows() {
		UUID cpts = demo();
		Map<String, Object> somebody = jdbc.sql("""
				select p.birth_name, count(*) over (partition by p.birth_name) as n from gp_request r join patient p on p.id = r.patient_id
				where r.cpts_id = :c order by r.number limit 1""").param("c", cpts).query().singleRow();
		String name = (String) somebody.get("birth_name");
		long total = jdbc.sql("select count(*) from gp_request where cpts_id = :c").param("c", cpts).query(Long.class).single();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + cpts + "/medecin-traitant"));
			assertThat(page.locator("#total-demandes .list-count")).hasText(total + " demande(s)");

			page.getByRole(AriaRole.LINK, named("N°")).click();
			assertThat(page.locator("#demandes th[aria-sort=ascending]")).hasText("N°");
			List<Long> ascending = numbers(page);
			assertThat(ascending).hasSizeGreaterThan(1).isSorted();
			page.getByRole(AriaRole.LINK, named("N°")).click();
			assertThat(page.locator("#demandes th[aria-sort=descending]")).hasText("N°");
			assertThat(numbers(page)).isSortedAccordingTo(java.util.Comparator.reverseOrder());

			page.getByRole(AriaRole.LINK, named("Patient")).click();
			assertThat(page.locator("#demandes th[aria-sort=ascending]")).hasText("Patient");
			List<String> firstNames = jdbc.sql("""
					select r.number from gp_request r join patient p on p.id = r.patient_id where r.cpts_id = :c
					order by lower(coalesce(p.used_name, p.birth_name)), lower(p.first_names), r.filed_at desc, r.number desc limit 50""")
				.param("c", cpts).query(Long.class).list().stream().map(String::valueOf).toList();
			assertThat(page.locator("#demandes tbody tr td:first-child a").allTextContents().stream().map(String::strip).toList()).isEqualTo(firstNames);
			page.getByRole(AriaRole.LINK, named("N°")).click();
			page.getByRole(AriaRole.LINK, named("N°")).click();

			page.getByLabel("Numéro ou nom du patient").fill(name.toLowerCase(java.util.Locale.ROOT));
			page.getByRole(AriaRole.BUTTON, named("Afficher")).click();
			long matching = jdbc.sql("""
					select count(*) from gp_request r join patient p on p.id = r.patient_id where r.cpts_id = :c
					and (p.birth_name ilike :n or p.used_name ilike :n or p.first_names ilike :n)""")
				.param("c", cpts).param("n", "%" + name + "%").query(Long.class).single();
			assertThat(page.locator("#total-demandes .list-count")).hasText(matching + " demande(s)");
			assertThat(page.locator("#demandes th[aria-sort=descending]")).hasText("N°"); // the search keeps the order
			assertThat(page.locator("#demandes tbody tr")).hasCount((int) matching);

			// the export: the same rows, in the same order, and the read of the patients audited
			long auditedBefore = jdbc.sql("select count(*) from audit_event where action = 'patient.list' and details like 'export des demandes%'")
				.query(Long.class).single();
			APIResponse csv = page.request().get(url(page.locator("#total-demandes a.export-csv").getAttribute("href")));
			assertThat(csv.status()).isEqualTo(200);
			List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
			assertThat(lines).hasSize((int) matching + 1);
			assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).containsIgnoringCase(name));
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'patient.list' and details like 'export des demandes%'")
				.query(Long.class).single()).isEqualTo(auditedBefore + 1);
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
		}
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			APIResponse refused = page.request().get(url("/cpts/" + cpts + "/medecin-traitant/export.csv"));
			assertThat(refused.status()).as("a member exports no patient").isEqualTo(403);
		}
	}

	static List<Long> numbers(Page page) {
		return page.locator("#demandes tbody tr td:first-child a").allTextContents().stream().map(t -> Long.parseLong(t.strip())).toList();
	}

	@Test
	void theAuditLogFiltersByALabelledActionAndPagesKeepTheFilter() {
		UUID cpts = demo();
		Map<String, Object> frequent = jdbc.sql("""
				select action, count(*) as n from audit_event where cpts_id = :c group by action order by count(*) desc, action limit 1""")
			.param("c", cpts).query().singleRow();
		String action = (String) frequent.get("action");
		long count = ((Number) frequent.get("n")).longValue();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/audit"));
			Locator select = page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true));
			assertThat(select.locator("option")).not().hasCount(1);
			assertThat(select.locator("option[value='patient.read']")).hasText("Dossier d'un patient consulté");
			select.selectOption(new SelectOption().setValue(action));
			page.getByRole(AriaRole.BUTTON, named("Filtrer")).click();
			// the count as the page writes it, thousands grouped (1 234)
			java.util.regex.Pattern shown = java.util.regex.Pattern.compile("\\b" + String.valueOf(count).replaceAll("(\\d)(?=(\\d{3})+$)", "$1\\\\D?") + "\\b");
			assertThat(page.locator("#journal-total .list-count")).containsText(shown);
			String label = select.locator("option[value='" + action + "']").textContent();
			assertThat(page.locator("#journal tbody tr td:nth-child(4)").allTextContents()).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(label));

			page.getByRole(AriaRole.LINK, named("Quand")).click();
			assertThat(page.locator("#journal th[aria-sort=ascending]")).hasText("Quand");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*action=" + action.replace(".", "\\.") + ".*"));
			if (count > 50) {
				page.getByRole(AriaRole.LINK, named("Suivant")).click();
				assertThat(page.locator("#journal-total .list-count")).containsText(shown);
				assertThat(page).hasURL(java.util.regex.Pattern.compile(".*page=1.*"));
				assertThat(page.locator("#journal th[aria-sort=ascending]")).hasText("Quand");
			}
			APIResponse csv = page.request().get(url(page.locator("#journal-total a.export-csv").getAttribute("href")));
			assertThat(new String(csv.body(), StandardCharsets.UTF_8).lines().count()).isEqualTo(count + 1);
			Browser.screenshot(page, "journal-filtre");
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
		}
	}

	@Test
	void membersAndFeesAreSearchedFilteredSortedAndOnlyTheBoardExportsThem() {
		UUID cpts = demo();
		Map<String, Object> college = jdbc.sql("""
				select c.id, c.name, count(*) as n from member m join college c on c.id = m.college_id
				where m.cpts_id = :c group by c.id, c.name order by count(*) desc limit 1""").param("c", cpts).query().singleRow();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + cpts + "/adherents"));
			page.locator("#college").selectOption(new SelectOption().setValue(college.get("id").toString()));
			assertThat(page.locator("#total-adherents .list-count")).hasText(college.get("n") + " adhérent(s)");
			assertThat(page.locator("#adherents tbody tr td:nth-child(2)").allTextContents()).allSatisfy(t -> assertThat(t).isEqualTo(college.get("name")));

			page.getByRole(AriaRole.LINK, named("Adhérent depuis")).click();
			page.getByRole(AriaRole.LINK, named("Adhérent depuis")).click();
			assertThat(page.locator("#adherents th[aria-sort=descending]")).hasText("Adhérent depuis");
			List<LocalDate> since = page.locator("#adherents tbody tr td:nth-child(3)").allTextContents().stream()
				.map(t -> LocalDate.parse(t.strip(), java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))).toList();
			assertThat(since).isSortedAccordingTo(java.util.Comparator.reverseOrder());

			APIResponse xlsx = page.request().get(url(page.locator("#total-adherents a.export-xlsx").getAttribute("href")));
			assertThat(xlsx.status()).isEqualTo(200);
			assertThat(xlsx.headers().get("content-type")).startsWith("application/vnd.openxmlformats");

			page.navigate(url("/cpts/" + cpts + "/cotisations"));
			page.locator("#situation").selectOption(new SelectOption().setValue("impaye"));
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*situation=impaye.*"));
			List<String> badges = page.locator("#situations tbody tr td:nth-child(5)").allTextContents();
			assertThat(badges).allSatisfy(t -> assertThat(t).doesNotContain("à jour"));
			String shown = page.locator("#total-situations .list-count").textContent();
			APIResponse csv = page.request().get(url(page.locator("#total-situations a.export-csv").getAttribute("href")));
			assertThat(new String(csv.body(), StandardCharsets.UTF_8).lines().count() - 1).as(shown)
				.isEqualTo(Long.parseLong(shown.replaceAll("\\D", "")));
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
		}
		try (BrowserContext context = Browser.newContext(390, 844)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + cpts + "/adherents?tri=name&q=" + java.net.URLEncoder.encode(firstMember(cpts), StandardCharsets.UTF_8)));
			assertThat(page.locator("#adherents tbody tr")).hasCount(1);
			Object wide = page.evaluate("""
					() => Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
					  .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.textContent.trim().slice(0, 30) + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(' ')""");
			assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("no horizontal scroll on a phone: " + wide)
				.isTrue();
		}
	}

	String firstMember(UUID cpts) {
		return jdbc.sql("""
				select p.last_name || ' ' || coalesce(p.first_name, '') from member m join practitioner p on p.id = m.practitioner_id
				where m.cpts_id = :c order by m.since, m.id limit 1""").param("c", cpts).query(String.class).single();
	}

	@Test
	void theDirectorysResultsAreSortedByProfessionAndDrawnOnAMapByCommune() {
		withCoordinates(this::directoryMap);
	}

	void directoryMap() {
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/annuaire"));
			page.getByRole(AriaRole.LINK, named("Profession")).click();
			assertThat(page.locator("#professionnels th[aria-sort=ascending]")).hasText("Profession");
			List<String> professions = page.locator("#professionnels tbody tr td:nth-child(2)").allTextContents();
			java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
			assertThat(professions).hasSizeGreaterThan(1);
			for (int i = 1; i < professions.size(); i++) {
				assertThat(professions.get(i - 1).compareToIgnoreCase(professions.get(i)) <= 0 || french.compare(professions.get(i - 1), professions.get(i)) <= 0)
					.as(professions.get(i - 1) + " before " + professions.get(i)).isTrue();
			}

			page.getByRole(AriaRole.LINK, named("carte")).click();
			long communes = jdbc.sql("""
					select count(distinct a.commune_code) from practitioner_activity a join commune c on c.insee_code = a.commune_code
					where a.active and c.latitude is not null""").query(Long.class).single();
			assertThat(page.locator("#carte-annuaire")).hasAttribute("data-drawn", String.valueOf(communes));
			assertThat(page.locator("#carte-annuaire path.leaflet-interactive").first()).isVisible();
			Locator first = page.locator("#communes-resultats tbody tr").first();
			String commune = first.locator("td a").textContent();
			String count = first.locator("td:nth-child(2)").textContent().strip();
			Browser.screenshot(page, "annuaire-carte");
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
			first.locator("td a").click();
			assertThat(page.locator("#nombre-resultats .list-count")).hasText(java.util.regex.Pattern.compile("^" + count + " professionnel"));
			assertThat(page.locator("#professionnels")).isVisible();
			assertThat(page.locator("#professionnels tbody")).containsText(commune);
		}
	}

	@Test
	void thePublicPagesShowTheTerritoryAndWhoIsOnDutyOnAMap() {
		withCoordinates(this::publicMaps);
	}

	void publicMaps() {
		UUID cpts = demo();
		String slug = jdbc.sql("select slug from cpts where id = :c").param("c", cpts).query(String.class).single();
		long placed = jdbc.sql("select count(*) from cpts_commune t join commune c on c.insee_code = t.insee_code where t.cpts_id = :c and c.latitude is not null")
			.param("c", cpts).query(Long.class).single();
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
		long onDuty = jdbc.sql("""
				select count(*) from oncall_shift s join oncall_roster r on r.id = s.roster_id join commune c on c.insee_code = s.assignee_commune
				where r.cpts_id = :c and r.active and s.assignee_label is not null and c.latitude is not null
				and s.starts_at < (:day::date + 1)::timestamp at time zone 'Europe/Paris' and s.ends_at > :day::date::timestamp at time zone 'Europe/Paris'""")
			.param("c", cpts).param("day", today.toString()).query(Long.class).single();
		try (BrowserContext context = Browser.newContext(390, 844)) {
			Page page = context.newPage();
			page.navigate(url("/" + slug));
			assertThat(page.locator("#carte-territoire")).hasAttribute("data-drawn", String.valueOf(placed));
			assertThat(Accessibility.seriousViolations(page)).isEmpty();

			page.navigate(url("/" + slug + "/garde?date=" + today));
			assertThat(onDuty).as("the demo has someone on duty today").isPositive();
			assertThat(page.locator("#carte-de-garde")).hasAttribute("data-drawn", String.valueOf(onDuty));
			Browser.screenshot(page, "garde-carte-telephone");
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
		}
	}
}
