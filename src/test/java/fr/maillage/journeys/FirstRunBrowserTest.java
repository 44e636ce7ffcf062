package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Browser;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The first hour of a CPTS in a real browser: a fresh installation without an administrator,
 * the setup page, a CPTS created with a typo in its SIRET, its coordinator invited by e-mail,
 * the territory defined from a messy pasted list with an ambiguity to settle, then from an EPCI
 * with exclusions and additions (seed 003), and the public page on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"maillage.database.directory=target/test-postgres-first-run", "maillage.database.clean=true",
		"spring.mail.host=127.0.0.1", "spring.mail.port=" + Mail.SMTP_PORT, "maillage.security.totp-required-for=PARTNER" })
@Import(Mail.Started.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunBrowserTest {

	static final String ADMIN = "directrice@cpts-test.fr";
	static final String ADMIN_PASSWORD = "Une-phrase-de-passe-longue";
	static final String COORDINATOR = "coordination@cpts-test.fr";
	static final String COORDINATOR_PASSWORD = "Coordination-2026-Sud";
	static final String SLUG = "cpts-du-test";

	@LocalServerPort
	int port;

	BrowserContext context;
	Page page;

	@BeforeEach
	void open() {
		context = Browser.newContext();
		page = context.newPage();
	}

	@AfterEach
	void close(org.junit.jupiter.api.TestInfo info) {
		Browser.screenshot(page, "fin-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
		context.close();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	void login(String email, String password) {
		page.navigate(url("/connexion"));
		page.getByLabel("Adresse e-mail").fill(email);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
	}

	/** From the home, the CPTS's own page: its name beside "Maillage" in the header. */
	void openMyCpts() {
		page.locator("a.menu-cpts").click();
		page.waitForURL(Pattern.compile(".*/cpts/[0-9a-f-]{36}$"));
	}

	@Test
	@Order(1)
	void theFirstVisitCreatesTheAdministrator() {
		page.navigate(url("/"));
		assertThat(page).hasURL(Pattern.compile(".*/installation"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Installation de Maillage"))).isVisible();
		page.getByLabel("Nom et prénom").fill("Sofia Directrice");
		page.getByLabel("Adresse e-mail").fill(ADMIN);
		page.getByLabel("Mot de passe (12 caractères au moins)").fill("court");
		page.getByLabel("Confirmez le mot de passe").fill("court");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le compte administrateur")).click();
		// a clear error, and what was typed is kept
		assertThat(page.getByText("au moins 12 caractères")).isVisible();
		assertThat(page.getByLabel("Adresse e-mail")).hasValue(ADMIN);
		page.getByLabel("Mot de passe (12 caractères au moins)").fill(ADMIN_PASSWORD);
		page.getByLabel("Confirmez le mot de passe").fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le compte administrateur")).click();
		assertThat(page).hasURL(Pattern.compile(".*/connexion"));
		assertThat(page.getByText("Compte administrateur créé")).isVisible();
		// the setup page is gone for good
		page.navigate(url("/installation"));
		assertThat(page).hasURL(Pattern.compile(".*/connexion"));
		Browser.screenshot(page, "01-installation-terminee");
	}

	@Test
	@Order(2)
	void theAdministratorCreatesTheCptsAndInvitesItsCoordinator() {
		login(ADMIN, ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nouvelle CPTS")).click();
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("CPTS du Test");
		page.getByLabel("N° SIRET").fill("892 739 293 00018");
		page.getByLabel("Adresse postale").fill("Espace Chrimalyde, avenue du docteur Bernard Foussier, 04100 Manosque");
		page.getByLabel("E-mail de contact").fill("contact@cpts-test.fr");
		page.getByLabel("Téléphone").fill("06 29 11 56 01");
		page.getByLabel("Adresse de la page publique").fill(SLUG);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer la CPTS")).click();
		assertThat(page.getByText("sa clé de contrôle ne correspond pas")).isVisible();
		assertThat(page.getByLabel("Adresse postale")).hasValue("Espace Chrimalyde, avenue du docteur Bernard Foussier, 04100 Manosque");
		page.getByLabel("N° SIRET").fill("892 739 293 00017");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer la CPTS")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("CPTS du Test"))).isVisible();

		page.getByLabel("Adresse e-mail", new Page.GetByLabelOptions().setExact(false)).last().fill(COORDINATOR);
		page.getByLabel("Rôle").selectOption("COORDINATOR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l'invitation")).click();
		assertThat(page.getByText("Invitation envoyée à " + COORDINATOR)).isVisible();
		Browser.screenshot(page, "02-cpts-creee");
	}

	@Test
	@Order(3)
	void theCoordinatorAcceptsTheInvitationFromTheEmail() {
		String secret = People.invitationSecret(COORDINATOR);
		page.navigate(url("/invitation/" + secret));
		page.getByLabel("Nom et prénom").fill("Camille Coordinatrice");
		page.getByLabel("Mot de passe (12 caractères au moins)").fill(COORDINATOR_PASSWORD);
		page.getByLabel("Confirmez le mot de passe").fill(COORDINATOR_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
		assertThat(page.getByText("Votre compte est prêt")).isVisible();
		login(COORDINATOR, COORDINATOR_PASSWORD);
		// a coordinator of one CPTS lands on it
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("CPTS du Test"))).isVisible();
		// the link works once
		page.navigate(url("/invitation/" + secret));
		assertThat(page.getByText("déjà utilisé ou expiré")).isVisible();
	}

	@Test
	@Order(4)
	void theCoordinatorDefinesTheTerritoryFromAMessyList() {
		login(COORDINATOR, COORDINATOR_PASSWORD);
		openMyCpts();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Définir le territoire")).click();
		page.getByLabel("Liste des communes").fill(String.join("\n",
				"COMMUNES\tCODE POSTAL\tParticularité du territoire (QPV, ZIP, ZAC)",
				"MANOSQUE\t04100\tQPV",
				"CORBIERES\t04220\t-",
				"ST TULLE\t04220",
				"LA BRILLANE\t04700\tZAC",
				"BRUNET\t04035",
				"SAINTE CROIX\t\tZIP",
				"xyzzy plugh"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir l'aperçu")).first().click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Aperçu du territoire"))).isVisible();
		assertThat(page.locator("#apercu-resolues")).hasText("5");
		assertThat(page.locator("#apercu-ambigues")).hasText("1");
		assertThat(page.locator("#apercu-non-reconnues")).hasText("1");
		assertThat(page.getByText("« CORBIERES » lu comme « Corbières-en-Provence »")).isVisible();
		assertThat(page.getByText("code INSEE de Brunet et non son code postal")).isVisible();

		// saving before settling the ambiguity is refused, and nothing is lost
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();
		assertThat(page.getByText("Choisissez une commune")).isVisible();
		assertThat(page.locator("#apercu-resolues")).hasText("5");

		page.locator("#ambigues").getByText("Sainte-Croix-à-Lauze").click();
		page.locator("#non-reconnues").getByRole(AriaRole.CHECKBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Ignorer").setExact(true)).check();
		Browser.screenshot(page, "03-apercu-liste");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();

		assertThat(page.getByText("Territoire enregistré : 6 communes")).isVisible();
		assertThat(page.locator("#total-communes")).hasText("6");
		assertThat(page.locator("#taille")).hasText("Taille 1");
		var manosque = page.locator("#communes tr", new Page.LocatorOptions().setHasText("Manosque"));
		assertThat(manosque).containsText("QPV");
		assertThat(page.locator("#communes tr", new Page.LocatorOptions().setHasText("Sainte-Croix-à-Lauze"))).containsText("ZIP");
		assertThat(page.locator("#graphique-population")).isVisible();
		Browser.screenshot(page, "04-territoire-depuis-liste");
	}

	@Test
	@Order(5)
	void theCoordinatorDefinesTheTerritoryFromAnEpciWithExclusions() {
		login(COORDINATOR, COORDINATOR_PASSWORD);
		openMyCpts();
		page.navigate(page.url().replaceAll("/?$", "") + "/territoire/modifier");
		page.getByLabel("EPCI (nom ou SIREN)").fill("200040905");
		page.getByLabel("Communes à retirer (une par ligne)").fill("Villeneuve-sur-Vère\nMilhavet");
		page.getByLabel("Communes à ajouter (une par ligne)").fill("Lacapelle-Pinet\nLaparrouquial\nSalles 81640");
		page.locator("form", new Page.LocatorOptions().setHas(page.getByLabel("EPCI (nom ou SIREN)")))
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Voir l'aperçu")).click();
		assertThat(page.locator("#apercu-resolues")).hasText("32");
		assertThat(page.locator("#apercu-ambigues")).hasText("0");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le territoire")).click();
		assertThat(page.locator("#total-communes")).hasText("32");
		assertThat(page.locator("#total-population")).hasText(Pattern.compile("29\\s824"));
		assertThat(page.locator("#taille")).hasText("Taille 1");
		// the list sorts by population and filters as one types, accents or not
		var population = page.locator("#communes th", new Page.LocatorOptions().setHasText("Population"));
		assertThat(population).hasAttribute("aria-sort", "none"); // the sorting script is ready (it loads after the page)
		population.click();
		population.click();
		assertThat(population).hasAttribute("aria-sort", "descending");
		assertThat(page.locator("#communes tbody tr").first()).containsText("Carmaux");
		page.getByLabel("Filtrer les communes (nom, code, zone…)").fill("saint benoit");
		assertThat(page.locator("#communes tbody tr:visible")).hasCount(1);
		assertThat(page.locator("#communes tbody tr:visible")).containsText("Saint-Benoît-de-Carmaux");
		Browser.screenshot(page, "05-territoire-depuis-epci");
	}

	@Test
	@Order(6)
	void theAdministratorUpdatesTheReferenceDataFromThePackageFiles() {
		login(ADMIN, ADMIN_PASSWORD);
		Browser.menu(page, "Administration", "Référentiel");
		var dir = fr.maillage.support.TestData.shared().resolve("data/reference/etalab-decoupage-administratif-6.0.0");
		page.getByLabel("communes.json").setInputFiles(dir.resolve("communes.json"));
		page.getByLabel("epci.json").setInputFiles(dir.resolve("epci.json"));
		page.getByLabel("departements.json").setInputFiles(dir.resolve("departements.json"));
		page.getByLabel("regions.json").setInputFiles(dir.resolve("regions.json"));
		page.locator("form", new Page.LocatorOptions().setHas(page.getByLabel("communes.json")))
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Voir l'aperçu")).click();
		assertThat(page.locator("#referentiel-communes")).containsText(Pattern.compile("34\\s969 communes actuelles"));
		assertThat(page.getByText("0 communes nouvelles, 0 disparues, 0 renommées")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remplacer le référentiel")).click();
		assertThat(page.getByText(Pattern.compile("Référentiel remplacé : 34\\s969 communes"))).isVisible();
		Browser.screenshot(page, "06-referentiel-mis-a-jour");
	}

	@Test
	@Order(7)
	void theAdministratorImportsCoordinatesAndTheTerritoryGetsItsMap() {
		login(ADMIN, ADMIN_PASSWORD);
		Browser.menu(page, "Administration", "Référentiel");
		page.getByLabel("Fichier CSV des coordonnées")
			.setInputFiles(fr.maillage.support.TestData.shared().resolve("data/reference/communes-centroids-2018.csv"));
		page.locator("form", new Page.LocatorOptions().setHas(page.getByLabel("Fichier CSV des coordonnées")))
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Voir l'aperçu")).click();
		assertThat(page.locator("#communes-placees")).containsText("communes actuelles placées");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer l'import")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Coordonnées importées");

		page.navigate(url("/"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CPTS du Test")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir le territoire")).click();
		assertThat(page.locator("#carte")).isVisible();
		assertThat(page.locator("#carte path.leaflet-interactive")).hasCount(32);
		Browser.screenshot(page, "07-carte-du-territoire");
	}

	@Test
	@Order(8)
	void thePublicPageReadsWellOnAPhone() {
		try (BrowserContext phone = Browser.newPhoneContext()) {
			Page p = phone.newPage();
			p.navigate(url("/" + SLUG));
			assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("CPTS du Test"))).isVisible();
			assertThat(p.locator("#resume-territoire")).containsText("32 communes");
			assertThat(p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("contact@cpts-test.fr"))).isVisible();
			// nothing overflows the phone's width
			Object overflow = p.evaluate("document.documentElement.scrollWidth > window.innerWidth");
			assertThat(overflow).isEqualTo(false);
			Browser.screenshot(p, "08-page-publique-telephone");
		}
	}
}
