package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.maillage.accounts.Accounts;
import fr.maillage.pathways.Enrolments;
import fr.maillage.pathways.Ruptures;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds 002 and 004's hospital discharge, in the browser: the coordinator adds the examples and
 * builds a template (a loop of anchors refused first); a GP enrols a patient discharged ten days
 * ago (consent forgotten first) with the home nurse in the circle; the nurse, on a phone, marks the
 * late visit done; the morning job finds the two steps left undone and the GP is alerted; a
 * professional outside the circle cannot open the patient's page.
 */
@IntegrationTest
class PathwayBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ruptures ruptures;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void aDischargeFollowedByItsCircleFromTemplateToRupture() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		People.Person outsider = People.invite(admin, cpts, "MEMBER");
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		UUID gpId = Gps.create(jdbc, "GIRAUD" + tag, "04112", "Manosque");
		UUID nurseId = Gps.practitioner(jdbc, "FABRE" + tag, "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(gp.email()).orElseThrow(), gpId);
		Gps.link(jdbc, accounts.userIdByEmail(nurse.email()).orElseThrow(), nurseId);
		Gps.link(jdbc, accounts.userIdByEmail(outsider.email()).orElseThrow(),
				Gps.practitioner(jdbc, "VIAL" + tag, "21", "Pharmacien", "", "04112", "Manosque"));
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Parcours de soins").setExact(true)).click();
			page.getByRole(AriaRole.BUTTON, named("Ajouter les modèles d'exemple")).click();
			assertThat(page.getByText("Modèles d'exemple ajoutés")).isVisible();
			assertThat(page.locator("#modeles li")).hasCount(2);
			page.getByRole(AriaRole.BUTTON, named("Nouveau modèle de parcours")).click();
			page.getByLabel("Nom du parcours").fill("Diabète – suivi partagé");
			page.getByLabel("Étape 1", new Page.GetByLabelOptions().setExact(true)).fill("Consultation du médecin");
			page.getByLabel("À partir de 1").selectOption(new SelectOption().setLabel("l'étape 2 (e2)"));
			page.getByLabel("Étape 2", new Page.GetByLabelOptions().setExact(true)).fill("Examen des pieds");
			page.getByLabel("À partir de 2").selectOption(new SelectOption().setLabel("l'étape 1 (e1)"));
			page.getByLabel("Après 2").fill("6");
			page.getByLabel("Unité 2").selectOption("MONTHS");
			page.getByLabel("Puis tous les 2").fill("12");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le modèle (nouvelle version)")).click();
			assertThat(page.getByText("en boucle : Consultation du médecin → Examen des pieds → Consultation du médecin")).isVisible();
			assertThat(page.getByLabel("Étape 2", new Page.GetByLabelOptions().setExact(true))).hasValue("Examen des pieds");
			page.getByLabel("À partir de 1").selectOption(new SelectOption().setLabel("l'inclusion"));
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le modèle (nouvelle version)")).click();
			assertThat(page.getByText("Modèle enregistré (version 1)")).isVisible();
			Browser.screenshot(page, "parcours-modele");
		}

		String discharge = jdbc.sql("select id from pathway_template where cpts_id = :c and name like 'Sortie%'").param("c", UUID.fromString(cpts))
			.query(UUID.class).single().toString();
		LocalDate discharged = LocalDate.now(Enrolments.PARIS).minusDays(10);
		String enrolmentUrl;
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate(base + "/cpts/" + cpts + "/parcours/inclure?modele=" + discharge);
			page.getByLabel("Date d'inclusion").fill(discharged.toString());
			page.getByLabel("Nom de naissance").fill("ARNAUD");
			page.getByLabel("Prénoms").fill("Lucienne");
			page.getByLabel("Date de naissance").fill("1941-03-09");
			page.getByLabel("Sexe").selectOption("F");
			page.getByLabel("Commune de résidence").fill("04112");
			page.getByLabel("Professionnel 1").selectOption(nurseId.toString());
			page.getByRole(AriaRole.BUTTON, named("Inclure le patient")).click();
			assertThat(page.getByText("Le consentement du patient est obligatoire")).isVisible();
			assertThat(page.getByLabel("Nom de naissance")).hasValue("ARNAUD");
			page.getByText("Le patient accepte d'être suivi").click();
			page.getByRole(AriaRole.BUTTON, named("Inclure le patient")).click();
			assertThat(page.getByText("Patient inclus")).isVisible();
			assertThat(page.locator("#calendrier li")).hasCount(3);
			assertThat(page.locator("#cercle")).containsText("FABRE" + tag);
			assertThat(page.locator("#cercle")).containsText("GIRAUD" + tag);
			enrolmentUrl = page.url();
			// the discharge letter is missing: asked in the circle's conversation
			page.getByRole(AriaRole.BUTTON, named("Demander le compte rendu de sortie")).click();
			assertThat(page.locator("#fil article")).containsText("Le compte rendu d'hospitalisation de la sortie du");
		}

		// the nurse, on a phone: the late visit is in this week's tasks; done in one tap
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate(base + "/taches");
			Locator task = page.locator("#taches li", new Page.LocatorOptions().setHasText("Visite infirmière"));
			assertThat(task).containsText("Lucienne ARNAUD");
			assertThat(task).containsText("en retard");
			task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fait aujourd'hui")).click();
			assertThat(page.getByText("Étape faite")).isVisible();
			assertThat(page.locator("#taches li", new Page.LocatorOptions().setHasText("Visite infirmière"))).hasCount(0);
			Browser.screenshot(page, "parcours-taches-telephone");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
		}

		// the circle's conversation: the nurse writes, the GP sees it live; nobody else may open it
		String conversationUrl;
		try (BrowserContext gpContext = Browser.newContext(); BrowserContext nurseContext = Browser.newContext()) {
			Page g = gpContext.newPage();
			Browser.login(g, port, gp.email(), gp.password());
			g.navigate(enrolmentUrl);
			g.getByRole(AriaRole.BUTTON, named("Écrire au cercle de soins")).click();
			assertThat(g.getByRole(AriaRole.HEADING, named("Cercle de soins – Sortie d'hospitalisation"))).isVisible();
			conversationUrl = g.url();
			Page n = nurseContext.newPage();
			Browser.login(n, port, nurse.email(), nurse.password());
			n.navigate(enrolmentUrl);
			n.getByRole(AriaRole.BUTTON, named("Écrire au cercle de soins")).click();
			assertThat(n).hasURL(conversationUrl);
			n.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("Pansement refait, la plaie est propre.");
			n.getByRole(AriaRole.BUTTON, named("Envoyer")).click();
			assertThat(g.locator("#fil article").last()).containsText("Pansement refait, la plaie est propre.");
		}

		// the morning job: the GP's consultation and the medication review are past their date
		ruptures.run();
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate(base + "/notifications");
			assertThat(page.getByText("2 étape(s) de parcours en retard").first()).isVisible();
			page.navigate(enrolmentUrl);
			assertThat(page.locator("#calendrier li.overdue")).hasCount(2);
			assertThat(page.locator("#calendrier li.done")).hasCount(1);
			Browser.screenshot(page, "parcours-patient");
		}

		// outside the circle: the page does not exist
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, outsider.email(), outsider.password());
			assertThat(page.navigate(enrolmentUrl).status()).isEqualTo(404);
			assertThat(page.navigate(conversationUrl).status()).isEqualTo(404);
			assertThat(page.getByText("ARNAUD")).hasCount(0);
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts + "/parcours");
			assertThat(page.locator("#ruptures tbody tr")).hasCount(2);
			page.getByRole(AriaRole.BUTTON, named("Indicateurs")).click();
			assertThat(page.locator("#par-parcours tr", new Page.LocatorOptions().setHasText("Sortie d'hospitalisation"))).containsText("1");
			// the patient is back in hospital: the coordinator ends the pathway, what was still due is cancelled
			page.navigate(enrolmentUrl);
			page.getByText("Arrêter le parcours").first().click();
			page.getByLabel("Pourquoi ?").fill("Réhospitalisé le " + LocalDate.now(Enrolments.PARIS));
			page.locator("form[action$='/fin'] button").click();
			assertThat(page.getByText("Parcours arrêté")).isVisible();
			assertThat(page.locator("#calendrier li.cancelled")).hasCount(2);
		}
	}

	@Test
	void aMemberRunsTheChildInDangerDecisionTreeOnAPhone() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		String base = "http://127.0.0.1:" + port;
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts + "/parcours");
			page.getByRole(AriaRole.BUTTON, named("Logigrammes")).click();
			page.getByRole(AriaRole.BUTTON, named("Ajouter l'exemple « enfant en danger »")).click();
			assertThat(page.getByText("Logigramme d'exemple ajouté")).isVisible();
			// an answer added to an outcome is refused, what was typed stays
			page.getByLabel("Réponses (« Oui -> code »)").nth(2).fill("Retour -> danger");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer le logigramme (nouvelle version)")).click();
			assertThat(page.getByText("une conduite à tenir termine le logigramme")).isVisible();
			assertThat(page.getByLabel("Réponses (« Oui -> code »)").nth(2)).hasValue("Retour -> danger");
		}
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate(base + "/cpts/" + cpts + "/logigrammes");
			page.getByRole(AriaRole.BUTTON, named("Parcourir")).click();
			assertThat(page.locator("#etape")).containsText("L'enfant est-il en danger immédiat");
			page.getByRole(AriaRole.BUTTON, named("Non")).click();
			page.getByRole(AriaRole.BUTTON, named("Oui")).click();
			assertThat(page.locator("#etape")).containsText("Transmettre une information préoccupante.");
			assertThat(page.locator("#contacts").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("119"))).isVisible();
			assertThat(page.locator("#chemin li")).hasCount(2);
			page.getByRole(AriaRole.BUTTON, named("Garder ce parcours du logigramme")).click();
			assertThat(page.getByText("Parcours du logigramme gardé.")).isVisible();
			Browser.screenshot(page, "logigramme-telephone");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
			var pdf = context.request().get(page.getByRole(AriaRole.LINK, named("Imprimer (PDF)")).getAttribute("href").startsWith("http")
					? page.getByRole(AriaRole.LINK, named("Imprimer (PDF)")).getAttribute("href")
					: base + page.getByRole(AriaRole.LINK, named("Imprimer (PDF)")).getAttribute("href"));
			assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		}
	}
}
