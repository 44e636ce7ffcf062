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
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed-000 evening: the coordinator creates it (three places for the test; a capacity typed in
 * words is explained and what was typed kept); four people register from the public page on a
 * phone, the fourth waits; one cancels from the link of her e-mail and the fourth gets the place
 * and an e-mail; attendance is taken on a phone at the door; the sign-in sheet is read back.
 */
@IntegrationTest
class EventRegistrationBrowserTest {

	private static final Pattern LINK = Pattern.compile("(/inscriptions/[0-9a-f-]{36}\\?jeton=[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void theEveningFillsUpAndThePlaceGoesToTheNextOne() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String base = "http://127.0.0.1:" + port;
		String tag = TestData.unique("").substring(1, 7);
		String day = LocalDate.now().plusDays(5).toString();
		String eventUrl;

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Échanges", "Événements et inscriptions");
			page.getByText("Nouvel événement").click();
			page.getByLabel("Intitulé").fill("Rencontre et débat projet de santé");
			page.getByLabel("Début").fill(day + "T19:30");
			page.getByLabel("Fin").fill(day + "T22:30");
			page.getByLabel("Nombre de places").fill("trois");
			page.getByLabel("Lieu").fill("Salle polyvalente");
			page.getByLabel("Adresse").fill("12 avenue de la Libération, Manosque");
			page.getByRole(AriaRole.BUTTON, named("Créer l'événement")).click();
			assertThat(page.locator("#capacity-erreur")).containsText("en chiffres");
			assertThat(page.getByLabel("Intitulé")).hasValue("Rencontre et débat projet de santé");
			page.getByLabel("Nombre de places").fill("3");
			page.getByRole(AriaRole.BUTTON, named("Créer l'événement")).click();
			assertThat(page.getByText("Événement « Rencontre et débat projet de santé » enregistré.")).isVisible();
			eventUrl = page.url();
			page.locator("#lien-public").click();
			assertThat(page.getByRole(AriaRole.HEADING, named("Rencontre et débat projet de santé"))).isVisible();
		}

		String publicUrl = base + "/evenements/" + eventUrl.substring(eventUrl.lastIndexOf('/') + 1);
		List<String> people = List.of("Alice Durand", "Bernard Colin", "Camille Faure", "David Leroy");
		for (int i = 0; i < people.size(); i++) {
			try (BrowserContext phone = Browser.newPhoneContext()) {
				Page page = phone.newPage();
				page.navigate(publicUrl);
				page.getByLabel("Nom et prénom").fill(people.get(i));
				page.locator("#reg-email").fill(email(people.get(i), tag));
				if (i == 0) {
					page.getByRole(AriaRole.BUTTON, named("M'inscrire")).click();
					assertThat(page.locator("small.field-error")).containsText("Cochez la case");
					assertThat(page.getByLabel("Nom et prénom")).hasValue(people.get(i));
				}
				page.getByRole(AriaRole.CHECKBOX).check();
				page.getByRole(AriaRole.BUTTON, named("M'inscrire")).click();
				assertThat(page.locator("#etat-inscription")).containsText(i < 3 ? "vous êtes inscrit(e)" : "liste d'attente, position 1");
				if (i == 3) {
					Browser.screenshot(page, "evenement-liste-attente");
				}
			}
		}

		// Bernard cancels from the link of his e-mail; David gets the place and is told
		String mail = Mail.text(Mail.awaitSubject(email("Bernard Colin", tag), "Inscription confirmée"));
		Matcher link = LINK.matcher(mail);
		assertThat(link.find()).as(mail).isTrue();
		try (BrowserContext phone = Browser.newPhoneContext()) {
			Page page = phone.newPage();
			page.navigate(base + link.group(1));
			page.getByRole(AriaRole.BUTTON, named("Annuler mon inscription")).click();
			assertThat(page.locator(".notice.success")).containsText("Votre inscription est annulée. Merci");
			page.navigate(base + link.group(1));
			assertThat(page.locator("#etat-inscription")).containsText("votre inscription est annulée");
		}
		assertThat(Mail.text(Mail.awaitSubject(email("David Leroy", tag), "Une place s'est libérée"))).contains("vous êtes inscrit(e)");

		// at the door, on a phone
		try (BrowserContext phone = Browser.newPhoneContext()) {
			Page page = phone.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(eventUrl);
			assertThat(page.locator("#resume-evenement")).containsText("3 inscrit(s) sur 3 places, 0 en attente");
			page.getByLabel("Chercher un nom").fill("david");
			page.getByLabel("Chercher un nom").press("Enter");
			page.getByRole(AriaRole.BUTTON, named("David Leroy : présent(e)")).click();
			assertThat(page.getByText("David Leroy noté(e) présent(e).")).isVisible();
			page.getByLabel("Chercher un nom").fill("");
			page.getByLabel("Chercher un nom").press("Enter");
			page.getByRole(AriaRole.BUTTON, named("Alice Durand : présent(e)")).click();
			assertThat(page.locator("#resume-evenement")).containsText("2 présent(s)");
			Browser.screenshot(page, "evenement-presences");
			// the attendance certificate, for someone present only
			var certificate = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, named("Attestation de présence de Alice Durand (PDF)")).click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(certificate.path()))) {
				assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Attestation de présence")
					.contains("atteste que Alice Durand a participé à « Rencontre et débat projet de santé »").contains("de 19:30 à 22:30");
			}
			assertThat(page.getByRole(AriaRole.LINK, named("Attestation de présence de Camille Faure (PDF)"))).hasCount(0);
			var sheet = page.waitForDownload(() -> page.getByText("Feuille d'émargement (PDF)").click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(sheet.path()))) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains("Feuille d'émargement – Rencontre et débat projet de santé").contains("Alice Durand").contains("Camille Faure")
					.contains("David Leroy").doesNotContain("Bernard Colin").contains("3 personne(s) inscrite(s)");
			}
		}
	}

	private static String email(String name, String tag) {
		return name.toLowerCase().replace(' ', '.') + "." + tag + "@exemple.fr";
	}
}
