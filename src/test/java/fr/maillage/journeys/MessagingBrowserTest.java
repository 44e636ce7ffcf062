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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A nurse writes to a GP, who sees it arrive without reloading (unread counter, then the thread);
 * an urgent request for advice shows the nurse when the GP read it. Bad input and strangers get
 * nothing: an executable renamed .pdf, a megabyte of text, HTML shown as text, an outsider's
 * attempts by API and attachment link.
 */
@IntegrationTest
class MessagingBrowserTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	javax.sql.DataSource dataSource;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	@Test
	void aNurseWritesToAGpWhoSeesItLiveAndTheReadReceiptComesBack() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		try (BrowserContext nurseBrowser = Browser.newContext(); BrowserContext gpBrowser = Browser.newContext()) {
			Page g = gpBrowser.newPage();
			Browser.login(g, port, gp.email(), gp.password());
			g.navigate(url("/messages"));
			assertThat(g.getByText("Aucune conversation pour l'instant.")).isVisible();
			g.waitForTimeout(500); // the event stream opens after the page

			Page n = nurseBrowser.newPage();
			Browser.login(n, port, nurse.email(), nurse.password());
			n.navigate(url("/messages"));
			n.getByLabel("Adresse e-mail d'une personne de votre CPTS").fill(gp.email());
			n.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Écrire").setExact(true)).click();
			n.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("<b>Bonjour</b>, Mme R. sort de l'hôpital demain.");
			n.getByLabel("Pièces jointes", new Page.GetByLabelOptions().setExact(false))
				.setInputFiles(new FilePayload("ordonnance.pdf", "application/pdf", exe));
			n.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
			assertThat(n.getByText("« ordonnance.pdf » n'est pas un PDF", new Page.GetByTextOptions().setExact(false))).isVisible();
			assertThat(n.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))).hasValue("<b>Bonjour</b>, Mme R. sort de l'hôpital demain.");
			n.getByLabel("Pièces jointes", new Page.GetByLabelOptions().setExact(false))
				.setInputFiles(new FilePayload("../../Compte rendu.pdf", "application/octet-stream", pdf));
			n.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).dblclick(); // sent once
			assertThat(n.locator("#fil article")).hasCount(1);
			n.waitForTimeout(500);
			assertThat(n.locator("#fil article")).hasCount(1);

			// the GP's list shows it without reloading, then the thread shows the HTML as text
			assertThat(g.locator("#conversations .non-lus")).hasText("1");
			g.locator("#conversations a").first().click();
			assertThat(g.locator("#fil article").first()).containsText("<b>Bonjour</b>, Mme R. sort de l'hôpital demain.");
			assertThat(g.locator("#fil b")).hasCount(0);
			var download = g.waitForDownload(() -> g.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compte rendu.pdf")).click());
			assertThat(java.nio.file.Files.readAllBytes(download.path())).isEqualTo(pdf);
			String attachmentLink = g.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compte rendu.pdf")).getAttribute("href");

			// an urgent request for advice arrives live; the nurse sees when the GP has read it
			n.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("Décompensation probable : pouvez-vous la voir aujourd'hui ?");
			n.getByLabel("Demande d'avis urgente", new Page.GetByLabelOptions().setExact(false)).check();
			n.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
			assertThat(g.locator("#fil article.urgent-message")).containsText("Décompensation probable");
			assertThat(n.locator("#fil article.urgent-message .lu-par")).containsText("Lue par Personne MEMBER");
			assertThat(n.locator("#fil article").first().locator(".vu-par")).hasText("Lu par Personne MEMBER");
			Browser.screenshot(n, "messagerie");

			// strangers: another CPTS's member gets nothing by API or attachment link
			People.Person outsider = People.invite(admin, People.newCpts(admin), "MEMBER");
			String conversation = n.url().replaceAll(".*/messages/([0-9a-f-]{36}).*", "$1");
			Api outsiderApi = new Api(port, People.token(port, outsider));
			assertThat(outsiderApi.get("/api/v1/conversations/" + conversation + "/messages").status()).isEqualTo(404);
			assertThat(outsiderApi.post("/api/v1/conversations/" + conversation + "/messages", Map.of("body", "intrusion")).status()).isEqualTo(404);
			assertThat(outsiderApi.get("/api/v1/me/conversations?q=Bonjour").json().size()).isZero();
			try (BrowserContext outsiderBrowser = Browser.newContext()) {
				Page o = outsiderBrowser.newPage();
				Browser.login(o, port, outsider.email(), outsider.password());
				var response = o.navigate(url(attachmentLink));
				assertThat(response.status()).isEqualTo(404);
				assertThat(o.navigate(url("/messages/" + conversation)).status()).isEqualTo(404);
			}
			Api nurseApi = new Api(port, People.token(port, nurse));
			Api.Response huge = nurseApi.post("/api/v1/conversations/" + conversation + "/messages", Map.of("body", "x".repeat(1_000_000)));
			assertThat(huge.status()).isEqualTo(400);
			assertThat(huge.body()).contains("caractères au plus (celui-ci en a");
			assertThat(nurseApi.get("/api/v1/me/conversations?q=hopital").json().size()).as("search ignores accents").isEqualTo(1);
		}
	}

	@Test
	void whoLeftAGroupCanNeitherReadNorAnswer() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person a = People.invite(admin, cpts, "MEMBER");
		People.Person b = People.invite(admin, cpts, "MEMBER");
		Api aApi = new Api(port, People.token(port, a));
		Api bApi = new Api(port, People.token(port, b));
		Api.Response started = aApi.post("/api/v1/conversations", Map.of("title", "Groupe parcours santé mentale", "emails", java.util.List.of(b.email())));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String id = started.json().get("id").asString();
		assertThat(bApi.post("/api/v1/conversations/" + id + "/messages", Map.of("body", "Je suis là")).status()).isEqualTo(201);
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, b.email(), b.password());
			page.navigate(url("/messages/" + id));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quitter la conversation")).click();
			assertThat(page.getByText("Vous avez quitté la conversation.")).isVisible();
		}
		assertThat(bApi.post("/api/v1/conversations/" + id + "/messages", Map.of("body", "Encore moi")).status()).isEqualTo(404);
		assertThat(bApi.get("/api/v1/conversations/" + id + "/messages").status()).isEqualTo(404);
		assertThat(aApi.get("/api/v1/conversations/" + id + "/messages").json().get("messages").size()).isEqualTo(1);
	}

	@Test
	void aMessagePostedOnOneNodeAppearsLiveOnAnother() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		Api nurseOnA = new Api(port, People.token(port, nurse));
		String id = nurseOnA.post("/api/v1/conversations", Map.of("email", gp.email())).json().get("id").asString();
		try (fr.maillage.support.SecondNode nodeB = fr.maillage.support.SecondNode.start(dataSource, "node-b", "messaging-node-b");
				BrowserContext gpBrowser = Browser.newContext()) {
			Page g = gpBrowser.newPage();
			Browser.login(g, nodeB.port(), gp.email(), gp.password());
			g.navigate("http://127.0.0.1:" + nodeB.port() + "/messages/" + id);
			assertThat(g.getByText("Aucun message pour l'instant.")).isVisible();
			g.waitForTimeout(500); // the event stream opens after the page
			assertThat(nurseOnA.post("/api/v1/conversations/" + id + "/messages", Map.of("body", "Écrit sur le nœud A")).status()).isEqualTo(201);
			assertThat(g.locator("#fil article")).containsText("Écrit sur le nœud A");
			// read as it arrives: the notification of the message is marked read on node B too
			assertThat(g.locator("#cloche")).hasText("Notifications");
		}
	}
}
