package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator gives the CPTS's FINESS number (checked by its key, kept when wrong) and the FHIR API
 * then names the CPTS as the SAS expects: one national structure id, "1" + FINESS.
 */
@IntegrationTest
class CptsFinessBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void theFinessGivenOnTheOverviewIsTheIdentifierTheSasReads() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		Api member = new Api(port, People.join(admin, port, cpts, "MEMBER"));
		org.assertj.core.api.Assertions.assertThat(member.get("/fhir/Organization/" + cpts).body()).contains("\"value\":\"3" + TestData.VALID_SIRET);

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts);
			assertThat(page.locator("#finess-cpts")).hasText("non renseigné");
			page.getByLabel("Numéro FINESS de la CPTS").fill("040 780 042");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le FINESS")).click();
			assertThat(page.locator(".notice.failure")).containsText("clé de contrôle");
			assertThat(page.getByLabel("Numéro FINESS de la CPTS")).hasValue("040 780 042");
			page.getByLabel("Numéro FINESS de la CPTS").fill("040 780 041");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le FINESS")).click();
			assertThat(page.locator(".notice.success")).containsText("le SAS reconnaît désormais");
			assertThat(page.locator("#finess-cpts")).hasText("040780041");
			org.assertj.core.api.Assertions.assertThat(fr.maillage.support.Accessibility.seriousViolations(page)).isEmpty();
		}
		var organization = member.get("/fhir/Organization/" + cpts).json();
		org.assertj.core.api.Assertions.assertThat(organization.get("identifier")).as("one identifier, as the SAS profile wants").hasSize(1);
		org.assertj.core.api.Assertions.assertThat(organization.get("identifier").get(0).get("value").asString()).isEqualTo("1040780041")
			.matches("^1[0-9]{9}$");
		org.assertj.core.api.Assertions.assertThat(organization.get("identifier").get(0).get("system").asString()).isEqualTo("urn:oid:1.2.250.1.71.4.2.2");
	}
}
