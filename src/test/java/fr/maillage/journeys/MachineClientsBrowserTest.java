package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Accessibility;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator registers the SAS platform as a client of the API, copies its secret, the
 * platform gets a token by OAuth2 client credentials and reads the CPTS's slots through FHIR but
 * no patient's pathway; revoked, its token and its secret stop working.
 */
@IntegrationTest
class MachineClientsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> token(String form, String basic) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
		if (basic != null) {
			b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> fhir(String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aCoordinatorRegistersTheSasWhichReadsTheSlotsUntilRevoked() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		UUID gpId = Gps.create(jdbc, "Foret" + TestData.unique(""), "04070", "Digne-les-Bains");
		Gps.link(jdbc, accounts.userIdByEmail(gp.email()).orElseThrow(), gpId);
		LocalDate day = LocalDate.now().plusDays(2);
		Api.Response slot = new Api(port, People.token(port, gp)).post("/api/v1/slots", Map.of("cptsId", cpts, "practitionerId", gpId.toString(),
				"kind", "CABINET", "profession", "médecin", "startsAt", day + "T09:00", "endsAt", day + "T09:20"));
		assertThat(slot.status()).as(slot.body()).isEqualTo(201);

		String clientId;
		String secret;
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			Browser.menu(page, "Pilotage", "Clients de l'API");
			page.getByLabel("Nom du client").fill("   ");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer un client")).click();
			assertThat(page.locator("#name-erreur")).containsText("Donnez un nom au client");
			page.getByLabel("Nom du client").fill("Plateforme numérique SAS");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer un client")).click();
			assertThat(page.locator("#nouveau-client")).containsText("il ne sera plus affiché");
			clientId = page.locator("#client-id").textContent().strip();
			secret = page.locator("#client-secret").textContent().strip();
			assertThat(page.locator("#clients")).containsText("Plateforme numérique SAS");
			org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).isEmpty();
			Browser.screenshot(page, "clients-api");

			// the client credentials grant, by HTTP Basic and by form fields; wrong secret and other grants refused in the RFC's words
			HttpResponse<String> issued = token("grant_type=client_credentials", clientId + ":" + secret);
			org.assertj.core.api.Assertions.assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
			JsonNode json = Api.JSON.readTree(issued.body());
			org.assertj.core.api.Assertions.assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
			org.assertj.core.api.Assertions.assertThat(json.get("expires_in").asInt()).isEqualTo(3600);
			String access = json.get("access_token").asString();
			org.assertj.core.api.Assertions.assertThat(token("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret, null)
				.statusCode()).isEqualTo(200);
			HttpResponse<String> wrong = token("grant_type=client_credentials&client_id=" + clientId + "&client_secret=faux", null);
			org.assertj.core.api.Assertions.assertThat(wrong.statusCode()).isEqualTo(401);
			org.assertj.core.api.Assertions.assertThat(wrong.body()).contains("invalid_client").contains("secret du client inconnu");
			org.assertj.core.api.Assertions.assertThat(token("grant_type=password&username=a&password=b", null).body()).contains("unsupported_grant_type");

			HttpResponse<String> slots = fhir("/fhir/Slot?status=free&start=ge" + day + "&start=le" + day.plusDays(1) + "&schedule=Schedule/" + gpId, access);
			org.assertj.core.api.Assertions.assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(Api.JSON.readTree(slots.body()).get("total").asInt()).isEqualTo(1);
			org.assertj.core.api.Assertions.assertThat(Api.JSON.readTree(fhir("/fhir/CarePlan", access).body()).get("total").asInt())
				.as("a client is in no care circle").isZero();

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le client Plateforme numérique SAS")).click();
			assertThat(page.locator(".notice.success")).containsText("ses jetons ne fonctionnent plus");
			assertThat(page.locator("#clients")).containsText("révoqué le");
			org.assertj.core.api.Assertions.assertThat(fhir("/fhir/Slot?status=free&start=ge" + day + "&start=le" + day.plusDays(1) + "&schedule=Schedule/"
					+ gpId, access).statusCode()).isEqualTo(401);
			org.assertj.core.api.Assertions.assertThat(token("grant_type=client_credentials", clientId + ":" + secret).statusCode()).isEqualTo(401);
		}
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where action like 'account.client.%' and cpts_id = :c")
			.param("c", UUID.fromString(cpts)).query(Long.class).single()).isGreaterThanOrEqualTo(4);
	}
}
