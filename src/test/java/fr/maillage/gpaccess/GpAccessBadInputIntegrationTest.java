package fr.maillage.gpaccess;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Imports all or nothing with a line-by-line report; the public form throttles one address. */
@IntegrationTest
class GpAccessBadInputIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static final String HEADER = "nom_naissance;prenoms;date_naissance;sexe;commune;telephone;nir;ald;date_demande";

	@Test
	void aListOfFiveThousandLinesWithThreeWrongImportsNothingAndNamesTheThree() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (int i = 2; i <= 5001; i++) {
			String birth = i == 101 ? LocalDate.now().plusYears(1).toString() : String.format("%02d/%02d/19%02d", 1 + i % 28, 1 + i % 12, 30 + i % 60);
			String nir = i == 2500 ? "1 84 07 76 451 089 00" : "";
			String commune = i == 4999 ? "Genève" : (i % 2 == 0 ? "04070" : "Manosque");
			csv.append("NOM").append(i).append(";Jean;").append(birth).append(";M;").append(commune).append(";0600000000;").append(nir)
				.append(';').append(i % 3 == 0 ? "oui" : "non").append(";01/03/2026\n");
		}
		Api.Response refused = coordinator.postBytes("/api/v1/cpts/" + cpts + "/gp-requests/import", csv.toString().getBytes(StandardCharsets.UTF_8),
				"text/csv");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		JsonNode errors = refused.json().get("errors");
		List<Long> lines = new ArrayList<>();
		errors.forEach(e -> lines.add(e.get("line").asLong()));
		assertThat(lines).containsExactly(101L, 2500L, 4999L);
		assertThat(errors.get(0).get("message").asString()).contains("futur");
		assertThat(errors.get(1).get("message").asString()).contains("clé");
		assertThat(errors.get(2).get("message").asString()).contains("Genève").contains("n'est pas une commune française");
		assertThat(refused.json().get("lines").asInt()).isEqualTo(5000);
		assertThat(jdbc.sql("select count(*) from gp_request where cpts_id = :c").param("c", UUID.fromString(cpts)).query(Long.class).single())
			.as("all or nothing").isZero();

		// the same list corrected goes in whole, keeping the dates of the spreadsheet
		String corrected = csv.toString().replace("1 84 07 76 451 089 00", "").replace("Genève", "Digne-les-Bains")
			.replace(LocalDate.now().plusYears(1).toString(), "12/12/1950");
		Api.Response imported = coordinator.postBytes("/api/v1/cpts/" + cpts + "/gp-requests/import", corrected.getBytes(StandardCharsets.UTF_8),
				"text/csv");
		assertThat(imported.status()).as(imported.body().substring(0, Math.min(500, imported.body().length()))).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from gp_request where cpts_id = :c and source = 'IMPORT' and filed_at < '2026-03-02'")
			.param("c", UUID.fromString(cpts)).query(Long.class).single()).isEqualTo(5000);
	}

	@Test
	void aFileWithoutTheRequiredColumnsSaysWhichAreMissing() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		Api.Response refused = coordinator.postBytes("/api/v1/cpts/" + cpts + "/gp-requests/import?dryRun=true",
				"nom;prenom\nDUPONT;Jean\n".getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().at("/errors/0/message").asString()).contains("nom_naissance").contains("date_naissance");
	}

	@Test
	void oneAddressSendingAHundredRequestsAMinuteIsThrottled() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070"));
		String slug = admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString();
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String csrf = csrf(http, slug);
		int throttled = 0;
		int filed = 0;
		for (int i = 0; i < 100; i++) {
			String body = form("birthName", "ROBOT" + i, "firstNames", "Rob", "birthDate", "1970-01-01", "sex", "M", "communeCode", "04070",
					"phone", "0600000000", "consent", "true", "_csrf", csrf);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + slug + "/medecin-traitant"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 429) {
				throttled++;
				assertThat(r.body()).contains("Trop de demandes envoyées depuis cette connexion")
					.as("what was typed stays on the page").contains("value=\"ROBOT" + i + "\"");
			} else {
				assertThat(r.statusCode()).isEqualTo(200);
				filed++;
			}
		}
		assertThat(filed).isEqualTo(10);
		assertThat(throttled).isEqualTo(90);
		assertThat(jdbc.sql("select count(*) from gp_request where cpts_id = :c").param("c", UUID.fromString(cpts)).query(Long.class).single())
			.isEqualTo(10);
	}

	@Test
	void aRobotFillingTheHiddenFieldIsThankedAndNothingIsRecorded() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		String slug = admin.get("/api/v1/cpts/" + cpts).json().get("slug").asString();
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String body = form("birthName", "ROBOT", "firstNames", "Rob", "birthDate", "1970-01-01", "sex", "M", "communeCode", "04070",
				"consent", "true", "siteWeb", "http://spam.example", "_csrf", csrf(http, slug));
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + slug
				+ "/medecin-traitant")).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("Votre demande a bien été reçue");
		assertThat(jdbc.sql("select count(*) from gp_request where cpts_id = :c").param("c", UUID.fromString(cpts)).query(Long.class).single())
			.isZero();
	}

	/** The form's CSRF token, as a browser gets it with the page (the session cookie stays in the client). */
	private String csrf(HttpClient http, String slug) throws Exception {
		String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + slug + "/medecin-traitant")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("CSRF token in the form").isTrue();
		return m.group(1);
	}

	private static String form(String... pairs) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (!b.isEmpty()) {
				b.append('&');
			}
			b.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return b.toString();
	}
}
