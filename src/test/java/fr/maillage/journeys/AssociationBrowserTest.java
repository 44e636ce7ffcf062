package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002's association, run in the browser by its coordinator: three members registered in two
 * colleges, the year's fees set, a payment of -10 € refused then a real one with its receipt, the
 * council formed with a president and a treasurer, a council meeting convened, two replies and a
 * proxy recorded, attendance taken and the quorum seen, a vote recorded, the minutes published; a
 * member invited reads them from "Mon adhésion".
 */
@IntegrationTest
class AssociationBrowserTest {

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
	void theCoordinatorRunsTheAssociationFromMembersToMinutes() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		People.Person nursePerson = People.invite(admin, cpts, "MEMBER");
		UUID gp1 = Gps.practitioner(jdbc, "GIRAUD" + tag, "10", "Médecin", "", "04112", "Manosque");
		UUID gp2 = Gps.practitioner(jdbc, "HUGUES" + tag, "10", "Médecin", "", "04112", "Manosque");
		UUID nurse = Gps.practitioner(jdbc, "ISNARD" + tag, "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(nursePerson.email()).orElseThrow(), nurse);
		People.Person gp2Person = People.invite(admin, cpts, "MEMBER");
		Gps.link(jdbc, accounts.userIdByEmail(gp2Person.email()).orElseThrow(), gp2);
		String base = "http://127.0.0.1:" + port;
		int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Association").setExact(true)).click();

			// three members, two colleges (by profession)
			for (String name : List.of("GIRAUD" + tag, "HUGUES" + tag, "ISNARD" + tag)) {
				page.getByLabel("Nom ou RPPS du professionnel").fill(name);
				page.getByRole(AriaRole.BUTTON, named("Chercher dans l'annuaire")).click();
				page.getByRole(AriaRole.BUTTON, named("Inscrire Claire " + name)).click();
				assertThat(page.getByText("Adhérent inscrit.")).isVisible();
			}
			assertThat(page.locator("#adherents tbody tr")).hasCount(3);
			assertThat(page.locator("#adherents tbody tr", new Page.LocatorOptions().setHasText("ISNARD" + tag))).containsText("Infirmiers");
			assertThat(page.locator("#adherents tbody tr", new Page.LocatorOptions().setHasText("GIRAUD" + tag))).containsText("Médecins");

			// the year's fees
			page.getByRole(AriaRole.LINK, named("Cotisations")).first().click();
			page.getByLabel("Médecins").fill("50");
			page.getByLabel("Infirmiers").fill("30,50");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer les montants")).click();
			assertThat(page.getByText("Montants enregistrés.")).isVisible();
			assertThat(page.locator("#bilan tfoot")).containsText("130,50");
			Browser.screenshot(page, "association-fees");

			// a payment of -10 € refused (what was typed kept), then the real one and its receipt
			page.getByRole(AriaRole.LINK, named("Claire ISNARD" + tag)).click();
			page.getByLabel("Montant (€)").fill("-10");
			page.getByLabel("Moyen de paiement").selectOption("CHEQUE");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer et envoyer le reçu")).click();
			assertThat(page.getByText("Le paiement n'est pas enregistré")).isVisible();
			assertThat(page.getByText("Un montant ne peut pas être négatif (« -10 »).")).isVisible();
			assertThat(page.getByLabel("Montant (€)")).hasValue("-10");
			page.getByLabel("Montant (€)").fill("30,50");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer et envoyer le reçu")).click();
			assertThat(page.getByText("Paiement enregistré : reçu n° " + year + "-0001")).isVisible();
			assertThat(page.locator("#paiements tbody tr")).hasCount(1);
			var receipt = page.waitForDownload(() -> page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.download = 'r.pdf'; "
					+ "document.body.appendChild(a); a.click(); }", page.locator("#paiements a").first().getAttribute("href")));
			assertThat(new String(Files.readAllBytes(receipt.path()), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
			assertThat(Mail.awaitSubject(nursePerson.email(), "Reçu de cotisation n° " + year + "-0001")).isNotNull();

			// the council, with a president and a treasurer
			page.getByRole(AriaRole.LINK, named("Instances")).first().click();
			page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Conseil d'administration");
			page.getByLabel("Nature").selectOption("CONSEIL");
			page.getByRole(AriaRole.BUTTON, named("Créer l'instance")).click();
			page.getByRole(AriaRole.LINK, named("Conseil d'administration")).click();
			Locator appoint = page.locator("#nommer");
			appoint.getByLabel("Adhérent").selectOption(new SelectOption().setLabel("Claire GIRAUD" + tag + " (Médecins)"));
			appoint.getByLabel("Fonction").selectOption("PRESIDENT");
			appoint.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nommer")).click();
			assertThat(page.getByText("Mandat enregistré.")).isVisible();
			appoint.getByLabel("Adhérent").selectOption(new SelectOption().setLabel("Claire ISNARD" + tag + " (Infirmiers)"));
			appoint.getByLabel("Fonction").selectOption("TRESORIER");
			appoint.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nommer")).click();
			assertThat(page.locator("#mandats tbody tr")).hasCount(2);

			// a council meeting next week, with gp2 invited by name; convened
			page.getByRole(AriaRole.LINK, named("Réunions")).first().click();
			page.getByLabel("Type").selectOption("CA");
			page.getByLabel("Instance convoquée (facultatif)").selectOption(new SelectOption().setLabel("Conseil d'administration"));
			page.getByLabel("Intitulé").fill("Conseil de décembre");
			page.getByLabel("Date et heure").fill(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(7) + "T19:00");
			page.getByLabel("Lieu").fill("Salle du conseil, Manosque");
			page.getByRole(AriaRole.BUTTON, named("Préparer la réunion")).click();
			assertThat(page.getByText("Réunion préparée")).isVisible();
			page.getByText("Inviter des adhérents").click();
			page.locator("#inviter select[name=memberIds]").selectOption(new SelectOption().setLabel("Claire HUGUES" + tag));
			page.getByRole(AriaRole.BUTTON, named("Inviter").setExact(true)).click();
			assertThat(page.locator("#invites tbody tr")).hasCount(3);
			page.getByRole(AriaRole.BUTTON, named("Envoyer la convocation")).click();
			assertThat(page.getByText("Convocation envoyée à")).isVisible();

			// replies: the president present, the treasurer present, gp2 gives a proxy to the president
			page.getByLabel("Réponse de Claire GIRAUD" + tag, new Page.GetByLabelOptions().setExact(true)).selectOption("PRESENT");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la réponse de Claire GIRAUD" + tag)).click();
			assertThat(page.getByText("Réponse enregistrée.")).isVisible();
			page.getByLabel("Réponse de Claire ISNARD" + tag, new Page.GetByLabelOptions().setExact(true)).selectOption("PRESENT");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la réponse de Claire ISNARD" + tag)).click();
			page.getByLabel("Réponse de Claire HUGUES" + tag, new Page.GetByLabelOptions().setExact(true)).selectOption("PROXY");
			page.getByLabel("Procuration de Claire HUGUES" + tag + " à").selectOption(new SelectOption().setLabel("Claire GIRAUD" + tag));
			page.getByRole(AriaRole.BUTTON, named("Enregistrer la réponse de Claire HUGUES" + tag)).click();
			assertThat(page.locator("#invites tbody tr").nth(1).locator("td").first()).containsText("HUGUES" + tag);
			assertThat(page.locator("#invites tbody tr").nth(1).locator("td").nth(1).locator("span").first()).hasText("procuration à Claire GIRAUD" + tag);

			// attendance: only the president comes; 1 present + 1 represented of 3 → quorum 2 reached
			page.getByLabel("Claire GIRAUD" + tag + " présent").check();
			page.getByRole(AriaRole.BUTTON, named("Enregistrer les présences")).click();
			assertThat(page.locator("#quorum")).containsText("1 présent(s) et 1 représenté(s) sur 3 votant(s) ; quorum : 2. Le quorum est atteint.");

			// a resolution and a vote by proxy
			page.getByLabel("Nouvelle délibération").fill("Le plan d'action 2027 est adopté.");
			page.getByRole(AriaRole.BUTTON, named("Ajouter la délibération")).click();
			page.getByLabel("Votant pour la délibération 1").selectOption(new SelectOption().setLabel("Claire HUGUES" + tag));
			page.getByLabel("Vote pour la délibération 1").selectOption("POUR");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le vote")).click();
			assertThat(page.getByText("Vote enregistré.")).isVisible();
			page.getByLabel("Votant pour la délibération 1").selectOption(new SelectOption().setLabel("Claire HUGUES" + tag));
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le vote")).click();
			assertThat(page.getByText("La voix de Claire HUGUES" + tag + " est déjà comptée")).isVisible();
			assertThat(page.locator(".resolution .votes")).containsText("Pour : 1, contre : 0, abstention : 0 – adoptée");
			Browser.screenshot(page, "association-meeting");

			// the minutes, published
			page.getByLabel("Texte du procès-verbal").fill("Le conseil adopte le plan d'action.");
			page.getByRole(AriaRole.BUTTON, named("Publier aux invités (PDF par e-mail)")).click();
			assertThat(page.getByText("Procès-verbal publié et envoyé à")).isVisible();
		}

		// gp2, invited by name and represented, reads the minutes from "Mon adhésion"; the treasurer finds her receipt there
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nursePerson.email(), nursePerson.password());
			page.navigate(base + "/adhesion");
			assertThat(page.locator(".mes-recus")).containsText("Reçu n° " + year + "-0001");
			// as the council's treasurer she writes to the council
			page.navigate(base + "/cpts/" + cpts + "/instances");
			page.getByRole(AriaRole.LINK, named("Conseil d'administration")).click();
			page.getByRole(AriaRole.BUTTON, named("Écrire à l'instance")).click();
			assertThat(page.locator("h1")).hasText("Conseil d'administration");
			page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("Le budget est prêt pour le conseil.");
			page.getByRole(AriaRole.BUTTON, named("Envoyer")).click();
			assertThat(page.getByText("Le budget est prêt pour le conseil.")).isVisible();
		}
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp2Person.email(), gp2Person.password());
			Browser.menu(page, "Association", "Mon adhésion");
			assertThat(page.locator(".mes-recus")).containsText("Aucun paiement.");
			page.getByRole(AriaRole.LINK, named("Conseil de décembre")).click();
			assertThat(page.locator("#pv")).containsText("Le conseil adopte le plan d'action.");
			assertThat(page.locator("#pv-pdf")).isVisible();
			assertThat(page.locator("#quorum")).containsText("Le quorum est atteint.");
		}
	}
}
