package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.pathways.Ruptures;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 004's therapeutic education, in the browser: the coordinator creates a diabetes programme
 * with its ARS authorisation and a team of two (an authorisation ending before it starts refused
 * first, what was typed kept); the nurse of the team enrols a patient (consent forgotten first),
 * whose educational path is a care pathway; she marks the shared assessment done, plans today's
 * workshop and takes attendance on a phone, which marks the patient's first workshop done; the
 * year's counts follow. The coordinator, not in the team, sees the programme and its counts but
 * neither the patient nor their pathway; a professional outside the team neither; reads audited.
 */
@IntegrationTest
class EtpBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ruptures ruptures;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void aDiabetesProgrammeEnrolsFollowsAndCountsItsPatientsForItsTeamOnly() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		People.Person outsider = People.invite(admin, cpts, "MEMBER");
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		UUID nurseId = Gps.practitioner(jdbc, "ROUX" + tag, "60", "Infirmier", "", "04112", "Manosque");
		UUID gpId = Gps.create(jdbc, "BLANC" + tag, "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(nurse.email()).orElseThrow(), nurseId);
		Gps.link(jdbc, accounts.userIdByEmail(gp.email()).orElseThrow(), gpId);
		Gps.link(jdbc, accounts.userIdByEmail(outsider.email()).orElseThrow(),
				Gps.practitioner(jdbc, "MOREL" + tag, "21", "Pharmacien", "", "04112", "Manosque"));
		String base = "http://127.0.0.1:" + port;
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		String programmeUrl;

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Soins et gardes", "Éducation thérapeutique");
			assertThat(page.getByText("Aucun programme d'éducation thérapeutique")).isVisible();
			page.getByText("Nouveau programme").click();
			page.locator("#etp-title").fill("Bien vivre avec son diabète");
			page.locator("#etp-disease").fill("Diabète de type 2");
			page.locator("#etp-ars").fill("ETP-04-2025-017");
			page.locator("#etp-from").fill(today.minusYears(1).toString());
			page.locator("#etp-until").fill(today.minusYears(2).toString());
			page.locator("#etp-team").selectOption(new String[] {nurseId.toString(), gpId.toString()});
			page.getByRole(AriaRole.BUTTON, named("Créer le programme")).click();
			assertThat(page.locator("#authorisedUntil-erreur")).containsText("La fin de l'autorisation doit suivre son début");
			assertThat(page.locator("#etp-title")).hasValue("Bien vivre avec son diabète");
			assertThat(page.locator("#etp-team option:checked")).hasCount(2);
			page.locator("#etp-until").fill(today.plusYears(3).toString());
			page.getByRole(AriaRole.BUTTON, named("Créer le programme")).click();
			assertThat(page.getByText("Le programme « Bien vivre avec son diabète » est créé.")).isVisible();
			assertThat(page.locator("#equipe")).containsText("ROUX" + tag);
			assertThat(page.locator("#equipe")).containsText("BLANC" + tag);
			assertThat(page.getByText("Seule l'équipe du programme voit ses participants.")).isVisible();
			programmeUrl = page.url();
		}

		String enrolmentUrl;
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate(programmeUrl);
			page.getByRole(AriaRole.BUTTON, named("Inclure un patient")).click();
			page.getByLabel("Inclus le").fill(today.minusWeeks(2).toString());
			page.getByLabel("Nom de naissance").fill("GARCIN");
			page.getByLabel("Prénoms").fill("Marcel");
			page.getByLabel("Date de naissance").fill("1958-06-21");
			page.getByLabel("Sexe").selectOption("M");
			page.getByLabel("Commune de résidence").fill("04112");
			page.getByRole(AriaRole.BUTTON, named("Inclure dans le programme")).click();
			assertThat(page.getByText("Le consentement du patient est obligatoire")).isVisible();
			assertThat(page.getByLabel("Nom de naissance")).hasValue("GARCIN");
			page.getByText("Le patient a été informé et accepte de participer au programme").click();
			page.getByRole(AriaRole.BUTTON, named("Inclure dans le programme")).click();
			assertThat(page.getByText("Le patient est inclus : voici son parcours éducatif.")).isVisible();
			enrolmentUrl = page.url();
			// the educational path: the shared assessment, four workshops, an individual session if needed, the final evaluation
			assertThat(page.locator("#calendrier li")).hasCount(7);
			assertThat(page.locator("#calendrier li", new Page.LocatorOptions().setHasText("Atelier collectif"))).hasCount(4);
			assertThat(page.locator("#cercle")).containsText("ROUX" + tag);
			assertThat(page.locator("#cercle")).containsText("BLANC" + tag);
			Locator assessment = page.locator("#calendrier li", new Page.LocatorOptions().setHasText("Bilan éducatif partagé initial"));
			assessment.locator("input[name=date]").fill(today.minusWeeks(2).toString());
			assessment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fait").setExact(true)).click();
			assertThat(page.getByText("Étape faite")).isVisible();

			page.navigate(programmeUrl);
			page.getByText("Programmer une séance collective").click();
			page.locator("#session-title").fill("Atelier : l'alimentation au quotidien");
			page.locator("#session-day").fill(today.toString());
			page.locator("#session-start").fill("14:00");
			page.locator("#session-end").fill("13:00");
			page.locator("#session-place").fill("Maison de santé, salle de réunion");
			page.getByRole(AriaRole.BUTTON, named("Programmer la séance")).click();
			assertThat(page.locator("#endTime-erreur")).containsText("La séance doit finir après son début");
			assertThat(page.locator("#session-title")).hasValue("Atelier : l'alimentation au quotidien");
			page.locator("#session-end").fill("16:00");
			page.getByRole(AriaRole.BUTTON, named("Programmer la séance")).click();
			assertThat(page.getByText("est programmée")).isVisible();
		}

		// attendance at the door, on a phone
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate(programmeUrl);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Atelier : l'alimentation au quotidien")).click();
			page.getByText("Marcel GARCIN").click();
			page.getByRole(AriaRole.BUTTON, named("Enregistrer les présences")).click();
			assertThat(page.getByText("1 présent(s) enregistré(s)")).isVisible();
			assertThat(page.getByLabel("Marcel GARCIN")).isChecked();
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
			Browser.screenshot(page, "etp-presences-telephone");
			page.navigate(enrolmentUrl);
			assertThat(page.locator("#calendrier li.done")).hasCount(2);
			assertThat(page.locator("#calendrier li.done", new Page.LocatorOptions().setHasText("Atelier collectif"))).containsText("alimentation");
		}

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate(programmeUrl);
			Locator row = page.locator("#liste-participants tr", new Page.LocatorOptions().setHasText("Marcel GARCIN"));
			assertThat(row.locator("td").nth(2)).hasText("1");
			assertThat(page.locator("#bilan-annee")).containsText("Patients inclus");
			assertThat(page.locator("#bilan-annee tr", new Page.LocatorOptions().setHasText("Patients inclus")).locator("td")).hasText(
					today.minusWeeks(2).getYear() == today.getYear() ? "1" : "0");
			assertThat(page.locator("#bilan-annee tr", new Page.LocatorOptions().setHasText("Présences aux séances collectives")).locator("td")).hasText("1");
			assertThat(page.locator("#bilan-annee tr", new Page.LocatorOptions().setHasText("Séances collectives tenues")).locator("td")).hasText("1");
			Browser.screenshot(page, "etp-programme");
		}

		// not in the team: the coordinator sees the programme and its counts, never the patient
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(programmeUrl);
			assertThat(page.locator("#bilan-annee tr", new Page.LocatorOptions().setHasText("Présences aux séances collectives")).locator("td")).hasText("1");
			assertThat(page.getByText("GARCIN")).hasCount(0);
			assertThat(page.navigate(enrolmentUrl).status()).isEqualTo(404);
			assertThat(page.navigate(programmeUrl + "/inclure").status()).isEqualTo(404);
			page.navigate(base + "/cpts/" + cpts + "/parcours");
			assertThat(page.getByText("GARCIN")).hasCount(0);
		}
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, outsider.email(), outsider.password());
			page.navigate(programmeUrl);
			assertThat(page.getByText("GARCIN")).hasCount(0);
			assertThat(page.navigate(enrolmentUrl).status()).isEqualTo(404);
		}

		UUID nurseUser = accounts.userIdByEmail(nurse.email()).orElseThrow();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action = 'prevention.etp.participants.read'").param("u", nurseUser)
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action = 'patient.list' and details like 'éducation thérapeutique%'")
			.param("u", nurseUser).query(Long.class).single()).isPositive();
		UUID coordinatorUser = accounts.userIdByEmail(coordinator.email()).orElseThrow();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action in ('patient.read', 'patient.list', 'pathway.enrolment.read')")
			.param("u", coordinatorUser).query(Long.class).single()).isZero();
	}
}
