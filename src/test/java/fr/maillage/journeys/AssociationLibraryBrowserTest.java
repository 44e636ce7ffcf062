package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator files the statutes in the association's library (a program renamed .pdf refused
 * first, what was typed kept), sets the council's compensation rate, looks at the dashboard; a
 * member finds the statutes and downloads them.
 */
@IntegrationTest
class AssociationLibraryBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void statutesFiledRatesSetAndAMemberReadsThem() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person member = People.invite(admin, cpts, "MEMBER");
		UUID gp = Gps.practitioner(jdbc, "VIDAL" + TestData.unique("").substring(1, 6).toUpperCase(), "10", "Médecin", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(member.email()).orElseThrow(), gp);
		new Api(port, People.join(admin, port, cpts, "COORDINATOR")).post("/api/v1/cpts/" + cpts + "/members", Map.of("practitionerId", gp.toString()));
		String base = "http://127.0.0.1:" + port;
		byte[] statutes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts + "/documents");
			page.getByLabel("Dossier").fill("Statuts et règlement intérieur");
			page.getByLabel("Titre").fill("Statuts de l'association");
			page.getByLabel("Fichier (PDF, document, tableur, image ; 20 Mo au plus)").setInputFiles(new FilePayload("statuts.pdf", "application/pdf",
					new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0}));
			page.getByRole(AriaRole.BUTTON, named("Déposer")).click();
			assertThat(page.getByText("« statuts.pdf » n'est pas un document accepté")).isVisible();
			assertThat(page.getByLabel("Titre")).hasValue("Statuts de l'association");
			page.getByLabel("Fichier (PDF, document, tableur, image ; 20 Mo au plus)").setInputFiles(new FilePayload("statuts.pdf", "application/pdf",
					statutes));
			page.getByRole(AriaRole.BUTTON, named("Déposer")).click();
			assertThat(page.getByText("Document déposé.")).isVisible();
			assertThat(page.locator(".document")).containsText("Statuts de l'association");

			page.getByRole(AriaRole.LINK, named("Indemnisations")).click();
			page.getByLabel("Type").selectOption("CA");
			page.getByLabel("Compté").selectOption("HEURE");
			page.getByLabel("Montant (€)").fill("60");
			page.getByLabel("Mission du budget (facultatif)").fill("Gouvernance");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le tarif")).click();
			assertThat(page.getByText("Tarif enregistré.")).isVisible();
			assertThat(page.locator("#tarifs-indemnisation")).containsText("60,00");
			assertThat(page.locator("#tarifs-indemnisation")).containsText("de l'heure");

			page.getByRole(AriaRole.LINK, named("Tableau de bord")).click();
			assertThat(page.locator("#par-college")).containsText("Médecins : 1");
			assertThat(page.locator("#graphique-adherents")).isVisible();
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, member.email(), member.password());
			page.navigate(base + "/cpts/" + cpts + "/adherents");
			page.getByRole(AriaRole.LINK, named("Documents")).click();
			assertThat(page.locator("#deposer")).hasCount(0);
			var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, named("Statuts de l'association")).click());
			assertThat(Files.readAllBytes(download.path())).isEqualTo(statutes);
		}
	}
}
