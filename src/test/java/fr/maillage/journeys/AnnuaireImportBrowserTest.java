package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.AnnuaireStub;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator fills the directory from the Annuaire Santé API instead of a file: the situations of
 * the territory's communes come in, with the MSSanté addresses the national directory knows; run again,
 * nothing changes. Who coordinates nothing cannot start it.
 */
@IntegrationTest
class AnnuaireImportBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aCoordinatorImportsTheTerritoryFromTheAnnuaireSanteApi() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		org.assertj.core.api.Assertions.assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112")).status()).isEqualTo(200);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String member = People.join(admin, port, cpts, "MEMBER");
		org.assertj.core.api.Assertions.assertThat(new Api(port, member).post("/api/v1/cpts/" + cpts + "/imports/annuaire", "").status())
			.as("a member cannot import").isEqualTo(403);
		int before = AnnuaireStub.requests().size();

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			for (int run = 1; run <= 2; run++) {
				page.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts + "/annuaire/import");
				assertThat(page.locator("#import-annuaire")).containsText("communes du territoire");
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer depuis l'API Annuaire Santé")).click();
				page.waitForURL("**/annuaire/imports/**");
				assertThat(page.locator("#etat-import")).hasText("Import terminé.", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
					.setTimeout(30_000));
				assertThat(page.getByText("11 lignes lues (FHIR R4, JSON) ; 3 hors du territoire, ignorées.")).isVisible();
				assertThat(page.locator("#import-rejetes")).hasText("0");
				if (run == 2) {
					assertThat(page.locator("#import-inchanges")).hasText("7"); // the same directory again: nothing changes
				}
			}
			Browser.screenshot(page, "import-annuaire");
			page.navigate("http://127.0.0.1:" + port + "/annuaire?q=annuaire-arnaud");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("ANNUAIRE-ARNAUD"))).first().click();
			assertThat(page.locator("#profession")).hasText("Médecin");
			assertThat(page.locator("#mssante-adresse")).containsText("claire.arnaud@medecin.mssante.fr");
			assertThat(page.locator("section")).containsText("CABINET DES THERMES – 12 BD GASSENDI, 04000 DIGNE-LES-BAINS");
			assertThat(page.locator("section")).containsText("MAISON DE SANTE DU SOLEIL");
		}
		org.assertj.core.api.Assertions.assertThat(AnnuaireStub.requests().subList(before, AnnuaireStub.requests().size()))
			.as("pages followed, the 429 waited out, twice").containsExactly("a 1 200", "a 2 200", "a 3 429", "a 3 200", "a 1 200", "a 2 200",
					"a 3 429", "a 3 200");

		// a second start while one runs (a double click, a second coordinator): told, nothing started twice
		Api coordinatorApi = new Api(port, People.token(port, coordinator));
		Api.Response first;
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts + "/annuaire/import");
			first = coordinatorApi.post("/api/v1/cpts/" + cpts + "/imports/annuaire", ""); // runs a second at least: the 429 is waited out
			org.assertj.core.api.Assertions.assertThat(first.status()).as(first.body()).isEqualTo(201);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer depuis l'API Annuaire Santé")).click();
			assertThat(page.locator(".notice.failure")).containsText("déjà en cours");
		}
		String id = first.json().get("id").asString();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> coordinatorApi.get("/api/v1/imports/" + id).json().get("status").asString().equals("DONE"));
	}
}
