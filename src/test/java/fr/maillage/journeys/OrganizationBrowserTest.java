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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coordinator adds a structure: FINESS and SIRET checked with their keys, what was typed kept, then found in the directory. */
@IntegrationTest
class OrganizationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;
	Page page;

	@BeforeEach
	void open() {
		context = Browser.newContext();
		page = context.newPage();
		page.navigate("http://127.0.0.1:" + port + "/connexion");
		page.getByLabel("Adresse e-mail").fill(TestData.ADMIN_EMAIL);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(TestData.ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
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
			assertThat(p.locator("#structures-publiques")).containsText("Soins non programmés : 10 plages par jour");
		}
	}

	@Test
	void aStructureKeepsItsOtherSitesAndItsContactsWhichNeverGoPublic() {
		String name = "MSP du Largue " + (System.nanoTime() % 100_000);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into organization (id, kind, name, commune_code, commune_name, public_listing, search_text)
				values (:id, 'MSP', :n, '04088', 'Forcalquier', true, lower(:n))""").param("id", id).param("n", name).update();
		page.navigate("http://127.0.0.1:" + port + "/annuaire/structures/" + id);

		page.locator("#contacts summary").click();
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).last().fill("Cadre de santé");
		page.getByLabel("Fonction").fill("Coordination des soins");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le contact")).click();
		assertThat(page.getByText("Indiquez au moins un téléphone ou une adresse e-mail.")).isVisible();
		assertThat(page.locator("#contact-name")).hasValue("Cadre de santé");
		page.locator("#contact-phone").fill("06 12 34 56 78");
		page.locator("#contact-availability").fill("soir et week-end : astreinte");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le contact")).click();
		assertThat(page.getByText("Contact ajouté.")).isVisible();
		assertThat(page.locator("#contacts tbody tr")).containsText(new String[] { "Cadre de santé" });
		assertThat(page.locator("#contacts")).containsText("soir et week-end : astreinte");

		page.locator("#sites summary").click();
		page.locator("#site-name").fill("Antenne de Volx");
		page.locator("#site-commune").fill("Volxx-les-Bains");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le site")).click();
		assertThat(page.getByText("Commune inconnue : Volxx-les-Bains.", new Page.GetByTextOptions().setExact(false))).isVisible();
		assertThat(page.locator("#site-name")).hasValue("Antenne de Volx");
		page.locator("#site-commune").fill("Volx");
		page.locator("#site-hours").fill("mardi et jeudi matin");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le site")).click();
		assertThat(page.getByText("Site ajouté.")).isVisible();
		assertThat(page.locator("#sites tbody")).containsText("Antenne de Volx");
		assertThat(page.locator("#sites tbody")).containsText("Volx");

		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		assertThat(admin.get("/api/v1/organizations?commune=04245&q=" + name.replace(" ", "%20")).json().get("total").asLong())
			.as("found by the commune of its other site (Volx)").isEqualTo(1);
		String cpts = fr.maillage.support.People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", java.util.List.of("04088"));
		String slug = admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString();
		String publicPage = new Api(port, null).get("/" + slug).body();
		assertThat(publicPage).contains(name).doesNotContain("06 12 34 56 78").doesNotContain("Cadre de santé");

		page.locator("#contacts tbody tr").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Retirer")).click();
		assertThat(page.getByText("Contact retiré.")).isVisible();
		assertThat(page.locator("#contacts tbody tr")).hasCount(0);
		assertThat(jdbc.sql("select count(*) from audit_event where subject_id = :id and action like 'directory.organization.%'")
			.param("id", id.toString()).query(Long.class).single()).isEqualTo(3);
	}
}
