package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
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

/**
 * The coordinator records the CPTS's contract in the browser (a size class without its reason is
 * refused, what was typed kept), sees its deadlines and expected payments, records the CPAM's
 * advance, then builds the indicator catalogue: one computed by Maillage, one entered by hand with
 * its proof, and reads the variable part; a plain member finds neither the menu entry nor the page.
 */
@IntegrationTest
class ContractBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void theCoordinatorRecordsTheContractAndItsIndicators() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person member = People.invite(admin, cpts, "MEMBER");
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Pilotage", "Contrat ACI");
			assertThat(page.getByRole(AriaRole.HEADING, named("Enregistrer le contrat"))).isVisible();
			// the socle missions come ticked; the optional ones not
			assertThat(page.locator("#signe-ACCESS")).isChecked();
			assertThat(page.locator("#signe-QUALITY")).not().isChecked();
			page.locator("#signe-PREVENTION").uncheck();
			page.getByLabel("Date de signature").fill("2024-03-15");
			page.getByLabel("Taille de la CPTS").selectOption("2");
			page.locator("input[name='missions[0].fixed']").fill("31 000");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le contrat")).click();
			assertThat(page.locator("#sizeClassReason-erreur")).containsText("donne la taille 1");
			assertThat(page.getByLabel("Date de signature")).hasValue("2024-03-15");
			assertThat(page.locator("input[name='missions[0].fixed']")).hasValue("31 000");
			assertThat(page.locator("#signe-PREVENTION")).not().isChecked();
			page.getByLabel("Motif, si la taille diffère de celle du territoire").fill("Afflux saisonnier reconnu par la CPAM");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le contrat")).click();
			assertThat(page.getByText("Contrat enregistré.")).isVisible();
			assertThat(page.locator("#resume-contrat")).containsText("Contrat signé le 15/03/2024, taille 2, jusqu'au 14/03/2029");
			assertThat(page.locator("#echeances")).containsText("15/09/2024");
			// the functioning advance: 75 % of 91,000 €; the access mission's own fixed amount typed: 75 % of 31,000 €
			assertThat(page.locator("#versements-attendus tbody tr").first()).containsText("68 250,00");
			assertThat(page.locator("#versements-attendus")).containsText("23 250,00");

			page.locator("#versement").getByLabel("Année de contrat").selectOption("1");
			page.getByLabel("Reçu le").fill("2024-04-02");
			page.getByLabel("Montant (€)").fill("68250");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le versement")).click();
			assertThat(page.getByText("Versement enregistré.")).isVisible();
			assertThat(page.locator("#versements-attendus tbody tr").first().locator("td").nth(7)).hasText("0,00 €");
			Browser.screenshot(page, "contrat-aci");

			// indicators: a computed one with its weight and target, then a manual one whose weight would pass 100 %
			Browser.menu(page, "Pilotage", "Indicateurs du contrat");
			page.getByLabel("Calculé par Maillage").selectOption(new SelectOption().setLabel(
					"Créneaux de soins non programmés ouverts (Accès aux soins (médecin traitant, soins non programmés))"));
			page.getByLabel("Poids dans la part variable (%)").fill("60");
			page.getByLabel("Cible de l'année 3").fill("500");
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'indicateur")).click();
			assertThat(page.getByText("Indicateur « Créneaux de soins non programmés ouverts » ajouté.")).isVisible();
			page.locator("#indicator-mission").selectOption("ACCESS");
			page.getByLabel("Nom (vide : celui de Maillage)").fill("Patients vus en SNP (chiffre CPAM)");
			page.locator("#indicator-kind").selectOption("RESULT");
			page.locator("#indicator-unit").selectOption("PATIENTS");
			page.getByLabel("Poids dans la part variable (%)").fill("50");
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'indicateur")).click();
			assertThat(page.locator("#weightPercent-erreur")).containsText("feraient 110 %");
			assertThat(page.getByLabel("Nom (vide : celui de Maillage)")).hasValue("Patients vus en SNP (chiffre CPAM)");
			page.getByLabel("Poids dans la part variable (%)").fill("40");
			page.getByLabel("Cible de l'année 3").fill("30");
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'indicateur")).click();
			assertThat(page.getByText("Indicateur « Patients vus en SNP (chiffre CPAM) » ajouté.")).isVisible();

			// a value without its proof is refused; with it, it counts
			var manual = page.locator("article.indicator", new Page.LocatorOptions().setHasText("Patients vus en SNP (chiffre CPAM)"));
			String yearStart = jdbc.sql("select (signed_on + interval '2 years')::date::text from contract where cpts_id = :c")
				.param("c", UUID.fromString(cpts)).query(String.class).single();
			manual.getByLabel("Date à laquelle la valeur se rapporte").fill(yearStart);
			manual.getByLabel("Valeur", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill("24");
			manual.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer la valeur")).click();
			manual = page.locator("article.indicator", new Page.LocatorOptions().setHasText("Patients vus en SNP (chiffre CPAM)"));
			assertThat(manual.locator(".field-error")).containsText("Joignez le justificatif");
			assertThat(manual.getByLabel("Valeur", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))).hasValue("24");
			manual.getByLabel("Justificatif").setInputFiles(new FilePayload("cpam.pdf", "application/pdf",
					"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
			manual.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer la valeur")).click();
			assertThat(page.getByText("Valeur enregistrée avec son justificatif.")).isVisible();
			manual = page.locator("article.indicator", new Page.LocatorOptions().setHasText("Patients vus en SNP (chiffre CPAM)"));
			assertThat(manual.locator(".figure-value")).hasText("24");
			assertThat(manual.locator(".figure-reached")).hasText("80 %");
			assertThat(page.locator("#part-ACCESS")).containsText("100 %");
			assertThat(page.locator("#part-PATHWAYS")).containsText("ils doivent faire 100 %");
			Browser.screenshot(page, "contrat-indicateurs");

			// the contract at a glance on the coordinator's home: two indicators below target, one mission followed, two late
			page.navigate(base + "/");
			var card = page.locator("article[data-card='home.missions.title']");
			assertThat(card).containsText("indicateurs sous leur cible");
			assertThat(card).containsText("1 en route, 2 en retard");
			assertThat(card.locator(".figure")).hasText("2");
		}

		// a plain member: no menu entry, no page
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, member.email(), member.password());
			page.navigate(base + "/cpts/" + cpts);
			assertThat(page.locator("#menu-principal a[href$='/contrat']")).hasCount(0);
			Response r = page.navigate(base + "/cpts/" + cpts + "/contrat");
			assertThat(r.status()).isEqualTo(403);
		}
	}

	@Test
	void anAdministratorChecksADefaultAmountThatANewContractTakes() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String before = jdbc.sql("select fixed_cents || '/' || verified from aci_amount where size_class = 4 and part = 'QUALITY'").query(String.class).single();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD);
			page.navigate("http://127.0.0.1:" + port + "/administration/aci");
			var row = page.locator("#montants-aci tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Qualité et pertinence"))
				.filter(new com.microsoft.playwright.Locator.FilterOptions().setHas(page.locator("td:first-child", new Page.LocatorOptions().setHasText("4"))));
			row.getByLabel("Part fixe").fill("20 500");
			row.getByLabel("Vérifié").check();
			row.getByRole(AriaRole.BUTTON).click();
			assertThat(page.getByText("Montant enregistré.")).isVisible();
			assertThat(jdbc.sql("select fixed_cents || '/' || verified from aci_amount where size_class = 4 and part = 'QUALITY'").query(String.class).single())
				.isEqualTo("2050000/true");
			// a contract of size class 4 with the quality mission and no amount typed takes it
			String cpts = People.newCpts(admin);
			Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
			Api.Response saved = coordinator.put("/api/v1/cpts/" + cpts + "/contract", java.util.Map.of("signedOn", "2025-06-01", "sizeClass", 4,
					"sizeClassReason", "Test", "missions", java.util.List.of(java.util.Map.of("mission", "QUALITY"))));
			assertThat(saved.json().get("contract").get("missions").get(0).get("fixedCents").asLong()).isEqualTo(2_050_000);
		}
		finally {
			String[] was = before.split("/");
			jdbc.sql("update aci_amount set fixed_cents = :f, verified = :v where size_class = 4 and part = 'QUALITY'").param("f", Long.parseLong(was[0]))
				.param("v", Boolean.parseBoolean(was[1])).update();
		}
	}
}
