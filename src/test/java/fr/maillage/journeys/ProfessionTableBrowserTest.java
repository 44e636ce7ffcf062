package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "professionals by profession" table of a projet de santé: identified from the directory in the
 * territory (Ajaccio and Bastia here, which no other test populates), solicited in bulk from a
 * search, project / member / governance recorded on a professional's page; with the cards view
 * and the search by structure on the way.
 */
@IntegrationTest
class ProfessionTableBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private UUID practitioner(String last, String code, String label, String skill, String commune, String site) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into practitioner (id, last_name, first_name, profession_code, profession_label, source, search_text)
				values (:id, :l, 'Ange', :c, :pl, 'MANUAL', lower(:l || ' ange ' || :pl))""")
			.param("id", id).param("l", last).param("c", code).param("pl", label).update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, skill_code, site_name, commune_code, commune_name, content_hash)
				values (:a, :p, :k, :s, :site, :cc, :cc, '')""")
			.param("a", UUID.randomUUID()).param("p", id).param("k", "T|" + id).param("s", skill).param("site", site).param("cc", commune).update();
		return id;
	}

	@Test
	void theTableCountsIdentifiedFromTheDirectoryAndWhatTheCoordinatorRecorded() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("2A004", "2B033")).status()).isEqualTo(200);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		String word = "CASANOVA" + TestData.unique("").substring(1, 6).toUpperCase();
		String msp = "MSP des Salines " + word;
		UUID gp = practitioner(word + "A", "10", "Médecin", "SM54", "2A004", msp);
		practitioner(word + "B", "10", "Médecin", "SM54", "2A004", "Cabinet");
		practitioner(word + "C", "10", "Médecin", "SM54", "2B033", msp);
		practitioner(word + "D", "10", "Médecin", "SM26", "2A004", "Cabinet");
		practitioner(word + "E", "60", "Infirmier", null, "2A004", "Cabinet infirmier");
		practitioner(word + "F", "60", "Infirmier", null, "2B033", "Cabinet infirmier");
		practitioner(word + "G", null, "Diététicienne", null, "2A004", "Cabinet");
		UUID outsideNurse = practitioner(word + "H", "60", "Infirmier", null, "04112", "Cabinet");

		try (BrowserContext context = Browser.newContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());

			// search by structure, then as cards
			page.navigate("http://127.0.0.1:" + port + "/annuaire");
			page.getByLabel("Structure (lieu d'exercice)").fill("msp des salines " + word.toLowerCase());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
			assertThat(page.locator("#nombre-resultats .list-count")).hasText("2 professionnels");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("fiches")).click();
			assertThat(page.locator("#cartes article")).hasCount(2);
			assertThat(page.locator("#cartes")).containsText(msp);

			// a mailing to the territory's nurses: all of them marked at once
			page.navigate("http://127.0.0.1:" + port + "/annuaire?profession=60&q=" + word);
			assertThat(page.locator("#nombre-resultats .list-count")).hasText("3 professionnels");
			page.locator("#sollicitation summary").click();
			page.getByLabel("Sollicités le").fill("2026-09-15");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marquer comme sollicités")).click();
			assertThat(page.getByText("3 professionnels marqués comme sollicités")).isVisible();
			// back on the same search
			assertThat(page.locator("#nombre-resultats .list-count")).hasText("3 professionnels");

			// one GP who wrote the project, joined and sits on the board
			page.navigate("http://127.0.0.1:" + port + "/annuaire/professionnels/" + gp);
			Locator engagement = page.locator("form.engagement");
			engagement.getByLabel("Sollicité le").fill("2026-06-01");
			engagement.getByLabel("A participé à l'élaboration du projet de santé").check();
			engagement.getByLabel("Adhérent de la CPTS").check();
			engagement.getByLabel("Participe à la gouvernance").check();
			engagement.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.getByText("Situation auprès de la CPTS enregistrée.")).isVisible();
			assertThat(page.locator("form.engagement").getByLabel("Adhérent de la CPTS")).isChecked();

			page.navigate("http://127.0.0.1:" + port + "/cpts/" + cpts);
			page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Professionnels par profession").setExact(true)).click();
			Locator gps = page.locator("#professions tbody tr", new Page.LocatorOptions().setHasText("Médecins généralistes"));
			assertThat(gps.locator("td")).hasText(new String[] { "3", "1", "1", "1", "1" });
			assertThat(page.locator("#professions tbody tr", new Page.LocatorOptions().setHasText("Médecins spécialistes")).locator("td"))
				.hasText(new String[] { "1", "0", "0", "0", "0" });
			// the nurse outside the territory is solicited, not identified
			assertThat(page.locator("#professions tbody tr", new Page.LocatorOptions().setHasText("Infirmiers")).locator("td"))
				.hasText(new String[] { "2", "3", "0", "0", "0" });
			assertThat(page.locator("#professions tbody tr", new Page.LocatorOptions().setHasText("Autres : Diététicienne")).locator("td"))
				.hasText(new String[] { "1", "0", "0", "0", "0" });
			// the seeds' professions show even when nobody practises them
			assertThat(page.locator("#professions tbody tr", new Page.LocatorOptions().setHasText("Orthoptistes")).locator("td").first()).hasText("0");
			Browser.screenshot(page, "professions");
			var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CSV")).click());
			String csv = new String(java.nio.file.Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
			assertThat(csv).contains("Médecins généralistes;3;1;1;1;1").contains("Total;7;4;1;1;1");
		}

		var json = admin.get("/api/v1/cpts/" + cpts + "/profession-table").json();
		assertThat(json.get("rows").get(0).get("group").asString()).isEqualTo("GP");
		assertThat(json.get("rows").get(0).get("identified").asLong()).isEqualTo(3);
		assertThat(json.get("total").get("solicited").asLong()).isEqualTo(4);
		String outsider = People.join(admin, port, People.newCpts(admin), "MEMBER");
		assertThat(new Api(port, outsider).get("/api/v1/cpts/" + cpts + "/profession-table").status()).isEqualTo(404);
		assertThat(jdbc.sql("select solicited_on from cpts_engagement where practitioner_id = :p").param("p", outsideNurse)
			.query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2026, 9, 15));
	}
}
