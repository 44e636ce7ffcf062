package fr.maillage.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Commune coordinates from the real 2018 centroid file: codes of merged communes reported or mapped, bad lines refuse all. */
@IntegrationTest
class CoordinatesImportIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CommuneDirectory directory;

	@Test
	void theRealCentroidFileIsPreviewedThenApplied() throws Exception {
		String csv = Files.readString(TestData.shared().resolve("data/reference/communes-centroids-2018.csv"));
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		Api.Response preview = admin.postBytes("/api/v1/reference/coordinates?dryRun=true", csv.getBytes(), "text/csv");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("lines").asInt()).isEqualTo(35_357);
		assertThat(preview.json().get("placed").asInt()).isGreaterThan(34_000);
		assertThat(preview.json().get("applied").asBoolean()).isFalse();

		Api.Response applied = admin.postBytes("/api/v1/reference/coordinates", csv.getBytes(), "text/csv");
		assertThat(applied.json().get("applied").asBoolean()).isTrue();
		Commune manosque = directory.find("04112").orElseThrow();
		assertThat(manosque.latitude()).isBetween(43.8, 43.9);
		assertThat(manosque.longitude()).isBetween(5.7, 5.9);
	}

	@Test
	void aMalformedLineRefusesTheWholeFile() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		Double before = directory.find("2A004").orElseThrow().latitude();
		Api.Response r = admin.postBytes("/api/v1/reference/coordinates",
				"code_insee,latitude,longitude\n2A004,41.9,8.7\n04112,quarante-trois,5.78\n99999,1,1\n".getBytes(), "text/csv");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
		assertThat(r.json().get("unknownCount").asInt()).isEqualTo(1);
		assertThat(directory.find("2A004").orElseThrow().latitude()).isEqualTo(before);
	}

	@Test
	void onlyAdministratorsImport() {
		assertThat(new Api(port, null).postBytes("/api/v1/reference/coordinates", "x".getBytes(), "text/csv").status()).isEqualTo(401);
	}
}
