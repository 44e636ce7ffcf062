package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Second factor, its enforcement per role, password reset by e-mail and change in the application
 * (other sessions closed, tokens revoked), login throttling that cannot keep the owner out, roles
 * withdrawn at the next request, the language switch.
 */
@IntegrationTest
class AccountSecurityBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	BrowserContext context;
	Page page;
	Api admin;

	@BeforeEach
	void open() {
		People.Invitations.use(accounts);
		admin = new Api(port, TestData.ADMIN_TOKEN);
		context = Browser.newContext();
		page = context.newPage();
	}

	@AfterEach
	void close(org.junit.jupiter.api.TestInfo info) {
		Browser.screenshot(page, "securite-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
		context.close();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	void login(String email, String password, String totp) {
		page.navigate(url("/connexion"));
		page.getByLabel("Adresse e-mail").fill(email);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
		if (totp != null) {
			page.getByLabel("Code de double authentification (si vous l'avez activée)").fill(totp);
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
	}

	static String code(String secret) throws Exception {
		long counter = new SystemTimeProvider().getTime() / 30;
		return new DefaultCodeGenerator().generate(secret, counter);
	}

	@Test
	void aMemberTurnsOnTheSecondFactorAndThenNeedsIt() throws Exception {
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		login(member.email(), member.password(), null);
		page.navigate(url("/compte"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Activer la double authentification")).click();
		String secret = page.locator("#totp-secret").textContent().strip();
		page.getByLabel("Code à 6 chiffres").fill("000000".equals(code(secret)) ? "111111" : "000000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer")).click();
		assertThat(page.getByText("Code incorrect")).isVisible();
		page.getByLabel("Code à 6 chiffres").fill(code(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer")).click();
		assertThat(page.getByText("Double authentification activée.")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();

		login(member.email(), member.password(), null);
		assertThat(page.getByText("Code de double authentification manquant ou erroné.")).isVisible();
		login(member.email(), member.password(), code(secret));
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();

		Api anonymous = new Api(port, null);
		assertThat(anonymous.post("/api/v1/auth/token", Map.of("email", member.email(), "password", member.password())).status()).isEqualTo(401);
		assertThat(anonymous.post("/api/v1/auth/token", Map.of("email", member.email(), "password", member.password(), "totp", code(secret)))
			.status()).isEqualTo(201);
	}

	@Test
	void aRoleThatRequiresTheSecondFactorCannotGoAnywhereWithoutIt() {
		People.Person partner = People.invite(admin, People.newCpts(admin), "PARTNER");
		login(partner.email(), partner.password(), null);
		assertThat(page).hasURL(Pattern.compile(".*/compte/double-facteur\\?obligatoire"));
		assertThat(page.getByText("obligatoire pour votre rôle")).isVisible();
		page.navigate(url("/audit"));
		assertThat(page).hasURL(Pattern.compile(".*/compte/double-facteur\\?obligatoire"));
		assertThat(new Api(port, null).post("/api/v1/auth/token", Map.of("email", partner.email(), "password", partner.password())).status())
			.isEqualTo(403);
	}

	@Test
	void aForgottenPasswordIsResetThroughTheEmailedLink() throws Exception {
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		page.navigate(url("/connexion"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mot de passe oublié ?")).click();
		page.getByLabel("Adresse e-mail").fill(member.email());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le lien")).click();
		assertThat(page.getByText("un lien de réinitialisation vient de lui être envoyé")).isVisible();
		var mails = Mail.to(member.email()).stream().filter(m -> {
			try {
				return m.getSubject().contains("réinitialisation");
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
		assertThat(mails).hasSize(1);
		Matcher link = Pattern.compile("/mot-de-passe/([A-Za-z0-9_-]+)").matcher(String.valueOf(mails.getFirst().getContent()));
		assertThat(link.find()).isTrue();
		page.navigate(url("/mot-de-passe/" + link.group(1)));
		page.getByLabel("Mot de passe (12 caractères au moins)").fill("Nouveau-mot-de-passe-2026");
		page.getByLabel("Confirmez le mot de passe").fill("Nouveau-mot-de-passe-2026");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le mot de passe")).click();
		assertThat(page.getByText("Mot de passe modifié")).isVisible();
		login(member.email(), "Nouveau-mot-de-passe-2026", null);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
		// the link works once
		page.navigate(url("/mot-de-passe/" + link.group(1)));
		page.getByLabel("Mot de passe (12 caractères au moins)").fill("Encore-un-autre-2026");
		page.getByLabel("Confirmez le mot de passe").fill("Encore-un-autre-2026");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le mot de passe")).click();
		assertThat(page.getByText("déjà utilisé ou expiré")).isVisible();
	}

	@Test
	void repeatedFailuresLockTheGuessersAddressNotTheOwner() throws Exception {
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		Api anonymous = new Api(port, null);
		for (int i = 0; i < 5; i++) {
			assertThat(anonymous.post("/api/v1/auth/token", Map.of("email", member.email(), "password", "faux-" + i)).status()).isEqualTo(401);
		}
		Api.Response locked = anonymous.post("/api/v1/auth/token", Map.of("email", member.email(), "password", member.password()));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.json().get("message").asString()).contains("15 minutes");
		login(member.email(), member.password(), null);
		assertThat(page.getByText("Trop de tentatives")).isVisible();
		// the owner, from their own address (through the trusted proxy), still gets in
		var fromHome = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/auth/token")))
			.header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.77")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("email", member.email(), "password",
					member.password())))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(fromHome.statusCode()).as(fromHome.body()).isEqualTo(201);
		UUID id = accounts.userIdByEmail(member.email()).orElseThrow();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action = 'account.login.failed'").param("u", id)
			.query(Long.class).single()).as("each failure audited once").isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action = 'account.login.throttled'").param("u", id)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select ip from audit_event where actor_id = :u and action = 'account.login' order by id desc limit 1").param("u", id)
			.query(String.class).single()).isEqualTo("198.51.100.77");
	}

	@Test
	void aGuessingFromEverywhereCannotKeepTheOwnerOutTheyUnlockByAnEmailedLink() throws Exception {
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		guessFromTwentyAddresses(member.email());
		// the account itself is now throttled, even from the owner's own address and with the right password
		login(member.email(), member.password(), null);
		assertThat(page.getByText("Trop de tentatives")).isVisible();
		assertThat(page.getByLabel("Adresse e-mail du compte à débloquer")).hasValue(member.email());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir un lien de déblocage")).click();
		assertThat(page.getByText("un lien de déblocage vient de lui être envoyé")).isVisible();
		var mails = Mail.to(member.email()).stream().filter(m -> {
			try {
				return m.getSubject().contains("débloquer");
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
		assertThat(mails).hasSize(1);
		Matcher link = Pattern.compile("/deblocage/([A-Za-z0-9_-]+)").matcher(Mail.text(mails.getFirst()));
		assertThat(link.find()).isTrue();
		// opening the link changes nothing (mail scanners open links); the button does
		page.navigate(url("/connexion/deblocage/" + link.group(1)));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Débloquer mon compte"))).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Débloquer mon compte et reconnaître ce navigateur")).click();
		assertThat(page.getByText("Compte débloqué et navigateur reconnu")).isVisible();
		// the guessing goes on and locks the account again for everyone else...
		guessFromTwentyAddresses(member.email());
		assertThat(new Api(port, null).post("/api/v1/auth/token", Map.of("email", member.email(), "password", member.password())).status())
			.isEqualTo(429);
		// ...but the owner's trusted browser is counted on its own and gets in
		login(member.email(), member.password(), null);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
		UUID id = accounts.userIdByEmail(member.email()).orElseThrow();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action = 'account.unlock'").param("u", id)
			.query(Long.class).single()).isEqualTo(1);
		// the link worked once
		page.navigate(url("/connexion/deblocage/" + link.group(1)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Débloquer mon compte et reconnaître ce navigateur")).click();
		assertThat(page.getByText("déjà utilisé ou expiré")).isVisible();
		// a browser that was not trusted, at the owner's address, stays throttled with the account
		try (BrowserContext other = Browser.newContext()) {
			Page elsewhere = other.newPage();
			elsewhere.navigate(url("/connexion"));
			elsewhere.getByLabel("Adresse e-mail").fill(member.email());
			elsewhere.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(member.password());
			elsewhere.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
			assertThat(elsewhere.getByText("Trop de tentatives")).isVisible();
		}
	}

	/** 100 wrong passwords, five from each of twenty addresses behind the trusted proxy: no address is throttled, the account is. */
	private void guessFromTwentyAddresses(String email) throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		for (int a = 0; a < 20; a++) {
			for (int i = 0; i < 5; i++) {
				var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/auth/token")))
					.header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113." + (a + 10))
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("email", email, "password",
							"devine-" + a + "-" + i)))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
			}
		}
	}

	@Test
	void aTypoIsCountedOnceAndTheEmailNeverGoesIntoTheAddressBar() {
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		for (int i = 0; i < 4; i++) {
			login(member.email(), "faute-de-frappe-" + i, null);
			assertThat(page.getByText("Adresse e-mail ou mot de passe incorrect.")).isVisible();
			assertThat(page.url()).doesNotContain("@").doesNotContain(member.email().substring(0, 6));
			assertThat(page.getByLabel("Adresse e-mail")).hasValue(member.email());
		}
		login(member.email(), member.password(), null);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
	}

	@Test
	void aNewPasswordEndsTheOtherSessionsAndRevokesTheTokens() {
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		String token = People.token(port, member);
		assertThat(new Api(port, token).get("/api/v1/me/directory").status()).isEqualTo(200);
		try (BrowserContext other = Browser.newContext()) {
			Page elsewhere = other.newPage();
			Browser.login(elsewhere, port, member.email(), member.password());
			login(member.email(), member.password(), null);
			page.navigate(url("/compte"));
			page.getByLabel("Mot de passe actuel").fill("pas-le-bon-mot-de-passe");
			page.getByLabel("Mot de passe (12 caractères au moins)").fill("Un-nouveau-mot-de-passe-2026");
			page.getByLabel("Confirmez le mot de passe").fill("Un-nouveau-mot-de-passe-2026");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer de mot de passe")).click();
			assertThat(page.getByText("Le mot de passe actuel n'est pas le bon.")).isVisible();
			page.getByLabel("Mot de passe actuel").fill(member.password());
			page.getByLabel("Mot de passe (12 caractères au moins)").fill("Un-nouveau-mot-de-passe-2026");
			page.getByLabel("Confirmez le mot de passe").fill("Un-nouveau-mot-de-passe-2026");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer de mot de passe")).click();
			assertThat(page.getByText("Mot de passe changé.")).isVisible();
			// this session goes on; the other one is closed, the token refused
			page.navigate(url("/compte"));
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isVisible();
			elsewhere.navigate(url("/compte"));
			assertThat(elsewhere.getByText("Votre session a été fermée")).isVisible();
			assertThat(new Api(port, token).get("/api/v1/me/directory").status()).isEqualTo(401);
		}
	}

	@Test
	void aWithdrawnRoleTakesEffectAtTheNextRequest() {
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		login(coordinator.email(), coordinator.password(), null);
		assertThat(page.navigate(url("/cpts/" + cpts + "/territoire")).status()).isEqualTo(200);
		UUID id = accounts.userIdByEmail(coordinator.email()).orElseThrow();
		jdbc.sql("delete from cpts_role where user_id = :u and cpts_id = :c::uuid").param("u", id).param("c", cpts).update();
		var response = page.navigate(url("/cpts/" + cpts + "/territoire"));
		assertThat(response.status()).isIn(403, 404);
	}

	@Test
	void theInterfaceSwitchesToEnglishAndBack() {
		login(TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD, null);
		page.navigate(url("/compte"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My account").setLevel(1))).isVisible();
		page.navigate(url("/"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hosted CPTS").setLevel(2))).isVisible();
		page.navigate(url("/compte"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Français")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mon compte").setLevel(1))).isVisible();
	}
}
