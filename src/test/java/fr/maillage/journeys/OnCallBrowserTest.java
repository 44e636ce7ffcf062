package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.oncall.RosterPattern;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002's pharmacies on a 24/7 rota, in the browser: the coordinator builds next month's
 * pharmacy roster (a wrong form first), fills it in turn and changes one turn by hand; one pharmacy
 * asks to swap a turn, the other accepts; the coordinator sees the planning and the coverage; an
 * inhabitant on a phone finds the pharmacy on duty that night near their commune, and its phone.
 */
@IntegrationTest
class OnCallBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	private static Locator.GetByRoleOptions button(String name) {
		return new Locator.GetByRoleOptions().setName(name);
	}

	@Test
	void theCoordinatorBuildsAMonthPharmaciesSwapAndAnInhabitantFindsWhoIsOnDutyTonight() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		String slug = jdbc.sql("select slug from cpts where id = :c").param("c", UUID.fromString(cpts)).query(String.class).single();
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person first = People.invite(admin, cpts, "MEMBER");
		People.Person second = People.invite(admin, cpts, "MEMBER");
		String tag = TestData.unique("").substring(1, 6);
		String cours = "Pharmacie du Cours " + tag;
		String thermes = "Pharmacie des Thermes " + tag;
		Gps.structure(jdbc, "PHARMACIE", cours, "04112", "Manosque", accounts.userIdByEmail(first.email()).orElseThrow());
		Gps.structure(jdbc, "PHARMACIE", thermes, "04070", "Digne-les-Bains", accounts.userIdByEmail(second.email()).orElseThrow());
		YearMonth month = YearMonth.now(RosterPattern.PARIS).plusMonths(1);
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts);
			page.getByRole(AriaRole.LINK, named("Planning des gardes")).first().click();
			assertThat(page.getByText("Aucun tableau de garde pour l'instant.")).isVisible();
			page.getByLabel("Qui est de garde").selectOption("MEDECIN");
			assertThat(page.getByLabel("Jours de garde")).hasValue("SUNDAYS_HOLIDAYS");
			assertThat(page.getByLabel("Numéro à appeler affiché au public (facultatif)")).hasValue("116 117");
			page.getByLabel("Qui est de garde").selectOption("PHARMACIE");
			assertThat(page.getByLabel("Jours de garde")).hasValue("DAILY");
			page.getByLabel("Communes du secteur, une par ligne (vide : tout le territoire)").fill("Manosque\nAtlantide");
			page.getByRole(AriaRole.BUTTON, named("Créer le tableau")).click();
			assertThat(page.getByText("Donnez un nom au tableau")).isVisible();
			assertThat(page.getByText("Communes inconnues ou ambiguës : « Atlantide »")).isVisible();
			assertThat(page.getByLabel("Communes du secteur, une par ligne (vide : tout le territoire)")).hasValue("Manosque\nAtlantide");
			page.getByLabel("Nom du tableau").fill("Pharmacies de garde");
			page.getByLabel("Communes du secteur, une par ligne (vide : tout le territoire)").fill("");
			page.getByRole(AriaRole.BUTTON, named("Créer le tableau")).click();
			assertThat(page.getByText("Tableau « Pharmacies de garde » créé.")).isVisible();

			page.getByLabel("Mois", new Page.GetByLabelOptions().setExact(true)).fill(month.toString());
			page.getByRole(AriaRole.BUTTON, named("Afficher")).click();
			page.locator("form[action$='/mois'] button").click();
			assertThat(page.getByText(month.lengthOfMonth() + " garde(s) ajoutée(s) au mois")).isVisible();
			assertThat(page.getByText(month.lengthOfMonth() + " garde(s) sans personne ce mois-ci.")).isVisible();
			page.getByRole(AriaRole.BUTTON, named("Remplir à tour de rôle")).click();
			assertThat(page.getByText(month.lengthOfMonth() + " garde(s) attribuée(s) à tour de rôle.")).isVisible();
			assertThat(page.locator("#tours .badge.bad")).hasCount(0);
			// the month is a calendar; the coordinator here works in its list, the table with a form per turn
			page.getByRole(AriaRole.BUTTON, named("Voir en liste")).click();
			Locator firstRow = page.locator("#tours tbody tr").first();
			firstRow.getByLabel("Qui est de garde").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(thermes + " (Digne-les-Bains)"));
			firstRow.getByRole(AriaRole.BUTTON, button("Enregistrer")).click();
			assertThat(page.getByText("Garde attribuée à " + thermes)).isVisible();
			Browser.screenshot(page, "gardes-tableau");
			// the roster is handed to the pharmacists' own organiser; a wrong address first
			page.getByLabel("E-mail d'une personne de la CPTS").fill("inconnu@exemple.fr");
			page.getByRole(AriaRole.BUTTON, named("Déléguer ce tableau")).click();
			assertThat(page.getByText("Aucun compte de cette CPTS n'a cette adresse e-mail.")).isVisible();
			page.getByLabel("E-mail d'une personne de la CPTS").fill(first.email());
			page.getByRole(AriaRole.BUTTON, named("Déléguer ce tableau")).click();
			assertThat(page.getByText("Délégation enregistrée")).isVisible();

			// and this month too, from today: tonight has its pharmacy
			page.getByLabel("Mois", new Page.GetByLabelOptions().setExact(true)).fill(YearMonth.now(RosterPattern.PARIS).toString());
			page.getByRole(AriaRole.BUTTON, named("Afficher")).click();
			page.locator("form[action$='/mois'] button").click();
			assertThat(page.getByText("garde(s) ajoutée(s) au mois")).isVisible();
			page.getByRole(AriaRole.BUTTON, named("Remplir à tour de rôle")).click();
			assertThat(page.getByText("garde(s) attribuée(s) à tour de rôle.")).isVisible();
		}

		// the first pharmacy asks to swap its first turn for one of the other's
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, first.email(), first.password());
			Browser.menu(page, "Soins et gardes", "Mes gardes");
			Locator mine = page.locator("#mes-gardes li", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.BUTTON, named("Proposer un échange")))).first();
			assertThat(mine).containsText(cours);
			mine.getByRole(AriaRole.BUTTON, button("Proposer un échange")).click();
			assertThat(page.getByText("Demande d'échange envoyée")).isVisible();
			assertThat(page.locator("#mes-echanges li")).hasCount(1);
			// the pharmacy's duties in its calendar application
			page.getByRole(AriaRole.LINK, named("Mes gardes dans mon agenda")).click();
			page.getByRole(AriaRole.BUTTON, named("Créer mon adresse d'agenda")).click();
			String feed = page.locator("#adresse-agenda").textContent().strip();
			var ics = context.request().get(base + java.net.URI.create(feed).getPath());
			assertThat(ics.status()).isEqualTo(200);
			assertThat(ics.text()).contains("BEGIN:VCALENDAR").contains("SUMMARY:Garde – Pharmacies de garde (" + cours);
		}

		// the other accepts: the roster is swapped
		String[] swappedDay = new String[1];
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, second.email(), second.password());
			page.navigate(base + "/gardes");
			Locator swap = page.locator("#mes-echanges li").first();
			assertThat(swap).containsText(cours);
			swap.getByRole(AriaRole.BUTTON, button("Accepter l'échange")).click();
			assertThat(page.getByText("Échange accepté : le tableau est à jour.")).isVisible();
			assertThat(page.locator("#mes-echanges li")).hasCount(0);
			swappedDay[0] = jdbc.sql("""
					select s.starts_at from oncall_swap w join oncall_shift s on s.id = w.shift_b join oncall_roster r on r.id = s.roster_id
					where r.cpts_id = :c and w.status = 'ACCEPTED'""").param("c", UUID.fromString(cpts)).query(java.sql.Timestamp.class).single()
				.toInstant().toString();
		}
		LocalDate night = Instant.parse(swappedDay[0]).atZone(RosterPattern.PARIS).toLocalDate();

		// the coordinator's planning and coverage
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + "/cpts/" + cpts + "/gardes?mois=" + month);
			assertThat(page.locator("#planning")).containsText(cours);
			assertThat(page.locator("#planning")).containsText(thermes);
			assertThat(page.locator("#trous")).hasCount(0);
			Browser.screenshot(page, "gardes-planning");
			page.navigate(base + "/cpts/" + cpts + "/soins-non-programmes/indicateurs?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
			Locator coverage = page.locator("#couverture tr", new Page.LocatorOptions().setHasText("Pharmacies de garde"));
			assertThat(coverage).containsText(String.valueOf(month.lengthOfMonth()));
			Browser.screenshot(page, "snp-indicateurs");
		}

		// an inhabitant on a phone, without an account: the pharmacy on duty that night near Manosque
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			page.navigate(base + "/" + slug);
			page.getByRole(AriaRole.BUTTON, named("Voir qui est de garde")).click();
			page.getByLabel("Près de la commune").fill("Manosque");
			page.getByLabel("À (heure, facultatif)").fill("22:00");
			page.getByRole(AriaRole.BUTTON, named("Chercher")).click();
			assertThat(page.locator("#quand")).containsText(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.FRENCH)
				.format(LocalDate.now(RosterPattern.PARIS)) + " 22:00");
			Locator tonight = page.locator("#de-garde article").first();
			assertThat(tonight).containsText("Pharmacie");
			assertThat(tonight).containsText("3237");

			page.getByLabel("Le (facultatif)").fill(night.toString());
			page.getByLabel("À (heure, facultatif)").fill("22:00");
			page.getByRole(AriaRole.BUTTON, named("Chercher")).click();
			Locator duty = page.locator("#de-garde article").first();
			assertThat(duty).containsText(cours);
			assertThat(duty).containsText("1 place de la République");
			assertThat(duty.getByRole(AriaRole.LINK, button("04 92 11 22 33"))).isVisible();
			assertThat(duty).containsText("3237");
			Browser.screenshot(page, "garde-public-telephone");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
			var pdf = context.request().get(base + "/" + slug + "/garde/planning.pdf?mois=" + month);
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		}
	}
}
