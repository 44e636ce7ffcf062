package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.missions.internal.IndicatorSources;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator plans Octobre rose from the national calendar, adds two actions (one dated
 * outside the campaign is refused, what was typed kept), enters the results of the one that took
 * place (more screenings done than offered refused), prints the poster; the results feed the
 * prevention mission's indicators.
 */
@IntegrationTest
class CampaignBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	IndicatorSources sources;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void octobreRoseIsPlannedAndItsResultsCount() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String base = "http://127.0.0.1:" + port;
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
		// the leaflet the professionals hand out, filed in the association's library for all members
		byte[] leaflet = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		Api.Response filed = new Api(port, People.token(port, coordinator)).postFile("/api/v1/cpts/" + cpts
				+ "/documents?folder=Prevention&title=Depliant+depistage+du+cancer+du+sein&audience=MEMBERS", "file", "depliant.pdf", leaflet);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String leafletId = filed.json().get("id").asString();

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Échanges", "Campagnes de prévention");
			page.getByRole(AriaRole.LINK, named("Octobre rose")).click();
			assertThat(page.locator("#campaign-title")).hasValue(java.util.regex.Pattern.compile("Octobre rose \\d{4}"));
			String startsOn = page.locator("#campaign-startsOn").inputValue();
			assertThat(startsOn).endsWith("-10-01");
			// to enter results today, the campaign is this month in the test
			page.locator("#campaign-startsOn").fill(today.withDayOfMonth(1).toString());
			page.locator("#campaign-endsOn").fill(today.withDayOfMonth(today.lengthOfMonth()).toString());
			page.getByLabel("Âges visés").fill("Femmes de 50 à 74 ans");
			page.getByRole(AriaRole.BUTTON, named("Planifier la campagne")).click();
			assertThat(page.getByText("Campagne « " + "Octobre rose")).isVisible();

			page.getByText("Ajouter une action").click();
			page.locator("#action-kind").selectOption("STAND");
			page.locator("#action-title").fill("Stand à la pharmacie du Cours");
			page.locator("#action-onDate").fill(today.plusMonths(2).toString());
			page.locator("#action-place").fill("Pharmacie du Cours, Manosque");
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'action")).click();
			assertThat(page.locator("#onDate-erreur")).containsText("pendant la campagne");
			assertThat(page.locator("#action-title")).hasValue("Stand à la pharmacie du Cours");
			page.locator("#action-onDate").fill(today.toString());
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'action")).click();
			assertThat(page.getByText("Action « Stand à la pharmacie du Cours » ajoutée.")).isVisible();
			page.getByText("Ajouter une action").click();
			page.locator("#action-kind").selectOption("CONFERENCE");
			page.locator("#action-title").fill("Conférence à la médiathèque");
			page.locator("#action-onDate").fill(today.withDayOfMonth(today.lengthOfMonth()).toString());
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'action")).click();
			assertThat(page.getByText("Action « Conférence à la médiathèque » ajoutée.")).isVisible();

			var stand = page.locator("article.campaign-action", new Page.LocatorOptions().setHasText("Stand à la pharmacie du Cours"));
			stand.getByText("Saisir ce qui a été fait").click();
			stand.getByLabel("Personnes touchées").fill("42");
			stand.getByLabel("Dépistages proposés").fill("12");
			stand.getByLabel("Dépistages réalisés").fill("15");
			stand.getByLabel("Documents remis").fill("60");
			stand.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer les résultats")).click();
			stand = page.locator("article.campaign-action", new Page.LocatorOptions().setHasText("Stand à la pharmacie du Cours"));
			assertThat(stand.locator(".notice.failure")).hasCount(0);
			assertThat(stand.locator(".field-error")).containsText("plus de dépistages réalisés que proposés");
			assertThat(stand.getByLabel("Personnes touchées")).hasValue("42");
			stand.getByLabel("Dépistages réalisés").fill("9");
			stand.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer les résultats")).click();
			assertThat(page.getByText("Résultats de « Stand à la pharmacie du Cours » enregistrés.")).isVisible();
			assertThat(page.locator("#bilan-campagne")).containsText("1 action(s) faite(s) sur 2 ; 42 personne(s) touchée(s), 9 dépistage(s) réalisé(s) sur 12");
			Browser.screenshot(page, "campagne-octobre-rose");

			// the campaign's materials come from the library
			page.locator("#material-document").selectOption(leafletId);
			page.getByRole(AriaRole.BUTTON, named("Ajouter le support")).click();
			assertThat(page.getByText("Support ajouté à la campagne.")).isVisible();
			var material = page.locator("#liste-supports a", new Page.LocatorOptions().setHasText("Depliant depistage du cancer du sein"));
			assertThat(material).hasAttribute("href", "/cpts/" + cpts + "/documents/" + leafletId + "/fichier");
			var opened = page.waitForDownload(material::click);
			assertThat(Files.readAllBytes(opened.path())).isEqualTo(leaflet);

			var xlsx = page.waitForDownload(() -> page.getByText("Export (XLSX)").click());
			try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
				var sheet = book.getSheetAt(0);
				assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Action");
				java.util.List<String> actions = new java.util.ArrayList<>();
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					actions.add(sheet.getRow(r).getCell(1).getStringCellValue() + " / " + new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(sheet.getRow(r).getCell(6)));
				}
				assertThat(actions).contains("Stand à la pharmacie du Cours / 42").hasSize(2);
			}

			var poster = page.waitForDownload(() -> page.getByText("Affiche (PDF)").click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(poster.path()))) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains("Octobre rose").contains("Stand à la pharmacie du Cours").contains("Femmes de 50 à 74 ans");
			}
		}

		// the public page tells the inhabitants the campaign is running, never its results
		try (BrowserContext phone = Browser.newPhoneContext()) {
			Page page = phone.newPage();
			page.navigate(base + "/" + admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString());
			var running = page.locator("article.public-campaign", new Page.LocatorOptions().setHasText("Octobre rose"));
			assertThat(running).containsText("Campagne en cours");
			assertThat(running).containsText("Femmes de 50 à 74 ans");
			assertThat(running).containsText("Dépistage organisé du cancer du sein");
			assertThat(running).not().containsText("42");
		}

		// the prevention mission's indicators count what was entered
		Map<String, fr.maillage.missions.Measure> m = sources.measure(UUID.fromString(cpts), today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1));
		assertThat(m.get("prevention.actions").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("prevention.reached").numerator()).isEqualByComparingTo("42");
		assertThat(m.get("prevention.screenings").numerator()).isEqualByComparingTo("9");
	}
}
