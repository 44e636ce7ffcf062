package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.support.Accessibility;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Maps without tiles: the administrator imports the communes' contours (IGN Admin Express, the
 * reference data beside the project), all or nothing with a report by feature; the territory map
 * draws them.
 */
@DemoTest
class MapBrowserTest {

	static final Path CONTOURS_04 = Path.of("../shared/data/reference/geojson/communes-04-alpes-de-haute-provence.geojson");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	@Test
	void aBadFileIsRefusedWholeAndTheContoursOfAGoodOneAreDrawnOnTheTerritoryMap() {
		UUID cpts = jdbc.sql("select id from cpts where name like 'CPTS Démo Luberon-Durance%'").query(UUID.class).single();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.ADMIN, Demo.ADMIN_PASSWORD);
			page.navigate(url("/administration/reference"));
			long before = jdbc.sql("select count(*) from commune_contour").query(Long.class).single();

			// a second feature without a polygon refuses the whole file, and says which
			String bad = """
					{"type":"FeatureCollection","features":[
					 {"type":"Feature","properties":{"code":"04112"},"geometry":{"type":"Polygon","coordinates":[[[5.7,43.8],[5.8,43.8],[5.8,43.9],[5.7,43.8]]]}},
					 {"type":"Feature","properties":{"code":"04070"},"geometry":{"type":"Point","coordinates":[5.9,43.9]}}]}""";
			page.getByLabel("Fichier GeoJSON des contours").setInputFiles(new FilePayload("faux.geojson", "application/geo+json", bad.getBytes(StandardCharsets.UTF_8)));
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer les contours")).click();
			assertThat(page.locator("#rapport-contours")).containsText("refusé en entier");
			assertThat(page.locator("#rapport-contours")).containsText("Entité 2 : commune 04070");
			assertThat(jdbc.sql("select count(*) from commune_contour").query(Long.class).single()).as("nothing stored").isEqualTo(before);

			page.getByLabel("Fichier GeoJSON des contours").setInputFiles(CONTOURS_04);
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer les contours")).click();
			long stored = jdbc.sql("select count(*) from commune_contour where insee_code like '04%'").query(Long.class).single();
			assertThat(stored).as("the Alpes-de-Haute-Provence drawn").isGreaterThan(190);
			assertThat(page.locator("#communes-dessinees")).containsText(String.valueOf(stored));
			assertThat(page.locator("#etat-contours")).containsText(String.valueOf(jdbc.sql("select count(*) from commune_contour").query(Long.class).single()));
		}
		long inTerritory = jdbc.sql("select count(*) from cpts_commune t join commune_contour k on k.insee_code = t.insee_code where t.cpts_id = :c")
			.param("c", cpts).query(Long.class).single();
		assertThat(inTerritory).as("the demo's territory is in the Alpes-de-Haute-Provence").isPositive();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + cpts + "/territoire"));
			var map = page.locator("#carte");
			assertThat(map).hasAttribute("data-drawn", String.valueOf(inTerritory));
			assertThat(map.locator("path.leaflet-interactive").first()).isVisible();
			assertThat(map.locator(".leaflet-tile")).hasCount(0);
			Browser.screenshot(page, "carte-territoire-contours");
			assertThat(Accessibility.seriousViolations(page)).isEmpty();
		}
	}
}
