package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.SecondNode;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database and no sticky sessions: a person signs in through node A and goes on
 * through node B with the same cookie, forms and their CSRF tokens alternating between the nodes;
 * reference data changed through one node reaches the other without a restart.
 */
@IntegrationTest
class TwoNodesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	static SecondNode nodeB;

	SecondNode nodeB() throws Exception {
		if (nodeB == null) {
			nodeB = SecondNode.start(dataSource, "node-b", "two-nodes-b");
		}
		return nodeB;
	}

	@AfterAll
	static void stopNodeB() throws InterruptedException {
		if (nodeB != null) {
			nodeB.kill();
		}
	}

	@Test
	void signedInThroughNodeAAPersonWorksThroughNodeBWithTheSameCookie() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		String a = "http://127.0.0.1:" + port;
		String b = "http://127.0.0.1:" + nodeB().port();
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, member.email(), member.password());

			// node B knows the session: a form it renders, posted to it
			page.navigate(b + "/compte");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
			page.getByLabel("Nom du jeton").fill("jeton par B");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un jeton")).click();
			assertThat(page.locator("#nouveau-jeton")).isVisible();

			// a CSRF token of a page rendered by node A, accepted by node B
			page.navigate(a + "/compte");
			String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
			APIResponse posted = page.request().post(b + "/compte/jetons", RequestOptions.create().setMaxRedirects(0)
				.setForm(FormData.create().set("_csrf", csrf).set("name", "jeton par A puis B").set("days", "30")));
			assertThat(posted.status()).as("not refused for its CSRF token").isEqualTo(302);

			// back on node A: both tokens, then signed out through B, signed out on A
			page.navigate(a + "/compte");
			assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("jeton par B").setExact(true))).isVisible();
			assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("jeton par A puis B").setExact(true))).isVisible();
			page.navigate(b + "/compte");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
			page.navigate(a + "/compte");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/connexion.*"));
		}
	}

	@Test
	void aReferencePackagePreviewedThroughNodeAIsConfirmedThroughNodeB() throws Exception {
		String b = "http://127.0.0.1:" + nodeB().port();
		var dir = TestData.shared().resolve("data/reference/etalab-decoupage-administratif-6.0.0");
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD);
			page.navigate("http://127.0.0.1:" + port + "/administration/reference");
			for (String file : new String[] { "communes.json", "epci.json", "departements.json", "regions.json" }) {
				page.getByLabel(file).setInputFiles(dir.resolve(file));
			}
			page.locator("form", new Page.LocatorOptions().setHas(page.getByLabel("communes.json")))
				.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Voir l'aperçu")).click();
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remplacer le référentiel"))).isVisible();
			assertThat(jdbc.sql("select count(*) from reference_pending").query(Long.class).single()).as("the preview waits in the database").isEqualTo(1);

			// the confirmation, rendered by node A, lands on node B
			String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
			APIResponse confirmed = page.request().post(b + "/administration/reference/paquet/confirmer",
				RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)));
			assertThat(confirmed.status()).isEqualTo(302);
			page.navigate(b + "/administration/reference");
			assertThat(page.getByText(java.util.regex.Pattern.compile("Référentiel remplacé : 34\\s969 communes"))).isVisible();
			assertThat(jdbc.sql("select count(*) from reference_pending").query(Long.class).single()).as("forgotten once applied").isZero();

			// a second confirmation finds nothing to apply
			page.request().post(b + "/administration/reference/paquet/confirmer",
				RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)));
			page.navigate("http://127.0.0.1:" + port + "/administration/reference");
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("expiré");
		}
	}

	@Test
	void referenceDataChangedThroughOneNodeReachesTheOther() throws Exception {
		// Gap has no coordinates in the shipped data, and no other test places it
		SecondNode b = nodeB();
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		Api throughB = new Api(b.port(), TestData.ADMIN_TOKEN);
		// node B's own index of the communes, as its autocomplete and distances read it
		assertThat(throughB.get("/api/v1/communes?q=05061").json().get(0).get("latitude").isNull()).as("no coordinates yet on node B").isTrue();
		Api.Response placed = admin.postBytes("/api/v1/reference/coordinates", "code_insee,nom,latitude,longitude\n05061,Gap,44.5594,6.0786\n"
			.getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(placed.status()).as(placed.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(throughB.get("/api/v1/communes?q=05061").json().get(0).get("latitude")
			.asDouble()).as("node B refreshed its reference data without a restart").isEqualTo(44.5594));
	}
}
