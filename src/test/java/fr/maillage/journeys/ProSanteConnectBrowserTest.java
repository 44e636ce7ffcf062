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
		People.Person gp = People.invite(admin, cpts, "MEMBER");
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
			org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("/connexion");
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
}
