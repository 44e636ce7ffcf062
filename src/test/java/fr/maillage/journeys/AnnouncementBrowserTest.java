package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An announcement with acknowledgement and availability: the coordinator writes it, a member reads
 * it from the bell, acknowledges and answers, and the coordinator's dashboard — open in another
 * browser — updates without reloading.
 */
@IntegrationTest
class AnnouncementBrowserTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aMemberAcknowledgesAndTheCoordinatorsDashboardUpdatesLive() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		People.invite(admin, cpts, "MEMBER");
		String title = "Canicule : renfort des visites " + TestData.unique("");
		try (BrowserContext coordination = Browser.newContext(); BrowserContext member = Browser.newContext()) {
			Page c = coordination.newPage();
			Browser.login(c, port, coordinator.email(), coordinator.password());
			c.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts);
			c.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Annonces").setExact(true)).click();
			c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nouvelle annonce")).click();
			c.getByLabel("Titre").fill(title);
			c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l'annonce")).click();
			assertThat(c.getByText("Écrivez le message.")).isVisible();
			assertThat(c.getByLabel("Titre")).hasValue(title);
			c.getByLabel("Message").fill("Qui peut assurer des visites à domicile samedi ?\n<script>alert('x')</script>");
			c.getByLabel("Demander à chacun ses disponibilités").check();
			// two clicks in a row send the announcement once
			var send = c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l'annonce"));
			send.evaluate("b => { b.click(); b.click(); }");
			assertThat(c.locator("#compteurs")).containsText("0 lu(s) sur 3");
			assertThat(jdbc.sql("select count(*) from announcement where title = :t").param("t", title).query(Long.class).single()).isEqualTo(1);

			Page m = member.newPage();
			Browser.login(m, port, nurse.email(), nurse.password());
			assertThat(m.locator("#non-lues")).hasText("1");
			m.locator("#cloche").click();
			m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
			assertThat(m.locator("#texte-annonce")).containsText("<script>alert('x')</script>");
			assertThat(c.locator("#compteurs")).containsText("1 lu(s) sur 3");

			m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'ai lu")).click();
			assertThat(m.locator("#accuse")).containsText("Vous avez accusé lecture");
			assertThat(c.locator("#compteurs")).containsText("1 accusé(s) de lecture");

			m.getByLabel("Disponible à partir de…").check();
			m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Répondre")).click();
			assertThat(m.getByText("Indiquez à partir de quand vous êtes disponible.")).isVisible();
			assertThat(m.getByLabel("Disponible à partir de…")).isChecked();
			m.getByLabel("À partir du (date et heure)").fill("2026-07-18T14:00");
			m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Répondre")).click();
			assertThat(m.getByText("votre réponse est enregistrée")).isVisible();
			assertThat(c.locator("#destinataires")).containsText("Disponible à partir du 18/07 14:00");
			Browser.screenshot(c, "annonce-suivi");

			c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Relancer ceux qui n'ont pas répondu")).click();
			assertThat(c.getByText("2 personne(s) relancée(s).")).isVisible();
		}
		Mail.awaitSubject(nurse.email(), title);
	}

	@Test
	void professionalsWithoutAnAccountAcknowledgeByTheLinkInTheirEmail() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", java.util.List.of("04019"));
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		String word = TestData.unique("").substring(1);
		String mssante = "kine." + word + "@masseur-kinesitherapeute.mssante.fr";
		jdbc.sql("""
				insert into practitioner (id, last_name, profession_code, profession_label, mssante, source, search_text)
				values ('%1$s', 'KINE%2$s', '70', 'Masseur-Kinésithérapeute', '%3$s', 'MANUAL', 'kine')""".formatted(java.util.UUID.randomUUID(), word, mssante))
			.update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, commune_code, commune_name, content_hash)
				select '%s', id, 'T|' || id, '04019', 'Barcelonnette', '' from practitioner where mssante = '%s'""".formatted(java.util.UUID.randomUUID(), mssante))
			.update();

		Api.Response sent = coordinator.post("/api/v1/cpts/" + cpts + "/announcements", java.util.Map.of("title", "Rejoignez la CPTS " + word,
				"body", "Réunion d'information le 3 décembre.", "audience", "outreach", "audienceParam", "70", "askAck", true));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.json().get("recipients").asLong()).isEqualTo(1);
		String body = Mail.text(Mail.awaitSubject(mssante, "Rejoignez la CPTS " + word));
		var m = java.util.regex.Pattern.compile("/annonces/accuse/([A-Za-z0-9_-]+)").matcher(body);
		assertThat(m.find()).isTrue();
		try (BrowserContext anyone = Browser.newContext()) {
			Page p = anyone.newPage();
			p.navigate("http://127.0.0.1:" + port + "/annonces/accuse/" + m.group(1));
			p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'ai lu")).click();
			assertThat(p.locator("#accuse")).containsText("Rejoignez la CPTS " + word);
		}
		var acks = coordinator.get("/api/v1/announcements/" + sent.json().get("id").asString() + "/acknowledgements").json();
		assertThat(acks.get("counts").get("acknowledged").asLong()).isEqualTo(1);
		assertThat(acks.get("recipients").get(0).get("byEmailOnly").asBoolean()).isTrue();
		String outsider = People.join(admin, port, People.newCpts(admin), "COORDINATOR");
		assertThat(new Api(port, outsider).get("/api/v1/announcements/" + sent.json().get("id").asString() + "/acknowledgements").status())
			.isEqualTo(404);
	}

	@Test
	void anAnnouncementToTheCommunesWhereMembersPractise() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		People.Person manosque = People.invite(admin, cpts, "MEMBER");
		People.Person digne = People.invite(admin, cpts, "MEMBER");
		practisingIn(manosque.email(), "04112");
		practisingIn(digne.email(), "04070");
		Api.Response sent = coordinator.post("/api/v1/cpts/" + cpts + "/announcements", java.util.Map.of("title", "Réunion à Manosque",
				"body", "Pour les professionnels de Manosque.", "audience", "communes", "audienceParam", "Manosque"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.json().get("recipients").asLong()).isEqualTo(1);
		var board = coordinator.get("/api/v1/announcements/" + sent.json().get("id").asString() + "/acknowledgements").json();
		assertThat(board.get("announcement").get("audienceLabel").asString()).isEqualTo("Personnes de la CPTS exerçant à Manosque");
		Api.Response nobody = coordinator.post("/api/v1/cpts/" + cpts + "/announcements", java.util.Map.of("title", "Personne",
				"body", "…", "audience", "communes", "audienceParam", "Barcelonnette"));
		assertThat(nobody.status()).isEqualTo(400);
		assertThat(nobody.body()).contains("Personne ne correspond");
	}

	private void practisingIn(String email, String commune) {
		java.util.UUID user = jdbc.sql("select id from user_account where email = :e").param("e", email).query(java.util.UUID.class).single();
		java.util.UUID practitioner = java.util.UUID.randomUUID();
		jdbc.sql("insert into practitioner (id, last_name, source, search_text) values (:id, 'COMMUNE', 'MANUAL', 'commune')").param("id", practitioner).update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, commune_code, content_hash)
				values (:a, :p, :k, :c, '')""").param("a", java.util.UUID.randomUUID()).param("p", practitioner).param("k", "T|" + practitioner)
			.param("c", commune).update();
		jdbc.sql("insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by) values (:id, :u, :p, 'ACTIVE', 'COORDINATOR', :u)")
			.param("id", java.util.UUID.randomUUID()).param("u", user).param("p", practitioner).update();
	}

	/** Issue 17: the audience was stored in the author's language ("Everyone in the CPTS" shown to French readers). */
	@Test
	void theAudienceIsNamedInTheReadersLanguageNotTheAuthors() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.invite(admin, cpts, "MEMBER");
		String base = "http://127.0.0.1:" + port;
		try (BrowserContext context = Browser.newContext()) {
			Page c = context.newPage();
			Browser.login(c, port, coordinator.email(), coordinator.password());
			c.navigate(base + "/compte");
			c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
			c.navigate(base + "/cpts/" + cpts + "/annonces/nouvelle");
			c.locator("#title").fill("Heatwave plan");
			c.locator("#body").fill("Who can visit patients at home on Saturday?");
			c.locator("main form[action$='/annonces/nouvelle'] button[type=submit]").click();
			assertThat(c.locator("#compteurs")).isVisible();
			assertThat(c.locator("main")).containsText("Everyone in the CPTS");

			c.navigate(base + "/compte");
			c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Français")).click();
			c.navigate(base + "/cpts/" + cpts + "/annonces");
			assertThat(c.locator("#annonces")).containsText("Toutes les personnes de la CPTS");
			assertThat(c.locator("#annonces")).not().containsText("Everyone");
		}
	}
}
