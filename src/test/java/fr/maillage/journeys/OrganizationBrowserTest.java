package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.shared.Luhn;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coordinator adds a structure: FINESS and SIRET checked with their keys, what was typed kept, then found in the directory. */
@IntegrationTest
class OrganizationBrowserTest {

	@LocalServerPort
	int port;

	BrowserContext context;
	Page page;

	@BeforeEach
	void open() {
		context = Browser.newContext();
		page = context.newPage();
		page.navigate("http://127.0.0.1:" + port + "/connexion");
		page.getByLabel("Adresse e-mail").fill(TestData.ADMIN_EMAIL);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(TestData.ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
	}

	@AfterEach
	void close(org.junit.jupiter.api.TestInfo info) {
		Browser.screenshot(page, "structure-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
		context.close();
	}

	static String finess(int seed) {
		String body = String.format("04%06d", seed % 1_000_000);
		for (int k = 0; k < 10; k++) {
			if (Luhn.isValid(body + k)) {
				return body + k;
			}
		}
		throw new IllegalStateException();
	}

	@Test
	void anMspIsAddedWithItsFinessCheckedAndFoundInTheDirectory() {
		String name = "MSP des Tilleuls " + (System.nanoTime() % 100_000);
		String good = finess((int) (System.nanoTime() % 900_000));
		String wrong = good.substring(0, 8) + ((good.charAt(8) - '0' + 1) % 10);
		page.navigate("http://127.0.0.1:" + port + "/annuaire/structures");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter une structure")).click();
		page.getByLabel("Type de structure").selectOption("MSP");
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByLabel("N° FINESS (9 caractères)").fill(wrong);
		page.getByLabel("N° SIRET (14 chiffres)").fill("892 739 293 00018");
		page.getByLabel("Commune d'exercice (nom ou code INSEE)").fill("Forcalquier");
		page.getByLabel("Services proposés").fill("Soins non programmés : 10 plages par jour");
		page.getByLabel("Afficher sur la page publique de la CPTS (adresse et téléphone de la structure seulement)").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la structure")).click();
		assertThat(page.getByText("Ce numéro FINESS n'est pas valide")).isVisible();
		assertThat(page.getByText("Ce SIRET n'est pas valide")).isVisible();
		assertThat(page.getByLabel("Services proposés")).hasValue("Soins non programmés : 10 plages par jour");
		page.getByLabel("N° FINESS (9 caractères)").fill(good);
		page.getByLabel("N° SIRET (14 chiffres)").fill("892 739 293 00017");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la structure")).click();
		assertThat(page.getByText("Structure ajoutée à l'annuaire.")).isVisible();

		page.navigate("http://127.0.0.1:" + port + "/annuaire/structures");
		page.getByLabel("Nom ou commune").fill("tilleuls forcalquier");
		page.getByLabel("Type de structure").selectOption("MSP");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
		assertThat(page.locator("#structures tbody tr", new Page.LocatorOptions().setHasText(name))).hasCount(1);

		var api = new Api(port, TestData.ADMIN_TOKEN).get("/api/v1/organizations?kind=MSP&commune=04088&q=" + name.replace(" ", "%20"));
		assertThat(api.json().get("total").asLong()).isEqualTo(1);
		var found = api.json().get("items").get(0);
		assertThat(found.get("nationalId").asString()).isEqualTo("1" + good);
		assertThat(found.get("publicListing").asBoolean()).isTrue();

		// the public page of a CPTS whose territory holds Forcalquier lists it, for anyone
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = fr.maillage.support.People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", java.util.List.of("04088"));
		String slug = admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString();
		try (BrowserContext phone = Browser.newPhoneContext()) {
			Page p = phone.newPage();
			p.navigate("http://127.0.0.1:" + port + "/" + slug);
			assertThat(p.locator("#structures-publiques")).containsText(name);
			assertThat(p.locator("#structures-publiques")).containsText("Maison de santé pluriprofessionnelle");
		}
	}
}
