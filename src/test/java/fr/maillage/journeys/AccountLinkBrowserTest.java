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
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts and the directory: a GP claims their entry with their RPPS number, confirms from the
 * MSSanté mailbox the directory knows, the coordinator approves, and the GP then keeps their own
 * contact details; a coordinator adds an MSP's secretary to the people who act for the MSP.
 */
@IntegrationTest
class AccountLinkBrowserTest {

	private static final Pattern CONFIRMATION = Pattern.compile("/annuaire/rattachement/([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	static String rpps() {
		return "19" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

	UUID practitioner(String rpps, String lastName, String mssante) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into practitioner (id, national_id, id_kind, civility, last_name, first_name, profession_code, profession_label, mssante,
				  source, search_text)
				values (:id, :nid, 'RPPS', 'Dr', :last, 'Claire', '10', 'Médecin', :m, 'RPPS', lower(:last))""")
			.param("id", id).param("nid", "8" + rpps).param("last", lastName).param("m", mssante).update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, commune_code, commune_name, content_hash, source)
				values (:a, :p, :k, '04112', 'Manosque', '', 'RPPS')""").param("a", UUID.randomUUID()).param("p", id).param("k", "T|" + id).update();
		return id;
	}

	static String confirmationSecret(String to) throws Exception {
		var messages = Mail.to(to);
		assertThat(messages).as("confirmation e-mail to " + to).isNotEmpty();
		MimeMessage last = messages.getLast();
		Matcher m = CONFIRMATION.matcher(String.valueOf(last.getContent()));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void aGpClaimsTheirEntryConfirmsByMssanteAndTheCoordinatorApproves() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		String rpps = rpps();
		String lastName = "ROUMANILLE" + TestData.unique("").replaceAll("\\W", "").toUpperCase();
		String mssante = "claire." + rpps + "@medecin.mssante.fr";
		UUID entry = practitioner(rpps, lastName, mssante);

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate(base() + "/compte");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ma fiche dans l'annuaire")).click();
			page.getByLabel("Numéro RPPS").fill("1234");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander le rattachement")).click();
			assertThat(page.getByText("Un numéro RPPS compte 11 chiffres.")).isVisible();
			assertThat(page.getByLabel("Numéro RPPS")).hasValue("1234");
			page.getByLabel("Numéro RPPS").fill("10000000001");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander le rattachement")).click();
			assertThat(page.getByText("Aucun professionnel de l'annuaire n'a le numéro RPPS 10000000001.", new Page.GetByTextOptions().setExact(false))).isVisible();

			page.getByLabel("Numéro RPPS").fill(rpps.substring(0, 5) + " " + rpps.substring(5));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander le rattachement")).click();
			assertThat(page.getByText("Un lien de confirmation a été envoyé à c…@medecin.mssante.fr")).isVisible();
			assertThat(page.locator("#ma-demande")).containsText("attend votre confirmation");
		}
		assertThat(Mail.to(gp.email())).as("the confirmation goes to the directory's address, not the account's").noneMatch(m -> {
			try {
				return m.getSubject().contains("confirmez");
			}
			catch (Exception ex) {
				return false;
			}
		});
		String secret = confirmationSecret(mssante);
		assertThat(((jakarta.mail.internet.InternetAddress) Mail.to(mssante).getLast().getFrom()[0]).getAddress())
			.as("to an MSSanté mailbox, through MSSanté").isEqualTo(fr.maillage.support.MssanteSmtp.FROM);

		// the MSSanté mailbox may be read on another computer: the link works without signing in, after a click
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			page.navigate(base() + "/annuaire/rattachement/" + secret);
			assertThat(page.getByText("Confirmez-vous être le professionnel de la fiche Dr " + lastName + " Claire")).isVisible();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je confirme")).click();
			assertThat(page.locator("#confirme")).isVisible();
			page.navigate(base() + "/annuaire/rattachement/" + secret);
			assertThat(page.getByText("Ce lien n'est pas valable")).isVisible();
		}

		// a member of another CPTS sees nothing of the queue
		String outsider = People.join(admin, port, People.newCpts(admin), "COORDINATOR");
		assertThat(new Api(port, outsider).get("/api/v1/cpts/" + cpts + "/directory-claims").status()).isEqualTo(404);

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base() + "/cpts/" + cpts);
			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Comptes et annuaire").setExact(true)).click();
			var row = page.locator("#demandes tbody tr", new Page.LocatorOptions().setHasText(lastName));
			assertThat(row).containsText(gp.email());
			assertThat(row).containsText("par l'adresse de l'annuaire");
			row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Valider")).click();
			assertThat(page.getByText("Rattachement validé")).isVisible();
			assertThat(page.locator("#rattaches")).containsText(lastName);
			Browser.screenshot(page, "rattachements");
		}
		// the notification goes to the MSSanté address the directory knows, now that the account is the professional's
		Mail.awaitSubject(mssante, "Votre compte est rattaché");

		// the GP now keeps their own contact details; another CPTS's coordinator cannot claim the same entry
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, gp.email(), gp.password());
			page.navigate(base() + "/compte/annuaire");
			page.locator("#ma-fiche").getByRole(AriaRole.LINK).click();
			page.getByLabel("Nouveaux patients").selectOption("true");
			page.getByLabel("Téléphone").fill("04 92 00 00 00");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.getByText("Coordonnées enregistrées.")).isVisible();
			assertThat(page.locator("#nouveaux-patients")).hasText("Oui");
		}
		Api.Response taken = new Api(port, outsider).post("/api/v1/me/directory/claims", Map.of("rpps", rpps));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.body()).contains("déjà rattachée");
		assertThat(jdbc.sql("select takes_new_patients from practitioner where id = :id").param("id", entry).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'directory.link.approved' and subject_id = :id")
			.param("id", entry.toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCoordinatorAddsTheMspSecretaryWhoThenEditsTheMsp() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person secretary = People.invite(admin, cpts, "MEMBER");
		People.Person stranger = People.invite(admin, People.newCpts(admin), "MEMBER");
		String msp = "MSP des Vannades " + TestData.unique("");
		UUID mspId = UUID.randomUUID();
		jdbc.sql("insert into organization (id, kind, name, commune_code, commune_name, search_text) values (:id, 'MSP', :n, '04112', 'Manosque', lower(:n))")
			.param("id", mspId).param("n", msp).update();

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base() + "/annuaire/structures/" + mspId);
			page.getByLabel("Adresse e-mail du compte à rattacher").fill(stranger.email());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter")).click();
			assertThat(page.getByText("Aucun compte de votre CPTS n'a l'adresse " + stranger.email())).isVisible();
			assertThat(page.getByLabel("Adresse e-mail du compte à rattacher")).hasValue(stranger.email());
			page.getByLabel("Adresse e-mail du compte à rattacher").fill(secretary.email().toUpperCase());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter")).click();
			assertThat(page.getByText("Compte rattaché.")).isVisible();
			assertThat(page.locator("#equipe")).containsText(secretary.email());
		}
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, secretary.email(), secretary.password());
			page.navigate(base() + "/compte/annuaire");
			page.locator("#mes-structures").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(msp)).click();
			page.getByLabel("Horaires d'ouverture", new Page.GetByLabelOptions().setExact(true)).fill("Lundi au vendredi 8 h – 19 h ; samedi 8 h – 12 h");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.getByText("Structure enregistrée", new Page.GetByTextOptions().setExact(false))).isVisible();
		}
		assertThat(jdbc.sql("select opening_hours from organization where id = :id").param("id", mspId).query(String.class).single())
			.isEqualTo("Lundi au vendredi 8 h – 19 h ; samedi 8 h – 12 h");
		// the stranger, who acts for nothing here, gets the read-only page
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, stranger.email(), stranger.password());
			page.navigate(base() + "/annuaire/structures/" + mspId);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer"))).hasCount(0);
			assertThat(page.locator("#equipe")).hasCount(0);
		}
	}
}
