package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A patient writes to the CPTS asking what it holds about them, then for erasure: the coordinator
 * finds them from the CPTS's page, exports everything as JSON, mistypes the confirmation (what was
 * typed is kept), erases; the patient is no longer found by name. A member of the CPTS who is not
 * a coordinator cannot open the page.
 */
@IntegrationTest
class PatientRightsBrowserTest {

	@LocalServerPort
	int port;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void theCoordinatorExportsThenErasesAPatientOnRequest() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person member = People.invite(admin, cpts, "MEMBER");
		Api pharmacist = new Api(port, People.join(admin, port, cpts, "MEMBER"));
		String name = "LAGIER" + TestData.unique("").substring(1, 6).toUpperCase();
		Map<String, Object> request = new HashMap<>(Map.of("birthName", name, "firstNames", "Armand", "birthDate", "1952-07-30", "sex", "M",
				"communeCode", "04070", "email", "armand@exemple.fr", "consent", true, "notes", "Cherche un médecin près de Digne"));
		assertThat(pharmacist.post("/api/v1/cpts/" + cpts + "/gp-requests", request).status()).isEqualTo(201);
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			page.getByRole(AriaRole.LINK, named("Droits des patients (RGPD)")).click();
			page.getByLabel("Nom, prénom ou numéro de sécurité sociale").fill("armand " + name.toLowerCase());
			page.getByRole(AriaRole.BUTTON, named("Chercher")).click();
			assertThat(page.locator("#patients tbody tr")).hasCount(1);
			assertThat(page.locator("#patients tbody tr")).containsText("30/07/1952");
			page.getByRole(AriaRole.LINK, named("Armand " + name)).click();
			assertThat(page.locator("#identite")).containsText("armand@exemple.fr");
			assertThat(page.locator("#detenu")).containsText("Demande n°");
			assertThat(page.locator("#detenu")).containsText("Cherche un médecin près de Digne");
			var download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Exporter tout (JSON, à remettre au patient)")).click());
			try {
				assertThat(Files.readString(download.path())).contains(name, "armand@exemple.fr", "Cherche un médecin", "birthName");
			} catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}

			// the confirmation mistyped: nothing erased, the reason kept
			page.getByLabel("Motif (la demande du patient et sa date, sans le nommer)").fill("Courrier du patient reçu le 20 novembre");
			page.getByLabel("Tapez EFFACER pour confirmer").fill("EFACER");
			page.getByRole(AriaRole.BUTTON, named("Effacer définitivement")).click();
			assertThat(page.getByText("Rien n'a été effacé")).isVisible();
			assertThat(page.locator("#confirmation-erreur")).containsText("Tapez EFFACER");
			assertThat(page.getByLabel("Motif (la demande du patient et sa date, sans le nommer)")).hasValue("Courrier du patient reçu le 20 novembre");
			assertThat(page.locator("#identite")).containsText(name);

			page.getByLabel("Tapez EFFACER pour confirmer").fill("EFFACER");
			page.getByRole(AriaRole.BUTTON, named("Effacer définitivement")).click();
			assertThat(page.getByText("Les données du patient ont été effacées.")).isVisible();
			assertThat(page.locator("#efface")).containsText("il ne reste que l'année de naissance");
			assertThat(page.locator("#identite")).not().containsText(name);
			assertThat(page.locator("#identite")).not().containsText("armand@exemple.fr");
			assertThat(page.locator("#detenu")).containsText("Retirée");
			assertThat(page.locator("#detenu")).not().containsText("Cherche un médecin");
			assertThat(page.locator("#effacement")).hasCount(0);

			page.navigate(base + "/cpts/" + cpts + "/patients?q=" + name);
			assertThat(page.locator("#aucun-patient")).isVisible();
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, member.email(), member.password());
			var response = page.navigate(base + "/cpts/" + cpts + "/patients?q=" + name);
			assertThat(response.status()).isEqualTo(403);
			assertThat(page.locator("#patients")).hasCount(0);
		}
	}
}
