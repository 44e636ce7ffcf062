package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The bell: a notification sent while a page is open shows up without reloading; opening it follows its link and clears it. */
@IntegrationTest
class NotificationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theBellCountsLiveAndTheChoicesAreKept() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		UUID nurseId = accounts.userIdByEmail(nurse.email()).orElseThrow();
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate("http://127.0.0.1:" + port + "/annuaire");
			assertThat(page.locator("#cloche")).hasText("Notifications");
			page.waitForTimeout(500); // the event stream opens after the page
			tx.executeWithoutResult(s -> notifications.send(List.of(Notice.of(nurseId, UUID.fromString(cpts), AccountLinks.KIND,
					"Réunion du bureau jeudi", "Ordre du jour joint", "/compte"))));
			assertThat(page.locator("#non-lues")).hasText("1");
			Browser.screenshot(page, "cloche");

			page.locator("#cloche").click();
			assertThat(page.locator("#notifications li.unread")).containsText("Réunion du bureau jeudi");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Réunion du bureau jeudi")).click();
			page.waitForURL("**/compte");
			assertThat(page.locator("#cloche")).hasText("Notifications");

			page.navigate("http://127.0.0.1:" + port + "/notifications/preferences");
			page.locator("fieldset", new Page.LocatorOptions().setHasText("demandes de rattachement")).getByLabel("Résumé quotidien").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mes choix")).click();
			assertThat(page.getByText("Vos choix sont enregistrés.")).isVisible();
			assertThat(page.locator("fieldset", new Page.LocatorOptions().setHasText("demandes de rattachement")).getByLabel("Résumé quotidien"))
				.isChecked();
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anAdministratorSeesAFailingSendAndRetriesIt() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		UUID gpId = accounts.userIdByEmail(gp.email()).orElseThrow();
		UUID practitioner = UUID.randomUUID();
		String phone = "06 " + String.format("%02d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100)) + " 00 00 99"; // the stub refuses
		jdbc.sql("insert into practitioner (id, last_name, phone, source, search_text) values (:id, 'ENVOI', :p, 'MANUAL', 'envoi')")
			.param("id", practitioner).param("p", phone).update();
		jdbc.sql("insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by) values (:id, :u, :p, 'ACTIVE', 'COORDINATOR', :u)")
			.param("id", UUID.randomUUID()).param("u", gpId).param("p", practitioner).update();
		tx.executeWithoutResult(s -> notifications.send(List.of(new Notice(gpId, UUID.fromString(cpts), AccountLinks.KIND, "Alerte", "Texte", "/", true))));
		long deadline = System.currentTimeMillis() + 10_000;
		while (jdbc.sql("select count(*) from outbox_message where recipient = :r and last_error is not null").param("r", phone).query(Long.class).single() == 0
				&& System.currentTimeMillis() < deadline) {
			Thread.onSpinWait();
		}
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD);
			Browser.menu(page, "Administration", "Envois");
			var row = page.locator("#envois tbody tr", new Page.LocatorOptions().setHasText(phone));
			assertThat(row).containsText("HTTP 500");
			assertThat(row).containsText("Essai 1 échoué");
			row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Relancer")).click();
			assertThat(page.getByText("L'envoi est relancé.")).isVisible();
		}
	}
}
