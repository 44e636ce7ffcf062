package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input found by issue 16, each answered with a clear 4xx instead of a 500 or a minute of work. */
@IntegrationTest
class BadInputIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aNulByteInAQueryParameterOrAJsonBodyIsRefusedWithA400InFrench() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		for (String path : List.of("/api/v1/cpts/" + cpts + "/patients?q=dupont%00", "/api/v1/audit?action=login%00",
				"/api/v1/practitioners?q=%01martin")) {
			Api.Response r = admin.get(path);
			assertThat(r.status()).as(path).isEqualTo(400);
			assertThat(r.json().get("message").asString()).contains("Caractère de contrôle interdit");
		}
		Api.Response body = admin.put("/api/v1/cpts/" + cpts + "/territory", "[{\"inseeCode\":\"04112\",\"zoneNote\":\"quartier\\u0000nord\"}]");
		assertThat(body.status()).isEqualTo(400);
		assertThat(body.json().get("message").asString()).contains("Caractère de contrôle interdit");
		// an escaped backslash followed by text is text, not a control character
		Api.Response text = admin.put("/api/v1/cpts/" + cpts + "/territory", "[{\"inseeCode\":\"04112\",\"zoneNote\":\"dossier C:\\\\u0000\"}]");
		assertThat(text.status()).as(text.body()).isEqualTo(200);
	}

	@Test
	void askingForTheErrorPageItselfIsANotFound() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
	}

	@Test
	void aTerritoryOf200000CodesIsRefusedAtOnce() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			codes.add("04112");
		}
		long start = System.nanoTime();
		Api.Response r = admin.put("/api/v1/cpts/" + cpts + "/territory", codes);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("message").asString()).startsWith("Un territoire compte au plus 5").endsWith("communes.");
		assertThat(millis).as("refused before any look-up (it took 95 s)").isLessThan(1000);
	}

	@Test
	void aBirthDateSentAsANumberIsRefusedNotTakenAsADayCount() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api.Response r = admin.post("/api/v1/cpts/" + cpts + "/gp-requests", Map.of("birthName", "Martin", "firstNames", "Jeanne",
				"birthDate", 12345, "sex", "F", "communeCode", "04112", "phone", "0611223344"));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().get("message").asString()).contains("« birthDate »").contains("2026-12-04");
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
	}

	@Test
	void exportedCellsThatASpreadsheetWouldRunAsFormulasAreMadeInert() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of(Map.of("inseeCode", "04112", "zoneNote", "=HYPERLINK(\"http://x\")"),
				Map.of("inseeCode", "04088", "zoneNote", "-2+3"))).status()).isEqualTo(200);
		HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cpts/" + cpts
				+ "/territoire/export.csv")).header("Authorization", "Bearer " + TestData.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text).contains("'=HYPERLINK").contains("'-2+3").doesNotContain(";=HYPERLINK").doesNotContain(";-2+3");
	}

	@Test
	void plainNumbersStayNumbersInExports() {
		assertThat(TabularExport.inert("-3")).isEqualTo("-3");
		assertThat(TabularExport.inert("+33 6 12")).isEqualTo("'+33 6 12");
		assertThat(TabularExport.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(TabularExport.inert(-3)).isEqualTo(-3);
	}
}
