package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a hurried or unlucky coordinator may send: each gets a clear French answer, no 500, nothing saved. */
@IntegrationTest
class BadInputBrowserTest {

	@LocalServerPort
	int port;

	BrowserContext context;
	Page page;
	Api admin;
	String cpts;

	@BeforeEach
	void open() {
		admin = new Api(port, TestData.ADMIN_TOKEN);
		cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112", "04088")).status()).isEqualTo(200);
		context = Browser.newContext();
		page = context.newPage();
		page.navigate(url("/connexion"));
		page.getByLabel("Adresse e-mail").fill(TestData.ADMIN_EMAIL);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(TestData.ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		page.navigate(url("/cpts/" + cpts + "/territoire/modifier"));
	}

	@AfterEach
	void close(org.junit.jupiter.api.TestInfo info) {
		Browser.screenshot(page, "saisie-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
		context.close();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	void upload(String name, String mime, byte[] content) {
		page.getByLabel("Ou un fichier texte ou CSV").setInputFiles(new FilePayload(name, mime, content));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir l'aperçu")).first().click();
	}

	void territoryIsUnchanged() {
		assertThat(admin.get("/api/v1/cpts/" + cpts + "/territory").json().get("communeCount").asInt()).isEqualTo(2);
	}

	@Test
	void tenThousandLinesOfGarbageAreReportedAndCannotBeSaved() {
		Random random = new Random(7);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			for (int j = 0; j < 10; j++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			text.append(" ").append(random.nextInt(1000)).append('\n');
		}
		upload("n-importe-quoi.txt", "text/plain", text.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(page.locator("#apercu-non-reconnues")).hasText(Pattern.compile("10\\s000"));
		assertThat(page.locator("#apercu-resolues")).hasText("0");
		assertThat(page.getByText(Pattern.compile("… et 9\\s500 autres lignes non reconnues"))).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();
		assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Des lignes ne sont pas reconnues");
		// nothing was lost on the way: the 10,000 lines are all still there
		assertThat(page.locator("#apercu-non-reconnues")).hasText(Pattern.compile("10\\s000"));
		territoryIsUnchanged();
	}

	@Test
	void aBinaryFileIsRefusedWithTheTypedTextKept() {
		page.getByLabel("Liste des communes").fill("Manosque");
		byte[] binary = new byte[50_000];
		new Random(3).nextBytes(binary);
		binary[10] = 0;
		upload("photo.jpg", "image/jpeg", binary);
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("n'est pas un fichier texte");
		assertThat(page.getByLabel("Liste des communes")).hasValue("Manosque");
		territoryIsUnchanged();
	}

	@Test
	void aTwentyMegabyteUploadIsRefusedWithTheLimit() {
		byte[] big = new byte[20 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		upload("enorme.txt", "text/plain", big);
		assertThat(page.getByText("la limite est de 5 Mo")).isVisible();
		territoryIsUnchanged();
	}

	@Test
	void aListWhereEveryLineIsAmbiguousAsksForEveryChoice() {
		page.getByLabel("Liste des communes").fill("Villeneuve\nSaint-Martin\nLe Castellet\nBeaumont");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir l'aperçu")).first().click();
		assertThat(page.locator("#apercu-ambigues")).hasText("4");
		assertThat(page.locator("#apercu-resolues")).hasText("0");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();
		assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Choisissez une commune");
		territoryIsUnchanged();
		// choosing every line, some "do not include", saves exactly the choices
		page.locator("#ligne-1").getByText("(Alpes-de-Haute-Provence, 04242").click();
		page.locator("#ligne-2").getByText("Ne pas inclure").click();
		page.locator("#ligne-3").getByText("(Var, 83035").click();
		page.locator("#ligne-4").getByText("Ne pas inclure").click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();
		assertThat(page.locator("#total-communes")).hasText("2");
		var codes = admin.get("/api/v1/cpts/" + cpts + "/territory").json().get("communes").findValuesAsString("inseeCode");
		assertThat(codes).containsExactlyInAnyOrder("04242", "83035");
	}

	@Test
	void communeByCommuneWithTheAutocomplete() {
		page.getByLabel("Chercher une commune (nom, code INSEE ou code postal)").pressSequentially("forcal", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(page.locator("#commune-suggestions option[value='04088']")).hasCount(1);
		page.getByLabel("Chercher une commune (nom, code INSEE ou code postal)").fill("04018");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter à la liste")).click();
		assertThat(page.locator("#ajouts")).hasValue("04018");
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Forcalquier (04088)")).uncheck();
		page.locator("form", new Page.LocatorOptions().setHas(page.locator("#ajouts")))
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Voir l'aperçu")).click();
		assertThat(page.locator("#apercu-resolues")).hasText("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();
		var codes = admin.get("/api/v1/cpts/" + cpts + "/territory").json().get("communes").findValuesAsString("inseeCode");
		assertThat(codes).containsExactlyInAnyOrder("04112", "04018");
	}

	@Test
	void theAuditLogShowsWhatWasDoneAndFiltersIt() {
		page.navigate(url("/audit?action=cpts.created"));
		assertThat(page.locator("#journal tbody tr").first()).containsText("CPTS créée");
		assertThat(page.locator("#journal tbody tr").first()).containsText(TestData.ADMIN_EMAIL);
		var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Exporter en CSV")).click());
		assertThat(download.suggestedFilename()).isEqualTo("journal-audit.csv");
	}

	@Test
	void anUnknownPageIsAFrench404() {
		page.navigate(url("/cpts-qui-n-existe-pas"));
		assertThat(page.getByRole(AriaRole.HEADING)).containsText("404");
		assertThat(page.getByText("n'existe pas, ou vous n'y avez pas accès")).isVisible();
		page.navigate(url("/cpts/" + java.util.UUID.randomUUID()));
		assertThat(page.getByRole(AriaRole.HEADING)).containsText("404");
	}
}
