package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crisis mission in the browser: the coordinator writes the plan (a cell without referent
 * refused first, what was typed kept) and reads its PDF back; a nurse declares her skills; the
 * referent starts a heatwave exercise, marked as such, and alerts the professionals of Manosque;
 * three answer on a phone (now, within 24 h, no) and the board counts them by profession and
 * commune; the alert is closed, an answer after it refused; the crisis is closed with its review.
 */
@IntegrationTest
class CrisisBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	fr.maillage.missions.internal.IndicatorSources sources;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Autowired
	fr.maillage.reference.CommuneDirectory communes;

	@Test
	void aHeatwaveExerciseFromThePlanToTheReview() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person referent = People.invite(admin, cpts, "MEMBER");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		People.Person physio = People.invite(admin, cpts, "MEMBER");
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		Gps.link(jdbc, id(nurse), Gps.practitioner(jdbc, "ROUX" + tag, "60", "Infirmier", "", "04112", "Manosque"));
		Gps.link(jdbc, id(gp), Gps.create(jdbc, "BLANC" + tag, "04112", "Manosque"));
		Gps.link(jdbc, id(physio), Gps.practitioner(jdbc, "FAURE" + tag, "70", "Masseur-kinésithérapeute", "", "04112", "Manosque"));
		// one frail patient of Manosque followed after a hospital stay, the nurse in her circle
		Api coordinatorApi = new Api(port, People.token(port, coordinator));
		String discharge = coordinatorApi.post("/api/v1/cpts/" + cpts + "/pathway-templates/examples", Map.of()).json().valueStream()
			.filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id").asString();
		UUID nurseEntry = jdbc.sql("select practitioner_id from account_link_directory where user_id = :u and status = 'ACTIVE'").param("u", id(nurse))
			.query(UUID.class).single();
		Api.Response enrolled = new Api(port, People.token(port, gp)).post("/api/v1/pathway-enrolments", Map.ofEntries(Map.entry("cptsId", cpts),
				Map.entry("templateId", discharge), Map.entry("startDate", java.time.LocalDate.now().toString()), Map.entry("birthName", "ARNAUD"),
				Map.entry("firstNames", "Lucienne"), Map.entry("birthDate", "1941-03-09"), Map.entry("sex", "F"), Map.entry("communeCode", "04112"),
				Map.entry("consentHow", "ORAL"), Map.entry("consent", true), Map.entry("circle", List.of(Map.of("practitionerId", nurseEntry.toString())))));
		org.assertj.core.api.Assertions.assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String base = "http://127.0.0.1:" + port;
		String referentName = jdbc.sql("select display_name from user_account where id = :u").param("u", id(referent)).query(String.class).single();

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			Browser.menu(page, "Soins et gardes", "Crise sanitaire");
			assertThat(page.locator("#plan-absent")).isVisible();
			page.getByRole(AriaRole.BUTTON, named("Écrire le plan")).click();
			page.locator("[id='cell0.user']").selectOption(id(referent).toString());
			page.locator("[id='cell0.phone']").fill("06 12 34 56 78");
			page.locator("[id='resource0.name']").fill("Gymnase municipal (centre de vaccination)");
			page.locator("[id='resource0.commune']").fill("04112");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer une nouvelle version")).click();
			assertThat(page.getByText("La cellule doit avoir un référent.")).isVisible();
			assertThat(page.locator("[id='resource0.name']")).hasValue("Gymnase municipal (centre de vaccination)");
			page.locator("[id='cell0.role']").selectOption("REFERENT");
			page.getByText("Canicule", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("[id='sheet.HEATWAVE']")).containsText("vigilance orange");
			page.getByRole(AriaRole.BUTTON, named("Enregistrer une nouvelle version")).click();
			assertThat(page.getByText("Plan de crise enregistré (version 1).")).isVisible();
			assertThat(page.locator("#plan-etat")).containsText("référent : " + referentName);
			var download = page.waitForDownload(() -> page.getByText("Plan (PDF)").click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains("Plan de crise sanitaire").contains(referentName).contains("06 12 34 56 78").contains("Gymnase municipal")
					.contains("vigilance orange");
			}
			// the fragile patients' organisation in the plan, in counts from the pathways, never a name
			page.navigate(base + "/cpts/" + cpts + "/crise/plan");
			assertThat(page.locator("#suivi-parcours table.followup")).containsText("Sortie d'hospitalisation");
			assertThat(page.locator("#suivi-parcours table.followup tbody td").nth(1)).hasText("1");
			assertThat(page.locator("#suivi-parcours")).not().containsText("ARNAUD");
			// the local resources listed and placed on a map (the commune's centre, over its contour)
			fr.maillage.support.Coordinates.with(jdbc, communes, () -> {
				page.navigate(base + "/cpts/" + cpts + "/crise");
				assertThat(page.locator("#liste-ressources")).containsText("Gymnase municipal (centre de vaccination)");
				assertThat(page.locator("#carte-ressources")).hasAttribute("data-drawn", "1");
				assertThat(page.locator("#carte-ressources path.leaflet-interactive").first()).isVisible();
			});
		}

		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate(base + "/cpts/" + cpts + "/crise");
			assertThat(page.getByText("Le plan de crise et les crises sont suivis par la cellule")).isVisible();
			page.getByLabel("Vacciner").check();
			page.getByRole(AriaRole.BUTTON, named("Enregistrer mes compétences")).click();
			assertThat(page.getByText("Vos compétences sont enregistrées.")).isVisible();
			assertThat(page.getByLabel("Vacciner")).isChecked();
		}

		String boardUrl;
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, referent.email(), referent.password());
			page.navigate(base + "/cpts/" + cpts + "/crise");
			page.getByText("Activer le plan de crise").click();
			page.locator("#crisis-kind").selectOption("HEATWAVE");
			page.locator("#crisis-level").selectOption("2");
			page.getByLabel("C'est un exercice").check();
			page.getByRole(AriaRole.BUTTON, named("Activer et réunir la cellule")).click();
			assertThat(page.getByText("Exercice lancé : « [EXERCICE] Canicule »")).isVisible();
			assertThat(page.locator("#bandeau-exercice")).isVisible();
			page.getByText("Alerter des professionnels").click();
			page.locator("#alert-message").fill("Canicule : qui peut faire des visites à domicile cet après-midi ?");
			page.locator("#alert-communes").fill("Manosque");
			page.getByRole(AriaRole.BUTTON, named("Envoyer l'alerte")).click();
			assertThat(page.getByText("Alerte envoyée à 3 professionnel(s).")).isVisible();
			assertThat(page.locator("#compteurs")).containsText("3 sans réponse, sur 3");
			boardUrl = page.url();
		}

		String alertId = boardUrl.substring(boardUrl.lastIndexOf('/') + 1);
		answer(nurse, alertId, "Disponible maintenant");
		answer(gp, alertId, "Disponible dans les 24 h");
		answer(physio, alertId, "Pas disponible");

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, referent.email(), referent.password());
			page.navigate(boardUrl);
			assertThat(page.locator("#compteurs")).containsText("1 maintenant · 1 dans les 24 h · 1 pas disponibles · 0 sans réponse, sur 3");
			assertThat(page.locator("#par-profession")).containsText("Infirmier");
			assertThat(page.locator("#par-commune")).containsText("Manosque");
			assertThat(page.locator("#disponibles")).containsText("Infirmier – Manosque");
			Browser.screenshot(page, "crise-tableau");
			page.getByRole(AriaRole.BUTTON, named("Clore l'alerte")).click();
			assertThat(page.locator("#alerte-close")).isVisible();
		}

		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, physio.email(), physio.password());
			page.navigate(base + "/crises/alertes/" + alertId);
			assertThat(page.getByText("Cette alerte est close")).isVisible();
			assertThat(page.getByRole(AriaRole.BUTTON, named("Disponible maintenant"))).hasCount(0);
		}

		// a vaccination site with two days of shifts: the nurse and the GP sign up on their phones, the gap is shown, then filled
		String crisisUrl = boardUrl.substring(0, boardUrl.indexOf("/alertes/"));
		String siteUrl;
		java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1);
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, referent.email(), referent.password());
			page.navigate(crisisUrl);
			page.getByText("Ouvrir un site").click();
			page.locator("#site-name").fill("Centre de vaccination du gymnase");
			page.locator("#site-kind").selectOption("VACCINATION");
			page.getByRole(AriaRole.BUTTON, named("Ouvrir le site")).click();
			assertThat(page.getByText("Site « Centre de vaccination du gymnase » ouvert")).isVisible();
			siteUrl = page.url();
			page.getByText("Ajouter des créneaux").click();
			page.locator("#shift-day").fill(tomorrow.toString());
			page.locator("#shift-start").fill("09:00");
			page.locator("#shift-end").fill("08:00");
			page.locator("#shift-days").fill("2");
			page.locator("#needDOCTOR").fill("1");
			page.locator("#needNURSE").fill("1");
			page.locator("#needADMIN").fill("-1");
			page.getByRole(AriaRole.BUTTON, named("Ajouter les créneaux")).click();
			assertThat(page.locator("#end-erreur")).containsText("finir après son début");
			assertThat(page.locator("#needADMIN-erreur")).containsText("entre 0 et 50");
			assertThat(page.locator("#needNURSE")).hasValue("1");
			page.locator("#shift-end").fill("13:00");
			page.locator("#needADMIN").fill("1");
			page.getByRole(AriaRole.BUTTON, named("Ajouter les créneaux")).click();
			assertThat(page.getByText("2 créneau(x) ajouté(s).")).isVisible();
			assertThat(page.locator("article.shift")).hasCount(2);
		}
		signUp(nurse, siteUrl, "Vous êtes inscrit (Infirmiers)");
		signUp(gp, siteUrl, "Vous êtes inscrit (Médecins)");
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, referent.email(), referent.password());
			page.navigate(siteUrl);
			var first = page.locator("article.shift").first();
			assertThat(first.locator("li.gap")).hasCount(1);
			assertThat(first.locator("li.gap")).containsText("Administratifs");
			assertThat(first.locator("li.gap .badge")).containsText("1 à pourvoir");
			page.getByRole(AriaRole.BUTTON, named("Envoyer les créneaux à pourvoir aux disponibles")).click();
			assertThat(page.getByText("Créneaux à pourvoir envoyés")).isVisible();
		}
		signUp(physio, siteUrl, "Vous êtes inscrit (Administratifs)");
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, referent.email(), referent.password());
			page.navigate(siteUrl);
			var first = page.locator("article.shift").first();
			assertThat(first.locator("li.gap")).hasCount(0);
			first.getByText("Saisir les comptes du créneau").click();
			first.locator("input[name=doses]").fill("120");
			first.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer les comptes")).click();
			assertThat(page.getByText("Comptes du créneau enregistrés.")).isVisible();
			assertThat(page.locator("article.shift").first().locator(".shift-counts")).containsText("120 dose(s)");
			var csv = page.waitForDownload(() -> page.getByText("Planning (CSV)").click());
			String planning = Files.readString(csv.path());
			assertThat(planning).contains("Infirmiers").contains("120").contains(jdbc.sql("select display_name from user_account where id = :u")
				.param("u", id(nurse)).query(String.class).single());
			// printed: a table per day, the first day full with its counts, the second day's gaps in words
			var printed = page.waitForDownload(() -> page.getByText("Planning à imprimer (PDF)").click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(printed.path()))) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains("Planning – Centre de vaccination du gymnase").contains("EXERCICE — ceci n'est pas une crise réelle.")
					.contains(tomorrow.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)))
					.contains(tomorrow.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)))
					.contains("120 doses, 0 consultations").contains("1 à pourvoir").contains("09:00 – 13:00");
			}
			Browser.screenshot(page, "crise-site-creneaux");
		}

		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, referent.email(), referent.password());
			page.navigate(crisisUrl);
			// the log: an entry, one refused (empty), a correction pointing to the first
			page.locator("#log-kind").selectOption("DECISION");
			page.locator("#log-text").fill("Ouverture du gymnase à 14 h pour les visites.");
			byte[] map = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
			page.getByLabel("Pièces jointes (facultatif, trois au plus)")
				.setInputFiles(new com.microsoft.playwright.options.FilePayload("plan-gymnase.pdf", "application/pdf", map));
			page.getByRole(AriaRole.BUTTON, named("Ajouter à la main courante")).click();
			assertThat(page.getByText("Entrée n° 1 ajoutée à la main courante.")).isVisible();
			var attached = page.waitForDownload(() -> page.locator("#entree-1").getByText("plan-gymnase.pdf").click());
			org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(attached.path())).isEqualTo(map);
			page.locator("#log-kind").selectOption("ACTION");
			page.getByRole(AriaRole.BUTTON, named("Ajouter à la main courante")).click();
			assertThat(page.locator("#text-erreur")).containsText("Écrivez l'entrée");
			page.locator("#log-kind").selectOption("DECISION");
			page.locator("#log-corrects").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("n° 1"));
			page.locator("#log-text").fill("Ouverture du gymnase à 15 h (et non 14 h).");
			page.getByRole(AriaRole.BUTTON, named("Ajouter à la main courante")).click();
			assertThat(page.getByText("Entrée n° 2 ajoutée à la main courante.")).isVisible();
			assertThat(page.locator("#entree-1")).containsText("corrigée par l'entrée n° 2");
			assertThat(page.locator("#entree-2")).containsText("corrige l'entrée n° 1");
			var logPdf = page.waitForDownload(() -> page.getByText("Main courante (PDF)").click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(logPdf.path()))) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains("Main courante – [EXERCICE] Canicule").contains("Ouverture du gymnase à 14 h").contains("corrige l'entrée n° 1")
					.contains("Pièces jointes : plan-gymnase.pdf");
			}
			// the frail patients followed in the area, in counts; their circles asked to take news, never a name
			assertThat(page.locator("table.followup")).containsText("Sortie d'hospitalisation");
			assertThat(page.locator("table.followup tbody td").nth(1)).hasText("1");
			assertThat(page.locator("table.followup")).not().containsText("ARNAUD");
			page.getByText("Demander aux cercles de soins de prendre des nouvelles").click();
			page.getByRole(AriaRole.BUTTON, named("Envoyer aux cercles de soins")).click();
			assertThat(page.locator("#followUpMessage-erreur")).containsText("Écrivez ce que vous demandez");
			page.locator("#followUpMessage").fill("Appelez aujourd'hui vos patients âgés qui vivent seuls.");
			page.getByRole(AriaRole.BUTTON, named("Envoyer aux cercles de soins")).click();
			assertThat(page.getByText("Demande envoyée aux cercles de soins")).isVisible();
			assertThat(page.locator("#entree-3")).containsText("Appelez aujourd'hui vos patients âgés");
			page.getByText("Clore la crise").first().click();
			page.locator("#review").fill("court");
			page.getByLabel("Documents du retour d'expérience", new Page.GetByLabelOptions().setExact(false))
				.setInputFiles(new com.microsoft.playwright.options.FilePayload("retex.pdf", "application/pdf", map));
			page.getByRole(AriaRole.BUTTON, named("Clore la crise")).click();
			assertThat(page.locator("#review-erreur")).containsText("20 caractères");
			assertThat(page.locator("#review")).hasValue("court");
			assertThat(page.locator("#entree-4")).hasCount(0); // all or nothing: the refused closing kept no document
			page.locator("#review").fill("Cellule réunie en dix minutes ; 2 professionnels disponibles sur 3. À revoir : les numéros des suppléants.");
			page.getByLabel("Documents du retour d'expérience", new Page.GetByLabelOptions().setExact(false))
				.setInputFiles(new com.microsoft.playwright.options.FilePayload("retex.pdf", "application/pdf", map));
			page.getByRole(AriaRole.BUTTON, named("Clore la crise")).click();
			assertThat(page.getByText("Crise close ; son retour d'expérience est enregistré.")).isVisible();
			assertThat(page.locator("#retex")).containsText("Cellule réunie en dix minutes");
			assertThat(page.locator("#entree-4")).containsText("Retour d'expérience : documents joints");
			assertThat(page.locator("#entree-4")).containsText("retex.pdf");
		}
		// the nurse of the circle is told how many of her patients, never who
		String told = jdbc.sql("select title || ' ' || body from notification where user_id = :u and kind = 'pathways.followup'").param("u", id(nurse))
			.query(String.class).single();
		org.assertj.core.api.Assertions.assertThat(told).contains("1 de vos patients").contains("vivent seuls").doesNotContain("ARNAUD");
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, nurse.email(), nurse.password());
			page.navigate(base + "/notifications");
			assertThat(page.getByText("prenez des nouvelles de vos patients suivis").first()).isVisible();
		}

		// the crisis mission's indicators count the exercise, the people mobilised, their hours, the doses
		java.time.LocalDate today = tomorrow.minusDays(1);
		var m = sources.measure(UUID.fromString(cpts), today.minusDays(1), today.plusDays(3));
		assertThat(m.get("crisis.planReviewed").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("crisis.exercises").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("crisis.activations").numerator()).isEqualByComparingTo("0");
		assertThat(m.get("crisis.mobilised").numerator()).isEqualByComparingTo("3");
		assertThat(m.get("crisis.shiftHours").numerator()).isEqualByComparingTo("12");
		assertThat(m.get("crisis.doses").numerator()).isEqualByComparingTo("120");
	}

	private void answer(People.Person who, String alertId, String button) {
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, who.email(), who.password());
			page.navigate("http://127.0.0.1:" + port + "/notifications");
			page.getByText("Alerte : [EXERCICE] Canicule").first().click();
			assertThat(page.locator("#message-alerte")).containsText("visites à domicile");
			page.getByRole(AriaRole.BUTTON, named(button)).click();
			assertThat(page.getByText("Réponse enregistrée. Merci.")).isVisible();
			assertThat(page.locator("#ma-reponse")).containsText(button);
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
		}
	}

	private void signUp(People.Person who, String siteUrl, String told) {
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, who.email(), who.password());
			page.navigate(siteUrl);
			page.locator("article.shift").first().getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Je m'inscris"))
				.click();
			assertThat(page.getByText(told)).isVisible();
			assertThat(page.locator("article.shift").first()).containsText("Vous êtes inscrit à ce créneau.");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
		}
	}

	private UUID id(People.Person p) {
		return accounts.userIdByEmail(p.email()).orElseThrow();
	}
}
