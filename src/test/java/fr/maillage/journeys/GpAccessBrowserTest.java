package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first ACI mission in the browser: an inhabitant asks on the public page, a pharmacist files a
 * request for a patient, a GP declares capacity, the coordinator runs the orientation and sends it,
 * the GP accepts and the médecin traitant is declared; the indicators move.
 */
@IntegrationTest
class GpAccessBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void fromTheInhabitantsRequestToTheDeclaredMedecinTraitant() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		String slug = admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString();
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person pharmacist = People.invite(admin, cpts, "MEMBER");
		People.Person gpPerson = People.invite(admin, cpts, "MEMBER");
		String word = TestData.unique("").substring(1).toUpperCase();
		UUID gp = Gps.create(jdbc, "MEDECIN" + word, "04070", "Digne-les-Bains");
		Gps.link(jdbc, accounts.userIdByEmail(gpPerson.email()).orElseThrow(), gp);
		String inhabitantEmail = "habitante." + word.toLowerCase() + "@patient.test";

		// an inhabitant, on the public page, without an account
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			page.navigate(url("/" + slug));
			page.getByRole(AriaRole.BUTTON, named("Faire une demande")).click();
			page.getByLabel("Nom de naissance").fill("Habitante" + word);
			page.getByLabel("Prénoms de naissance").fill("Josette Marie");
			page.getByLabel("Date de naissance").fill("1950-05-02");
			page.getByLabel("Sexe").selectOption("F");
			page.getByLabel("N° de sécurité sociale (facultatif)").fill("2 50 05 04 070 123 00");
			page.getByLabel("Téléphone").fill("06 12 34 56 78");
			page.getByLabel("E-mail (facultatif)").fill(inhabitantEmail);
			page.getByLabel("Commune de résidence").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Digne-les-Bains"));
			page.getByText("J'accepte que la CPTS enregistre").click();
			page.getByRole(AriaRole.BUTTON, named("Envoyer ma demande")).click();
			assertThat(page.getByText("La clé du numéro de sécurité sociale ne correspond pas")).isVisible();
			assertThat(page.getByLabel("Nom de naissance")).hasValue("Habitante" + word);
			assertThat(page.getByLabel("Téléphone")).hasValue("06 12 34 56 78");
			page.getByLabel("N° de sécurité sociale (facultatif)").fill("");
			page.getByRole(AriaRole.BUTTON, named("Envoyer ma demande")).click();
			assertThat(page.getByText("Votre demande est enregistrée")).isVisible();
			assertThat(page.locator("#demande-enregistree")).containsText("Numéro de votre demande");
			Browser.screenshot(page, "medecin-traitant-public");
		}

		// a pharmacist, for a patient at the counter
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, pharmacist.email(), pharmacist.password());
			page.navigate(url("/cpts/" + cpts));
			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accès à un médecin traitant").setExact(true)).click();
			page.getByRole(AriaRole.BUTTON, named("Nouvelle demande")).click();
			page.getByLabel("Nom de naissance").fill("Patient" + word);
			page.getByLabel("Prénoms de naissance").fill("André");
			page.getByLabel("Date de naissance").fill("1981-11-20");
			page.getByLabel("Sexe").selectOption("M");
			page.getByLabel("Téléphone").fill("04 92 11 22 33");
			page.getByLabel("Commune de résidence").fill("04070");
			page.getByLabel("En affection de longue durée (ALD)").check();
			page.getByLabel("Numéro de l'ALD (1 à 32, facultatif)").fill("8");
			page.getByText("Le patient a accepté oralement").click();
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la demande")).click();
			assertThat(page.getByText("enregistrée.")).isVisible();
			// the pharmacist filed it but does not see the registry
			assertThat(page.locator("#demandes")).hasCount(0);
		}

		// the GP declares two places a month
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gpPerson.email(), gpPerson.password());
			page.navigate(url("/cpts/" + cpts + "/medecin-traitant"));
			page.getByRole(AriaRole.BUTTON, named("Mes propositions")).click();
			page.getByRole(AriaRole.BUTTON, named("Déclarer ma capacité")).click();
			page.getByLabel("Nouveaux patients acceptés").fill("2");
			page.getByLabel("Période").selectOption("MONTH");
			page.getByLabel("Distance maximale depuis le cabinet (km)").fill("15");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la capacité")).click();
			assertThat(page.getByText("Capacité enregistrée.")).isVisible();
			assertThat(page.locator("#ma-capacite")).containsText("il vous reste 2 place(s)");
		}

		// the coordinator computes the orientation, then sends it
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(url("/cpts/" + cpts + "/medecin-traitant"));
			assertThat(page.locator("#total-demandes .list-count")).hasText("2 demande(s)");
			assertThat(page.locator("#demandes tbody tr", new Page.LocatorOptions().setHasText("André"))).containsText("Digne-les-Bains");
			// a typo corrected after a call: the phone number, dated in the history
			page.locator("#demandes tbody tr", new Page.LocatorOptions().setHasText("André")).getByRole(AriaRole.LINK).first().click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Corriger la demande")).click();
			assertThat(page.getByLabel("Nom de naissance")).hasValue("PATIENT" + word);
			page.getByLabel("Téléphone").fill("04 92 99 88 77");
			page.getByLabel("Date de naissance").fill("2099-01-01");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer les corrections")).click();
			assertThat(page.getByText("La date de naissance est dans le futur.")).isVisible();
			assertThat(page.getByLabel("Téléphone")).hasValue("04 92 99 88 77");
			page.getByLabel("Date de naissance").fill("1981-11-20");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer les corrections")).click();
			assertThat(page.getByText("Demande corrigée.")).isVisible();
			assertThat(page.locator("#historique")).containsText("Demande corrigée");
			assertThat(page.getByText("04 92 99 88 77")).isVisible();
			page.navigate(url("/cpts/" + cpts + "/medecin-traitant"));
			page.getByRole(AriaRole.BUTTON, named("Orientation")).click();
			page.getByRole(AriaRole.BUTTON, named("Calculer les propositions")).click();
			var table = page.locator("#propositions-calculees");
			assertThat(table.locator("tbody tr")).hasCount(2);
			assertThat(table).containsText("Proposé au Dr Claire MEDECIN" + word + " : ALD, 0 km, capacité restante");
			assertThat(table).containsText("Proposé au Dr Claire MEDECIN" + word + " : 70 ans et plus, 0 km, capacité restante");
			Browser.screenshot(page, "medecin-traitant-orientation");
			page.getByRole(AriaRole.BUTTON, named("Envoyer les propositions cochées")).click();
			assertThat(page.getByText("2 proposition(s) envoyée(s) aux médecins.")).isVisible();
		}

		// the GP accepts the inhabitant, who is e-mailed, then declares
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gpPerson.email(), gpPerson.password());
			page.navigate(url("/cpts/" + cpts + "/medecin-traitant/propositions"));
			var row = page.locator("#propositions tbody tr", new Page.LocatorOptions().setHasText("Josette"));
			row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("J'accepte ce patient")).click();
			assertThat(page.getByText("Acceptation enregistrée.")).isVisible();
			row = page.locator("#propositions tbody tr", new Page.LocatorOptions().setHasText("Josette"));
			row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Médecin traitant déclaré")).click();
			assertThat(page.getByText("la demande est close")).isVisible();
			assertThat(page.locator("#propositions tbody tr", new Page.LocatorOptions().setHasText("Josette"))).containsText("Médecin traitant déclaré");
			Browser.screenshot(page, "medecin-traitant-propositions");
		}
		assertThat(Mail.text(Mail.awaitSubject(inhabitantEmail, "Votre demande de médecin traitant"))).contains("MEDECIN" + word);

		// the indicators move
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(url("/cpts/" + cpts + "/medecin-traitant/indicateurs"));
			assertThat(page.locator("#statut-DECLARED")).hasText("1");
			assertThat(page.locator("#statut-PROPOSED")).hasText("1");
			assertThat(page.locator("#trouves-ALL")).hasText("1");
			assertThat(page.locator("#trouves-AGE_70")).hasText("1");
			page.getByLabel("Date des chiffres").fill("2026-01-01");
			page.getByLabel("Patients de 16 ans et plus sans médecin traitant").fill("5960");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer les chiffres")).click();
			// 5,960 × 0.95 ^ (years from 1 January to today): the target of seed 002, and the one found since
			assertThat(page.locator("#objectif")).containsText(java.util.regex.Pattern.compile(
					"5.960 patients sans médecin traitant au 01/01/2026 ; objectif –5 % par an, soit 5.[0-9]{3} à la fin de la période\\. 1 médecin"));
			Browser.screenshot(page, "medecin-traitant-indicateurs");
		}
	}
}
