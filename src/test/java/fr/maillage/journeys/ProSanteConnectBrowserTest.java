package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Accessibility;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.OidcProvider;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A GP signs in with Pro Santé Connect (a local OpenID Connect provider standing for it): code
 * flow with PKCE, scope openid scope_all, acr_values eidas1; their RPPS names their directory entry
 * and so their account; logging out ends the PSC session. A weaker assurance level, an RPPS no
 * account is linked to, an expired ID token and a replayed answer are each refused with a reason.
 * A PSC session is a strong authentication: no second factor is asked on top of it.
 */
@IntegrationTest
class ProSanteConnectBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	void pscLogin(Page page) {
		page.navigate(url("/connexion"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter avec Pro Santé Connect")).click();
		page.waitForURL(u -> !u.contains("/oauth2/"));
	}

	@Test
	void aGpSignsInWithTheirCardAndEveryRefusalSaysWhy() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		// a partner: the second factor is required for their role here, but a PSC login is already a strong one
		People.Person gp = People.invite(admin, cpts, "PARTNER");
		UUID gpId = Gps.create(jdbc, "Foret" + TestData.unique(""), "04070", "Digne-les-Bains");
		String rpps = "8" + (10000000000L + ThreadLocalRandom.current().nextLong(89999999999L));
		jdbc.sql("update practitioner set national_id = :n, id_kind = 'RPPS' where id = :id").param("n", rpps).param("id", gpId).update();
		Gps.link(jdbc, accounts.userIdByEmail(gp.email()).orElseThrow(), gpId);

		List<String> callbacks = new CopyOnWriteArrayList<>();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			page.onRequest(r -> {
				if (r.url().contains("/connexion/oauth2/retour/")) {
					callbacks.add(r.url());
				}
			});
			page.navigate(url("/connexion"));
			org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).isEmpty();
			OidcProvider.nextLogin(new OidcProvider.Identity(rpps, "eidas1", false));
			pscLogin(page);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
			org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("/connexion").doesNotContain("double-facteur");
			page.navigate(url("/agenda"));
			org.assertj.core.api.Assertions.assertThat(page.url()).as("no second factor asked").endsWith("/agenda");
			Map<String, String> asked = OidcProvider.AUTHORIZATIONS.getLast();
			org.assertj.core.api.Assertions.assertThat(asked).containsEntry("scope", "openid scope_all").containsEntry("acr_values", "eidas1")
				.containsEntry("code_challenge_method", "S256").containsKey("code_challenge").containsKey("nonce").containsKey("state");
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where action = 'account.login' and details like :d")
				.param("d", "Pro Santé Connect " + rpps).query(Long.class).single()).isEqualTo(1);

			int logouts = OidcProvider.LOGOUTS.size();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
			page.waitForURL(u -> u.contains("/connexion?deconnecte"));
			org.assertj.core.api.Assertions.assertThat(OidcProvider.LOGOUTS).hasSize(logouts + 1);
			org.assertj.core.api.Assertions.assertThat(OidcProvider.LOGOUTS.getLast()).containsKey("id_token_hint");
			assertThat(page.locator(".notice.success")).isVisible();

			// a weaker assurance level than asked
			OidcProvider.nextLogin(new OidcProvider.Identity(rpps, "eidas0", false));
			pscLogin(page);
			assertThat(page.locator(".notice.failure")).containsText("authentification forte");
			// an RPPS no account is linked to
			OidcProvider.nextLogin(new OidcProvider.Identity("899999999999", "eidas1", false));
			pscLogin(page);
			assertThat(page.locator(".notice.failure")).containsText("aucun compte Maillage n'est rattaché");
			org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).isEmpty();
			// an ID token already expired
			OidcProvider.nextLogin(new OidcProvider.Identity(rpps, "eidas1", true));
			pscLogin(page);
			assertThat(page.locator(".notice.failure")).containsText("n'a pas abouti");
			org.assertj.core.api.Assertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).count()).isZero();
		}
		// the provider's answer replayed in another browser: its state belongs to no session
		try (BrowserContext other = Browser.newContext(1366, 900)) {
			Page page = other.newPage();
			page.navigate(callbacks.getFirst());
			page.waitForURL(u -> u.contains("/connexion"));
			assertThat(page.locator(".notice.failure")).containsText("n'a pas abouti");
			org.assertj.core.api.Assertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).count()).isZero();
		}
	}

	@Test
	void aCoordinatorRequiresTheCardForMembersAndAPasswordNoLongerOpensTheirPages() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		UUID nurseId = Gps.practitioner(jdbc, "Infirmière " + TestData.unique(""), "60", "Infirmier", "", "04112", "Manosque");
		String rpps = "8" + (10000000000L + ThreadLocalRandom.current().nextLong(89999999999L));
		jdbc.sql("update practitioner set national_id = :n, id_kind = 'RPPS' where id = :id").param("n", rpps).param("id", nurseId).update();
		Gps.link(jdbc, accounts.userIdByEmail(nurse.email()).orElseThrow(), nurseId);
		Api before = new Api(port, People.token(port, nurse)); // a token obtained with the password, before the rule
		org.assertj.core.api.Assertions.assertThat(before.get("/api/v1/me/notifications").status()).isEqualTo(200);
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			Browser.menu(page, "Pilotage", "Connexion par carte CPS");
			page.getByLabel("Membre").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la règle")).click();
			assertThat(page.locator(".notice.success")).containsText("s'applique dès maintenant");
			assertThat(page.getByLabel("Membre")).isChecked();
			assertThat(page.getByLabel("Coordinateur")).not().isChecked();
			org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).isEmpty();
			page.navigate(url("/agenda"));
			org.assertj.core.api.Assertions.assertThat(page.url()).as("the coordinator's role is not concerned").endsWith("/agenda");
		}
		Api.Response refused = before.get("/api/v1/me/notifications");
		org.assertj.core.api.Assertions.assertThat(refused.status()).as("the password's token no longer opens anything").isEqualTo(401);
		org.assertj.core.api.Assertions.assertThat(refused.body()).contains("psc_obligatoire").contains("Pro Santé Connect");
		Api.Response token = new Api(port, null).post("/api/v1/auth/token", Map.of("email", nurse.email(), "password", nurse.password()));
		org.assertj.core.api.Assertions.assertThat(token.status()).isEqualTo(403);
		org.assertj.core.api.Assertions.assertThat(token.body()).contains("psc_obligatoire");
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			page.navigate(url("/connexion"));
			page.getByLabel("Adresse e-mail").fill(nurse.email());
			page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(nurse.password());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
			page.waitForURL(u -> u.endsWith("/connexion/psc-obligatoire"));
			page.navigate(url("/agenda"));
			org.assertj.core.api.Assertions.assertThat(page.url()).as("a password opens nothing else").endsWith("/connexion/psc-obligatoire");
			assertThat(page.locator("h1")).containsText("Connexion par Pro Santé Connect demandée");
			org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).isEmpty();
			OidcProvider.nextLogin(new OidcProvider.Identity(rpps, "eidas1", false));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter avec Pro Santé Connect")).click();
			page.waitForURL(u -> !u.contains("/oauth2/") && !u.contains("psc-obligatoire"));
			page.navigate(url("/agenda"));
			org.assertj.core.api.Assertions.assertThat(page.url()).as("signed in with the card").endsWith("/agenda");
			page.navigate(url("/compte"));
			page.getByLabel("Nom du jeton").fill("script");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un jeton")).click();
			String cardToken = page.locator("#nouveau-jeton").textContent().strip();
			org.assertj.core.api.Assertions.assertThat(new Api(port, cardToken).get("/api/v1/me/notifications").status())
				.as("a token made in a card session keeps working").isEqualTo(200);
		}
	}

	@Test
	void anInvitationAcceptedWithTheCardCreatesTheAccountLinkedToTheDirectory() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		UUID entry = Gps.create(jdbc, "Foret" + TestData.unique(""), "04070", "Digne-les-Bains");
		String rpps = "8" + (10000000000L + ThreadLocalRandom.current().nextLong(89999999999L));
		jdbc.sql("update practitioner set national_id = :n, id_kind = 'RPPS' where id = :id").param("n", rpps).param("id", entry).update();
		String email = TestData.unique("carte") + "@maillage.test";
		assertThat(admin.post("/api/v1/cpts/" + cpts + "/invitations", Map.of("email", email, "role", "MEMBER")).status()).isEqualTo(201);
		String secret = People.invitationSecret(email);

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			// an RPPS the directory does not know: refused, the invitation still usable
			OidcProvider.nextLogin(new OidcProvider.Identity("899999999998", "eidas1", false));
			page.navigate(url("/invitation/" + secret));
			org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).isEmpty();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter avec Pro Santé Connect")).click();
			page.waitForURL(u -> u.contains("/connexion?psc=hors-annuaire"));
			assertThat(page.locator(".notice.failure")).containsText("n'est pas dans l'annuaire");
			assertThat(accounts.userIdByEmail(email)).isEmpty();

			OidcProvider.nextLogin(new OidcProvider.Identity(rpps, "eidas1", false));
			page.navigate(url("/invitation/" + secret));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter avec Pro Santé Connect")).click();
			page.waitForURL(u -> !u.contains("/oauth2/") && !u.contains("/invitation/"));
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
		}
		UUID account = accounts.userIdByEmail(email).orElseThrow();
		assertThat(jdbc.sql("select display_name from user_account where id = :u").param("u", account).query(String.class).single()).isEqualTo("Pierre Foret");
		assertThat(jdbc.sql("select count(*) from account_link_directory where user_id = :u and practitioner_id = :p and status = 'ACTIVE' and origin = 'PSC'")
			.param("u", account).param("p", entry).query(Long.class).single()).as("linked to the entry PSC vouched for").isEqualTo(1);
		assertThat(accounts.pendingInvitation(secret)).as("the invitation is used").isEmpty();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			OidcProvider.nextLogin(new OidcProvider.Identity(rpps, "eidas1", false));
			pscLogin(page);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible(); // the card opens it again
		}
	}
}
