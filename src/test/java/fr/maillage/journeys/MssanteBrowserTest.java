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
import fr.maillage.support.Mail;
import fr.maillage.support.MssanteSmtp;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A professional's MSSanté address, entered on their directory entry, is where their messages about
 * patients go in full; they see on their sending choices which way their e-mails go.
 */
@IntegrationTest
class MssanteBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theMssanteAddressOfTheDirectoryCarriesTheMessagesAboutPatients() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		UUID gpId = accounts.userIdByEmail(gp.email()).orElseThrow();
		String name = "MESSAGERIE" + (System.nanoTime() % 100_000);
		UUID entry = UUID.randomUUID();
		jdbc.sql("insert into practitioner (id, last_name, first_name, profession_label, source, search_text) values (:id, :n, 'Inès', 'Médecin', 'MANUAL', :s)")
			.param("id", entry).param("n", name).param("s", name.toLowerCase()).update();
		jdbc.sql("insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by) values (:id, :u, :p, 'ACTIVE', 'COORDINATOR', :u)")
			.param("id", UUID.randomUUID()).param("u", gpId).param("p", entry).update();
		String mssante = "ines." + name.toLowerCase() + "@medecin.mssante.fr";

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate("http://127.0.0.1:" + port + "/notifications/preferences");
			assertThat(page.locator("#acheminement")).containsText("Vos e-mails partent à " + gp.email() + ", qui n'est pas une adresse MSSanté");
			assertThat(page.locator("#acheminement")).containsText("demandez à la coordination");
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD);
			page.navigate("http://127.0.0.1:" + port + "/annuaire/professionnels/" + entry);
			assertThat(page.locator("#mssante-adresse")).containsText("Aucune");
			page.getByLabel("Adresse MSSanté").fill(mssante);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les coordonnées")).click();
			assertThat(page.getByText("Coordonnées enregistrées.")).isVisible();
			assertThat(page.locator("#mssante-adresse")).containsText(mssante);
			assertThat(page.locator("#mssante-adresse mark")).hasText("messagerie sécurisée de santé");
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate("http://127.0.0.1:" + port + "/notifications/preferences");
			assertThat(page.locator("#acheminement"))
				.containsText("Vos e-mails partent par messagerie sécurisée de santé (MSSanté) à " + mssante);
			org.assertj.core.api.Assertions.assertThat(fr.maillage.support.Accessibility.seriousViolations(page)).as("axe on the sending choices")
				.isEmpty();
		}

		tx.executeWithoutResult(s -> notifications.send(List.of(Notice.of(gpId, UUID.fromString(cpts), AccountLinks.KIND,
				"M. Roux : sortie d'hospitalisation", "Traitement modifié, INR à contrôler", "/parcours").concerningAPatient())));
		MimeMessage whole = Mail.awaitSubject(mssante, "M. Roux");
		org.assertj.core.api.Assertions.assertThat(Mail.text(whole)).contains("INR à contrôler");
		org.assertj.core.api.Assertions.assertThat(((InternetAddress) whole.getFrom()[0]).getAddress()).isEqualTo(MssanteSmtp.FROM);
	}
}
