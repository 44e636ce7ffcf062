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
import fr.maillage.support.RppsFiles;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coordinator imports the RPPS extraction in the browser, follows its progress, reads the report and searches the directory. */
@IntegrationTest
class DirectoryBrowserTest {

	@LocalServerPort
	int port;

	BrowserContext context;
	Page page;

	@org.springframework.beans.factory.annotation.Autowired
	fr.maillage.accounts.Accounts accounts;

	@BeforeEach
	void open() {
		context = Browser.newContext();
		page = context.newPage();
	}

	@AfterEach
	void close(org.junit.jupiter.api.TestInfo info) {
		Browser.screenshot(page, "annuaire-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
		context.close();
	}

	@Test
	void importALatin1ExtractionThenSearchWithAndWithoutAccents() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112", "04088"));
		int base = (int) (System.nanoTime() % 50_000) + 200_000;
		String run = RppsFiles.runWord();
		RppsFiles many = new RppsFiles();
		for (int i = 0; i < 27; i++) {
			many.add(RppsFiles.gp(RppsFiles.rpps(base + 10 + i), "PAGE " + run, "P" + i, "04112", "Manosque", "04100"));
		}
		byte[] file = many
			.add(RppsFiles.gp(RppsFiles.rpps(base), "LEFÈVRE " + run, "Zoé", "04088", "Forcalquier", "04300"))
			.add(RppsFiles.gp(RppsFiles.rpps(base + 1), "ÉTIENNE " + run, "Gaëlle", "04112", "Manosque", "04100"))
			.add(RppsFiles.gp(RppsFiles.rpps(base + 2), "LOIN " + run, "Marc", "69123", "Lyon", "69001"))
			.rename("Libellé civilité exercice", "Libellé civilité d'exercice")
			.bytes(StandardCharsets.ISO_8859_1);

		page.navigate("http://127.0.0.1:" + port + "/connexion");
		page.getByLabel("Adresse e-mail").fill(TestData.ADMIN_EMAIL);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(TestData.ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		page.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts);
		page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Importer l'extraction RPPS").setExact(true)).click();
		page.getByLabel("Fichier de l'extraction RPPS (.zip ou .txt)")
			.setInputFiles(new FilePayload("PS_LibreAcces_Personne_activite_202611240900.txt", "text/plain", file));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer l'import")).click();

		assertThat(page.locator("#etat-import")).hasText("Import terminé.", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
		assertThat(page.locator("#import-crees")).hasText("29");
		assertThat(page.locator("#rapport-import")).containsText("30 lignes lues");
		assertThat(page.locator("#rapport-import")).containsText("1 hors du territoire");
		assertThat(page.locator("#rapport-import")).containsText("ISO-8859-1");
		Browser.screenshot(page, "annuaire-rapport-import");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir l'annuaire")).click();
		page.getByLabel("Nom ou prénom").fill("lefevre zoe " + run.toLowerCase());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
		assertThat(page.locator("#professionnels tbody tr")).hasCount(1);
		assertThat(page.locator("#professionnels tbody tr")).containsText("LEFÈVRE");
		assertThat(page.locator("#professionnels tbody tr")).containsText("Forcalquier");
		page.getByLabel("Nom ou prénom").fill("Étienne Gaëlle " + run);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
		assertThat(page.locator("#professionnels tbody tr")).hasCount(1);
		assertThat(page.locator("#professionnels tbody tr")).containsText("Médecine Générale");
		var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Exporter en CSV")).click());
		try {
			String csv = java.nio.file.Files.readString(download.path());
			assertThat(csv).startsWith("\uFEFFidentification_nationale;nom;prenom;").contains("ÉTIENNE " + run + ";Gaëlle;Médecin;Médecine Générale");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		// 27 answers: two pages, and the search is kept from one page to the next
		page.getByLabel("Nom ou prénom").fill("page " + run.toLowerCase());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
		assertThat(page.getByText("Page 1 sur 2")).isVisible();
		assertThat(page.locator("#professionnels tbody tr")).hasCount(25);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Suivant")).click();
		assertThat(page.getByText("Page 2 sur 2")).isVisible();
		assertThat(page.locator("#professionnels tbody tr")).hasCount(2);
		assertThat(page.getByLabel("Nom ou prénom")).hasValue("page " + run.toLowerCase());
		page.getByLabel("Nom ou prénom").fill("loin marc " + run.toLowerCase());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
		assertThat(page.locator("#nombre-resultats .list-count")).hasText(Pattern.compile("^0 professionnel"));
	}

	@Test
	void aCoordinatorAddsAProfessionalWithoutNationalIdAndCompletesContactDetails() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String unique = "SOCIALE" + (System.nanoTime() % 100_000);
		page.navigate("http://127.0.0.1:" + port + "/connexion");
		page.getByLabel("Adresse e-mail").fill(TestData.ADMIN_EMAIL);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(TestData.ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		page.navigate("http://127.0.0.1:" + port + "/annuaire");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter un professionnel")).click();
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill(unique);
		page.getByLabel("Prénom").fill("Amélie");
		page.getByLabel("Profession").fill("Assistante sociale");
		page.getByLabel("Commune d'exercice (nom ou code INSEE)").fill("Manosque");
		page.getByLabel("Adresse MSSanté").fill("pas-une-adresse");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter à l'annuaire")).click();
		assertThat(page.getByText("n'est pas une adresse e-mail valide")).isVisible();
		assertThat(page.getByLabel("Profession")).hasValue("Assistante sociale");
		page.getByLabel("Adresse MSSanté").fill("amelie." + unique.toLowerCase() + "@ch-manosque.mssante.fr");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter à l'annuaire")).click();
		assertThat(page.getByText("Professionnel ajouté à l'annuaire.")).isVisible();
		assertThat(page.locator("#profession")).hasText("Assistante sociale");

		page.getByLabel("Langues parlées (séparées par des virgules)").fill("français, arabe");
		page.getByLabel("Accepte de nouveaux patients").selectOption("true");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les coordonnées")).click();
		assertThat(page.getByText("Coordonnées enregistrées.")).isVisible();
		assertThat(page.locator("#nouveaux-patients")).hasText("Oui");

		var found = admin.get("/api/v1/practitioners?q=" + unique.toLowerCase() + "%20amelie&commune=04112").json();
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("nationalId").isNull()).isTrue();
		assertThat(found.get("items").get(0).get("languages").toString()).contains("arabe");

		// a member who coordinates nothing reads the entry but cannot change it
		People.Invitations.use(accounts);
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		String id = found.get("items").get(0).get("id").asString();
		Api memberApi = new Api(port, People.token(port, member));
		assertThat(memberApi.get("/api/v1/practitioners?q=" + unique.toLowerCase()).json().get("total").asLong()).isEqualTo(1);
		try (BrowserContext other = Browser.newContext()) {
			Page p = other.newPage();
			p.navigate("http://127.0.0.1:" + port + "/connexion");
			p.getByLabel("Adresse e-mail").fill(member.email());
			p.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(member.password());
			p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
			p.navigate("http://127.0.0.1:" + port + "/annuaire/professionnels/" + id);
			assertThat(p.locator("#profession")).hasText("Assistante sociale");
			assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les coordonnées"))).hasCount(0);
		}
	}
}
