package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.FecFiles;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator's year in the browser: records the contract, writes an action sheet followed by
 * two indicators (one computed by Maillage, one entered by hand with its proof) and validates it,
 * plans a budget line, imports the accountant's FEC (a faulty one first: refused whole, each line
 * told in French), produces the annual report and reads its PDF and workbook back, then downloads
 * the projet de santé and finds its tables filled from the data.
 */
@IntegrationTest
class ContractReportBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void theCoordinatorWritesTheYearAndProducesTheReport() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070"));
		People.Person person = People.invite(admin, cpts, "COORDINATOR");
		Api coordinator = new Api(port, People.token(port, person));
		String api = "/api/v1/cpts/" + cpts;
		String word = TestData.unique("").substring(1, 7).toUpperCase();
		UUID gp = Gps.practitioner(jdbc, "PILOTE" + word, "10", "Médecin", "SM54", "04070", "Digne-les-Bains");
		coordinator.post(api + "/members", Map.of("practitionerId", gp.toString()));
		UUID ehpad = Gps.structure(jdbc, "EHPAD", "EHPAD du Soleil " + word, "04070", "Digne-les-Bains", null);
		jdbc.sql("insert into partnership (id, cpts_id, organization_id, status) values (:id, :c, :o, 'SIGNE')").param("id", UUID.randomUUID())
			.param("c", UUID.fromString(cpts)).param("o", ehpad).update();
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, person.email(), person.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Pilotage", "Contrat ACI");
			page.getByLabel("Date de signature").fill("2024-09-01");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le contrat")).click();
			assertThat(page.getByText("Contrat enregistré.")).isVisible();

			// two indicators: one computed, one entered by hand with its proof (the indicators page is tested on its own)
			coordinator.post(api + "/indicators", Map.of("sourceCode", "snp.opened", "weightPercent", 60, "targets", Map.of("1", Map.of("value", 500))));
			String manual = coordinator.post(api + "/indicators", Map.of("mission", "ACCESS", "name", "Patients vus en SNP (CPAM)", "kind", "RESULT",
					"unit", "COUNT", "aggregation", "SUM", "weightPercent", 40, "targets", Map.of("1", Map.of("value", 30)))).json().get("id").asString();
			Api.Response value = coordinator.postFile(api + "/indicators/" + manual + "/values?on=2024-10-15&value=24&note=Relev%C3%A9%20CPAM",
					"proof", "releve-cpam.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII));
			assertThat(value.status()).as(value.body()).isEqualTo(201);

			// the action sheet: validation asks for what is missing, what was typed stays
			Browser.menu(page, "Pilotage", "Fiches-actions");
			page.navigate(base + "/cpts/" + cpts + "/contrat/fiches?annee=2025");
			page.locator("#nouvelle-fiche").click();
			page.locator("#sheet-mission").selectOption("ACCESS");
			page.getByLabel("Intitulé de l'action").fill("Créneaux de soins non programmés le samedi");
			page.getByLabel("Calendrier et étapes").fill("30/06/2025 Lancement\n31/13/2025 Bilan");
			page.locator("#sheet-pilot").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la fiche")).click();
			assertThat(page.locator("#milestones-erreur")).containsText("Étape ligne 2");
			assertThat(page.getByLabel("Intitulé de l'action")).hasValue("Créneaux de soins non programmés le samedi");
			page.getByLabel("Calendrier et étapes").fill("30/06/2025 Lancement\n15/12/2025 Bilan");
			page.getByLabel("EHPAD du Soleil " + word).check();
			page.getByLabel("Créneaux de soins non programmés ouverts").check();
			page.getByLabel("Patients vus en SNP (CPAM)").check();
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la fiche")).click();
			assertThat(page.getByText("Fiche-action « Créneaux de soins non programmés le samedi » enregistrée.")).isVisible();
			page.getByRole(AriaRole.BUTTON, named("Valider la fiche")).click();
			assertThat(page.locator(".notice.failure")).containsText("écrivez ses objectifs");
			page.getByLabel("Objectifs").fill("Une réponse le jour même pour les demandes du samedi");
			page.getByLabel("Actions à mettre en œuvre").fill("Planning partagé entre les cabinets");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la fiche")).click();
			page.getByRole(AriaRole.BUTTON, named("Valider la fiche")).click();
			assertThat(page.locator("#statut-fiche")).containsText("Validée");
			assertThat(page.locator("#versions")).containsText("Version 1");
			assertThat(page.getByLabel("Objectifs")).isDisabled();

			// the budget: a planned line, then the accountant's FEC
			Browser.menu(page, "Pilotage", "Budget par mission");
			page.navigate(base + "/cpts/" + cpts + "/contrat/budget?annee=2025");
			page.locator("#line-mission").selectOption("FUNCTIONING");
			page.locator("#line-category").selectOption("SALARIES");
			page.getByLabel("Libellé").fill("Salaire de la coordinatrice");
			page.getByLabel("Prévu (€)").fill("1 000");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la ligne")).click();
			assertThat(page.getByText("Ligne « Salaire de la coordinatrice » enregistrée.")).isVisible();
			for (String[] m : List.of(new String[] {"641", "FUNCTIONING", "SALARIES"}, new String[] {"74", "FUNCTIONING", "ACI_FUNCTIONING"},
					new String[] {"6251", "ACCESS", "EVENTS"})) {
				page.getByLabel("Compte ou code").fill(m[0]);
				page.locator("#map-mission").selectOption(m[1]);
				page.locator("#map-category").selectOption(m[2]);
				page.getByRole(AriaRole.BUTTON, named("Ajouter la correspondance")).click();
				assertThat(page.getByText("Correspondance " + m[0] + " enregistrée.")).isVisible();
			}
			String faulty = FecFiles.good().replace("20250410", "2025-04-10");
			page.getByLabel("Fichier FEC").setInputFiles(new FilePayload("fec.txt", "text/plain", faulty.getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, named("Vérifier et importer")).click();
			assertThat(page.locator("#rapport-fec")).containsText("Rien n'a été importé");
			assertThat(page.locator("#rapport-fec")).containsText("Ligne 6 : date d'écriture « 2025-04-10 » illisible");
			page.getByLabel("Fichier FEC").setInputFiles(new FilePayload("fec.txt", "text/plain", FecFiles.good().getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, named("Vérifier et importer")).click();
			assertThat(page.locator("#rapport-fec")).containsText("6 lignes importées dans le budget 2025");
			assertThat(page.locator("#budget-FUNCTIONING")).containsText("dépassement");
			assertThat(page.locator("#budget-FUNCTIONING")).containsText("1 200,00");
			Browser.screenshot(page, "contrat-budget");
			// this year's rent already past its plan: the coordinator's home says so
			int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getYear();
			coordinator.post(api + "/budget/lines", Map.of("year", thisYear, "mission", "FUNCTIONING", "category", "RENT", "label", "Loyer",
					"plannedCents", 100_000, "actualCents", 120_000));
			page.navigate(base + "/");
			assertThat(page.locator("article[data-card='home.missions.title']")).containsText("1 ligne de budget en dépassement");

			// the annual report, read back
			Browser.menu(page, "Pilotage", "Rapport annuel et projet de santé");
			page.getByLabel("Année de contrat").selectOption("1");
			page.getByRole(AriaRole.BUTTON, named("Produire le rapport")).click();
			assertThat(page.getByText("Rapport de l'année 1 produit (version 1).")).isVisible();
			var pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, named("PDF du rapport, année 1, version 1")).click());
			try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
				String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
				assertThat(text).contains("Rapport annuel de l'année 1 du contrat ACI").contains("Créneaux de soins non programmés le samedi")
					.contains("Patients vus en SNP (CPAM)").contains("releve-cpam.pdf").contains("80 %").contains("Salaires de la coordination");
			}
			var xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, named("XLSX du rapport, année 1, version 1")).click());
			try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
				DataFormatter f = new DataFormatter();
				var indicators = wb.getSheet("Indicateurs");
				var manualRow = java.util.stream.StreamSupport.stream(indicators.spliterator(), false)
					.filter(r -> f.formatCellValue(r.getCell(1)).equals("Patients vus en SNP (CPAM)")).findFirst().orElseThrow();
				assertThat(f.formatCellValue(manualRow.getCell(7))).isEqualTo("30");
				assertThat(f.formatCellValue(manualRow.getCell(8))).isEqualTo("24");
				assertThat(f.formatCellValue(manualRow.getCell(9))).isEqualTo("80");
				assertThat(f.formatCellValue(wb.getSheet("Justificatifs").getRow(1).getCell(2))).isEqualTo("releve-cpam.pdf");
			}
			page.getByRole(AriaRole.BUTTON, named("Marquer la version 1 de l'année 1 comme envoyée")).click();
			assertThat(page.locator("#versions-rapport")).containsText("envoyée le");

			// the projet de santé
			var docx = page.waitForDownload(() -> page.locator("#projet-docx").click());
			try (InputStream in = Files.newInputStream(docx.path()); XWPFDocument doc = new XWPFDocument(in)) {
				var communes = doc.getTables().get(0);
				assertThat(communes.getRow(1).getCell(1).getText()).isEqualTo("04070");
				assertThat(communes.getRow(1).getCell(0).getText()).isEqualTo("Digne-les-Bains");
				var professions = doc.getTables().get(1);
				assertThat(professions.getRow(professions.getNumberOfRows() - 1).getCell(4).getText()).as("one member").isEqualTo("1");
				var partners = doc.getTables().get(2);
				assertThat(partners.getRow(1).getCell(0).getText()).isEqualTo("EHPAD du Soleil " + word);
				assertThat(partners.getRow(1).getCell(2).getText()).isEqualTo("Oui");
			}
			Browser.screenshot(page, "contrat-rapport");
		}
	}
}
