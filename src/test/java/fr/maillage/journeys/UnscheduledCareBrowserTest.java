package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002's MSP "10 plages horaires par jour de SNP" in the browser: the MSP publishes a recurring
 * rule, a pharmacist finds the earliest slot near a commune and books it for a patient, the MSP
 * sees the booking and records that it was honoured.
 */
@IntegrationTest
class UnscheduledCareBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void anMspPublishesAPharmacistBooksTheEarliestSlotTheMspRecordsTheOutcome() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		String name = "MSP des Thermes " + TestData.unique("").substring(1, 6);
		People.Person staff = People.invite(admin, cpts, "MEMBER");
		fr.maillage.support.Gps.msp(jdbc, name, "04070", "Digne-les-Bains", accounts.userIdByEmail(staff.email()).orElseThrow());
		People.Person pharmacist = People.invite(admin, cpts, "MEMBER");
		LocalDate from = LocalDate.now().plusDays(1);

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, staff.email(), staff.password());
			Browser.menu(page, "Soins et gardes", "Trouver un créneau");
			page.getByRole(AriaRole.BUTTON, named("Publier des créneaux")).click();
			page.getByLabel("Type").selectOption("CABINET");
			page.getByLabel("Profession").selectOption("10");
			page.getByLabel("Lieu (salle, cabinet, adresse)").fill("Salle SNP, rez-de-chaussée");
			page.getByLabel("De", new Page.GetByLabelOptions().setExact(true)).fill("08:00");
			page.getByLabel("À", new Page.GetByLabelOptions().setExact(true)).fill("07:00");
			page.getByRole(AriaRole.BUTTON, named("Publier les créneaux")).click();
			assertThat(page.getByText("Le créneau finit avant de commencer")).isVisible();
			page.getByLabel("À", new Page.GetByLabelOptions().setExact(true)).fill("12:00");
			page.getByLabel("Un créneau toutes les (minutes)").fill("20");
			page.getByLabel("Au plus par jour (facultatif)").fill("10");
			page.getByLabel("À partir du").fill(from.toString());
			page.getByLabel("Jusqu'au (facultatif)").fill(from.plusDays(13).toString());
			page.getByRole(AriaRole.BUTTON, named("Publier les créneaux")).click();
			assertThat(page.getByText("créneau(x) publié(s).")).isVisible();
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, pharmacist.email(), pharmacist.password());
			page.navigate("http://127.0.0.1:" + port + "/soins-non-programmes");
			page.getByLabel("Profession").selectOption("10");
			page.getByLabel("Près de la commune").fill("04112");
			page.getByLabel("Rayon (km)").fill("60");
			page.getByRole(AriaRole.BUTTON, named("Chercher les premiers créneaux")).click();
			var first = page.locator("#resultats-snp li").first();
			assertThat(first).containsText(name);
			assertThat(first).containsText("08:00");
			first.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Réserver")).click();
			page.getByLabel("Nom et prénom du patient").fill("Jeanne Martin");
			page.getByLabel("Date de naissance").fill("1958-04-02");
			page.getByLabel("Téléphone").fill("06 11 22 33 44");
			page.getByLabel("Motif (quelques mots)").fill("Fièvre depuis trois jours");
			page.getByText("Le patient accepte").click();
			page.getByRole(AriaRole.BUTTON, named("Réserver ce créneau")).dblclick();
			assertThat(page.getByText("Créneau réservé auprès de " + name)).isVisible();
			assertThat(page.locator("#mes-reservations")).containsText("Jeanne Martin");
			assertThat(page.locator("#mes-reservations li")).hasCount(1);
			Browser.screenshot(page, "snp-reservations");
		}

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, staff.email(), staff.password());
			page.navigate("http://127.0.0.1:" + port + "/soins-non-programmes/mes-creneaux");
			var booking = page.locator("#reservations-recues li", new Page.LocatorOptions().setHasText("Jeanne Martin"));
			assertThat(booking).containsText("06 11 22 33 44");
			assertThat(booking).containsText("Fièvre depuis trois jours");
			booking.getByLabel("Issue du rendez-vous").selectOption("HONORE");
			booking.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer l'issue")).click();
			assertThat(page.getByText("Issue enregistrée.")).isVisible();
			assertThat(page.locator("#reservations-recues li", new Page.LocatorOptions().setHasText("Jeanne Martin"))).containsText("Honoré");
			Browser.screenshot(page, "snp-mes-creneaux");

			// a free slot withdrawn, then a day of absence: its free slots go
			var free = page.locator("#creneaux-libres li");
			int before = free.count();
			free.first().getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Retirer ce créneau")).click();
			assertThat(page.getByText("Créneau retiré.")).isVisible();
			assertThat(page.locator("#creneaux-libres li")).hasCount(before - 1);
			// the last working day of the rule: never the day of the slots booked and withdrawn above (the earliest),
			// which three days ahead was on a Friday
			LocalDate day = LocalDate.now().plusDays(14);
			while (day.getDayOfWeek().getValue() > 5 || fr.maillage.reference.PublicHolidays.isHoliday(day, false)) {
				day = day.minusDays(1);
			}
			page.getByLabel("Du", new Page.GetByLabelOptions().setExact(true)).fill(day.toString());
			page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true)).fill(day.toString());
			page.getByLabel("Motif (facultatif)").fill("Formation");
			page.getByRole(AriaRole.BUTTON, named("Déclarer l'absence")).click();
			assertThat(page.getByText("10 créneau(x) libre(s) retiré(s). 0 créneau(x) déjà réservé(s)")).isVisible();
		}

		// the pharmacist books another slot, then cancels it with a reason
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, pharmacist.email(), pharmacist.password());
			page.navigate("http://127.0.0.1:" + port + "/soins-non-programmes?profession=10&commune=04070&radiusKm=5");
			page.locator("#resultats-snp li").first().getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Réserver")).click();
			page.getByLabel("Nom et prénom du patient").fill("Paul Durand");
			page.getByLabel("Date de naissance").fill("1990-01-01");
			page.getByLabel("Téléphone").fill("06 99 88 77 66");
			page.getByLabel("Motif (quelques mots)").fill("Entorse");
			page.getByText("Le patient accepte").click();
			page.getByRole(AriaRole.BUTTON, named("Réserver ce créneau")).click();
			var row = page.locator("#mes-reservations li", new Page.LocatorOptions().setHasText("Paul Durand"));
			row.getByLabel("Raison de l'annulation").fill("Le patient a trouvé plus près");
			row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Annuler la réservation")).click();
			assertThat(page.getByText("Réservation annulée")).isVisible();
			assertThat(page.locator("#mes-reservations li", new Page.LocatorOptions().setHasText("Paul Durand"))).containsText("annulée");
		}

		// the MSP withdraws the whole rule: its free slots go, the booked one stays
		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, staff.email(), staff.password());
			page.navigate("http://127.0.0.1:" + port + "/soins-non-programmes/mes-creneaux");
			var rule = page.locator("#mes-regles li").first();
			assertThat(rule).containsText("lundi, mardi, mercredi, jeudi, vendredi");
			rule.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Retirer la règle")).click();
			assertThat(page.getByText("1 créneau(x) déjà réservé(s) restent")).isVisible();
			assertThat(page.locator("#mes-regles li")).hasCount(0);
			assertThat(page.locator("#creneaux-libres li")).hasCount(0);
		}
	}
}
