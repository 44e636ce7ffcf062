package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A kinésithérapeute of the territory applies for membership from the CPTS's public page (a wrong
 * e-mail first: what was typed is kept), is told it was received; the coordinator finds the
 * application, looks the applicant up in the directory by RPPS and registers them; the applicant
 * is welcomed by e-mail with their college.
 */
@IntegrationTest
class MembershipApplicationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void aProfessionalAppliesAndTheCoordinatorRegistersThem() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		String slug = jdbc.sql("select slug from cpts where id = :id").param("id", UUID.fromString(cpts)).query(String.class).single();
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		String rpps = "9" + String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000L));
		UUID kine = Gps.practitioner(jdbc, "BONNET" + tag, "70", "Masseur-Kinésithérapeute", "", "04112", "Manosque");
		jdbc.sql("update practitioner set national_id = :n, id_kind = 'RPPS', search_text = search_text || ' ' || :r where id = :id")
			.param("n", "8" + rpps).param("r", rpps).param("id", kine).update();
		String email = "bonnet-" + tag.toLowerCase() + "@kine.example.org";
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			page.navigate(base + "/" + slug);
			page.getByRole(AriaRole.BUTTON, named("Demander à adhérer")).click();
			page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("BONNET" + tag);
			page.getByLabel("Prénom", new Page.GetByLabelOptions().setExact(true)).fill("Claire");
			page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill("claire.bonnet");
			page.getByLabel("Profession", new Page.GetByLabelOptions().setExact(true)).fill("Kinésithérapeute");
			page.getByLabel("N° RPPS (facultatif)").fill(rpps);
			page.getByRole(AriaRole.BUTTON, named("Demander à adhérer")).click();
			assertThat(page.getByText("La demande n'est pas envoyée")).isVisible();
			assertThat(page.getByText("Indiquez une adresse e-mail valide")).isVisible();
			assertThat(page.locator("#adherer input[name=rpps]")).hasValue(rpps);
			page.locator("#adherer input[name=email]").fill(email);
			page.getByRole(AriaRole.BUTTON, named("Demander à adhérer")).click();
			assertThat(page.getByText("Votre demande est envoyée")).isVisible();
		}
		assertThat(Mail.awaitSubject(email, "Votre demande d'adhésion")).isNotNull();

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts + "/adherents");
			assertThat(page.locator(".application")).containsText("BONNET" + tag);
			page.getByRole(AriaRole.BUTTON, named("Trouver dans l'annuaire pour l'inscrire")).click();
			page.getByRole(AriaRole.BUTTON, named("Inscrire Claire BONNET" + tag)).click();
			assertThat(page.getByText("Adhérent inscrit.")).isVisible();
			assertThat(page.locator(".application")).hasCount(0);
			assertThat(page.locator("#adherents tbody tr", new Page.LocatorOptions().setHasText("BONNET" + tag))).containsText("Masseurs-kinésithérapeutes");
		}
		assertThat(Mail.awaitSubject(email, "Bienvenue")).isNotNull();
		assertThat(jdbc.sql("select status from membership_application where email = :e").param("e", email).query(String.class).single())
			.isEqualTo("ACCEPTED");
	}
}
