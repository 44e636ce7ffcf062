package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.missions.internal.IndicatorSources;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pharmacist says she offers prevention consultations at two key ages (none ticked is explained,
 * what was typed kept) and how many she did last month; an inhabitant, on a phone and without an
 * account, finds her from the CPTS's public page by the name of the commune; the count feeds the
 * CPTS's indicator.
 */
@IntegrationTest
class ConsultationFinderBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	IndicatorSources sources;

	@Test
	void aPharmacistOffersAndAnInhabitantFindsHer() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112"));
		People.Person pharmacist = People.invite(admin, cpts, "MEMBER");
		String name = "OFFICINE" + TestData.unique("").substring(1, 6).toUpperCase();
		UUID practitioner = Gps.practitioner(jdbc, name, "21", "Pharmacien", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(pharmacist.email()).orElseThrow(), practitioner);
		String base = "http://127.0.0.1:" + port;
		String lastMonth = YearMonth.now(java.time.ZoneId.of("Europe/Paris")).minusMonths(1).toString();

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, pharmacist.email(), pharmacist.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Soins et gardes", "Mon bilan prévention (mon offre)");
			assertThat(page.locator("#offer-commune")).hasValue("04112");
			page.getByLabel("Comment prendre rendez-vous").fill("Sur rendez-vous au comptoir, le mardi et le jeudi après-midi");
			page.getByLabel("Téléphone").fill("04 92 00 11 22");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon offre")).click();
			assertThat(page.locator("#ages-erreur")).containsText("Cochez au moins un des âges clés");
			assertThat(page.getByLabel("Comment prendre rendez-vous")).hasValue("Sur rendez-vous au comptoir, le mardi et le jeudi après-midi");
			page.getByLabel("45-50 ans").check();
			page.getByLabel("60-65 ans").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon offre")).click();
			assertThat(page.getByText("Votre offre est enregistrée")).isVisible();
			assertThat(page.locator("#offre-active")).isVisible();
			page.locator("#offer-month").fill(lastMonth);
			page.locator("#offer-done").fill("7");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le mois")).click();
			assertThat(page.locator("#mois-faits")).containsText(lastMonth + " : 7");
		}

		try (BrowserContext phone = Browser.newPhoneContext()) {
			Page page = phone.newPage();
			String slug = admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString();
			page.navigate(base + "/" + slug);
			page.locator("#lien-bilan-prevention").click();
			page.getByLabel("Ma commune (nom ou code INSEE)").fill("Manosque");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
			assertThat(page.locator("#resultat-recherche")).containsText("près de Manosque");
			var offer = page.locator("article.offer", new Page.LocatorOptions().setHasText(name));
			assertThat(offer).containsText("45-50, 60-65");
			assertThat(offer).containsText("04 92 00 11 22");
			assertThat(offer).containsText("0 km");
			Browser.screenshot(page, "bilan-prevention-recherche");
		}

		// the public API, and the CPTS's indicator for last month
		var found = new Api(port, null).get("/api/v1/prevention/consultations?near=04112&radiusKm=10").json();
		assertThat(found.valueStream().anyMatch(f -> f.get("offer").get("name").asString().contains(name))).isTrue();
		assertThat(new Api(port, null).get("/api/v1/prevention/consultations?near=99999").status()).isEqualTo(400);
		LocalDate from = YearMonth.parse(lastMonth).atDay(1);
		assertThat(sources.measure(UUID.fromString(cpts), from, from.plusMonths(1)).get("prevention.consultations").numerator())
			.isEqualByComparingTo("7");
	}
}
