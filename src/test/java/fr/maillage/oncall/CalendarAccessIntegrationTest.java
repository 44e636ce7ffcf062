package fr.maillage.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The JSON the calendars and maps read answer only to the people of the CPTS: someone of another
 * CPTS gets neither its turns, nor a roster's, nor its meetings, nor its territory's contours.
 */
@IntegrationTest
class CalendarAccessIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void someoneOfAnotherCptsGetsNothingOfTheCalendarsAndMaps() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		Api member = new Api(port, People.join(admin, port, cpts, "MEMBER"));
		Api outsider = new Api(port, People.join(admin, port, People.newCpts(admin), "COORDINATOR"));
		String roster = coordinator.post("/api/v1/cpts/" + cpts + "/rosters", Map.of("kind", "PHARMACIE", "name", "Pharmacies confidentielles",
				"sectorCommunes", List.of(), "pattern", "DAILY", "shiftStart", "09:00", "shiftEnd", "09:00")).json().get("id").asString();
		YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
		coordinator.post("/api/v1/rosters/" + roster + "/months/" + month, Map.of());
		String window = "?start=" + month.atDay(1) + "&end=" + month.plusMonths(1).atDay(1);

		Api.Response mine = member.get("/cpts/" + cpts + "/gardes/evenements" + window);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("Pharmacies confidentielles").contains("\"gap\"");
		for (String path : List.of("/cpts/" + cpts + "/gardes/evenements" + window, "/cpts/" + cpts + "/gardes/" + roster + "/evenements" + window,
				"/cpts/" + cpts + "/reunions/evenements" + window, "/cpts/" + cpts + "/territoire/contours")) {
			Api.Response theirs = outsider.get(path);
			assertThat(theirs.status()).as(path).isIn(403, 404);
			assertThat(theirs.body()).as(path).doesNotContain("Pharmacies confidentielles").doesNotContain("\"shift\"");
		}
		// and their own agenda holds nothing of this CPTS
		assertThat(outsider.get("/agenda/evenements" + window).body()).isEqualTo("[]");
	}
}
