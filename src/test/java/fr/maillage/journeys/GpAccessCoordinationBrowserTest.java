package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator's tools for GP access in the browser: a spreadsheet imported (refused whole with
 * its wrong line named, then accepted), the priority protocol edited, the capacity of a GP without an
 * account recorded after a call, the orientation sent and the GP's acceptance recorded, the letter
 * printed, a request withdrawn.
 */
@IntegrationTest
class GpAccessCoordinationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void aCoordinatorImportsEditsTheProtocolRecordsACapacityAndFollowsUp() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070"));
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String word = TestData.unique("").substring(1).toUpperCase();
		Gps.create(jdbc, "SANSCOMPTE" + word, "04070", "Digne-les-Bains");
		String header = "nom_naissance;prenoms;date_naissance;sexe;commune;telephone;c2s;date_demande\n";
		String wrong = header + "IMPORT" + word + ";Rose;12/03/1940;F;04070;0600000001;non;02/02/2026\n"
				+ "AUTRE" + word + ";Paul;31/02/1990;M;Digne-les-Bains;0600000002;oui;03/02/2026\n";

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			String base = "http://127.0.0.1:" + port + "/cpts/" + cpts + "/medecin-traitant";

			// the spreadsheet: refused whole, its wrong line named; corrected, imported with its dates
			page.navigate(base + "/import");
			page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("liste.csv", "text/csv", wrong.getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, named("Vérifier le fichier")).click();
			assertThat(page.locator("#rapport-import")).containsText("Rien n'est importé");
			assertThat(page.locator("#erreurs-import tbody tr")).hasCount(1);
			assertThat(page.locator("#erreurs-import tbody tr")).containsText("31/02/1990");
			page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("liste.csv", "text/csv",
					wrong.replace("31/02/1990", "28/02/1990").getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, named("Vérifier le fichier")).click();
			assertThat(page.locator("#rapport-import")).containsText("2 demande(s) prêtes à importer");
			page.getByRole(AriaRole.BUTTON, named("Importer les 2 demandes")).dblclick();
			assertThat(page.getByText("2 demande(s) importée(s).")).isVisible();
			assertThat(page.locator("#total-demandes .list-count")).hasText("2 demande(s)");

			// the protocol: C2S before the 70-year-olds
			page.getByRole(AriaRole.BUTTON, named("Protocole de priorité")).click();
			page.getByLabel("C2S").fill("1");
			page.getByLabel("70 ans et plus").fill("2");
			page.getByLabel("ALD").fill("");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le protocole")).click();
			assertThat(page.getByText("Protocole enregistré.")).isVisible();

			// a GP without an account, called on the phone: one place
			page.getByRole(AriaRole.BUTTON, named("Capacités des médecins")).click();
			page.locator("#sans-capacite").getByText("SANSCOMPTE" + word).click();
			page.getByLabel("Nouveaux patients acceptés").fill("1");
			page.getByLabel("Note (appel, conditions)").fill("Appel du lundi");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la capacité")).click();
			assertThat(page.getByText("Capacité enregistrée.")).isVisible();
			assertThat(page.locator("#capacites")).containsText("SANSCOMPTE" + word);

			// the C2S request goes first now; the coordinator records the GP's yes and prints the letter
			page.getByRole(AriaRole.BUTTON, named("Orientation")).click();
			page.getByRole(AriaRole.BUTTON, named("Calculer les propositions")).click();
			assertThat(page.locator("#propositions-calculees tbody tr")).hasCount(1);
			assertThat(page.locator("#propositions-calculees")).containsText("Paul");
			assertThat(page.locator("#propositions-calculees")).containsText("C2S");
			assertThat(page.locator("#sans-proposition")).containsText("Rose");
			page.getByRole(AriaRole.BUTTON, named("Envoyer les propositions cochées")).click();
			page.locator("#demandes tbody tr", new Page.LocatorOptions().setHasText("Paul")).getByRole(AriaRole.LINK).first().click();
			page.getByRole(AriaRole.BUTTON, named("Noter : le médecin accepte")).click();
			assertThat(page.getByText("Acceptation enregistrée.")).isVisible();
			var letter = page.waitForPopup(() -> page.getByRole(AriaRole.BUTTON, named("Imprimer le courrier au patient")).click());
			assertThat(letter.url()).endsWith("/courrier.pdf");
			page.reload();
			assertThat(page.locator("#historique")).containsText("Patient informé");

			// the other request is withdrawn, with its reason
			page.navigate(base);
			page.locator("#demandes tbody tr", new Page.LocatorOptions().setHasText("Rose")).getByRole(AriaRole.LINK).first().click();
			page.getByLabel("Raison du retrait").fill("Médecin trouvé ailleurs");
			page.getByRole(AriaRole.BUTTON, named("Retirer la demande")).click();
			assertThat(page.getByText("Demande retirée.")).isVisible();
			assertThat(page.locator("#statut")).hasText("Retirée");
		}
		assertThat(jdbc.sql("select count(*) from gp_request where cpts_id = :c").param("c", UUID.fromString(cpts)).query(Long.class).single())
			.as("imported once despite the double click").isEqualTo(2);
		assertThat(jdbc.sql("select min(filed_at) < '2026-02-03' from gp_request where cpts_id = :c").param("c", UUID.fromString(cpts))
			.query(Boolean.class).single()).isTrue();
	}
}
