package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The partnership table of seed 002 (section 2e), generated: a signed partnership with its convention, refused without a date or a PDF. */
@IntegrationTest
class PartnershipBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignedPartnershipIsRecordedWithItsConvention() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		String hospital = "Centre hospitalier de Manosque " + (System.nanoTime() % 100_000);
		jdbc.sql("insert into organization (id, kind, name, commune_code, commune_name, search_text) values (:id, 'HOPITAL', :n, '04112', 'Manosque', :s)")
			.param("id", UUID.randomUUID()).param("n", hospital).param("s", hospital.toLowerCase()).update();
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			page.navigate("http://127.0.0.1:" + port + "/connexion");
			page.getByLabel("Adresse e-mail").fill(TestData.ADMIN_EMAIL);
			page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(TestData.ADMIN_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
			page.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts);
			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Partenariats").setExact(true)).click();
			page.getByLabel("Structure").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(hospital + " (Manosque)"));
			page.getByLabel("Statut").selectOption("SIGNE");
			page.getByLabel("Représentant").fill("Mme la directrice des soins");
			page.getByLabel("Participe à la gouvernance de la CPTS").check();
			page.getByLabel("Notes").fill("Sorties d'hospitalisation : compte rendu sous 48 h");
			page.getByLabel("Convention signée (PDF, 5 Mo au plus)").setInputFiles(new FilePayload("convention.txt", "text/plain", "pas un pdf".getBytes()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le partenariat")).click();
			assertThat(page.getByText("Un partenariat signé a une date de signature.")).isVisible();
			assertThat(page.getByText("La convention doit être un fichier PDF.")).isVisible();
			assertThat(page.getByLabel("Notes")).hasValue("Sorties d'hospitalisation : compte rendu sous 48 h");

			page.getByLabel("Signé le").fill("2026-10-15");
			page.getByLabel("Convention signée (PDF, 5 Mo au plus)").setInputFiles(new FilePayload("Convention CH/CPTS 2026.pdf", "application/pdf", pdf));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le partenariat")).click();
			assertThat(page.getByText("Partenariat enregistré.")).isVisible();
			var row = page.locator("#partenariats tbody tr", new Page.LocatorOptions().setHasText(hospital));
			assertThat(row).containsText("Signé");
			assertThat(row).containsText("15/10/2026");
			assertThat(row).containsText("Oui");
			var download = page.waitForDownload(() -> row.getByRole(AriaRole.LINK).click());
			assertThat(java.nio.file.Files.readAllBytes(download.path())).isEqualTo(pdf);
			assertThat(download.suggestedFilename()).isEqualTo("CPTS 2026.pdf").doesNotContain("/");
			Browser.screenshot(page, "partenariats");
		}
	}
}
