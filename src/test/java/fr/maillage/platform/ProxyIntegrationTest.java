package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.IntegrationTest;
import fr.maillage.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Behind a reverse proxy (the test's loopback is the trusted proxy, {@code maillage.proxy.trusted}):
 * HTTPS seen through X-Forwarded-Proto gives HSTS and Secure cookies, the client's address from
 * X-Forwarded-For is the one recorded, privacy headers everywhere, the actuator's index for
 * administrators only.
 */
@IntegrationTest
class ProxyIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String... headers) throws Exception {
		var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (headers.length > 0) {
			b.headers(headers);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void httpsThroughTheProxyGivesHstsAndSecureCookiesPlainHttpDoesNot() throws Exception {
		var https = get("/connexion", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.5");
		assertThat(https.statusCode()).isEqualTo(200);
		assertThat(https.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
		assertThat(https.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));

		var plain = get("/connexion");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
	}

	@Test
	void privacyHeadersOnPagesAndOnTheApi() throws Exception {
		for (var r : List.of(get("/connexion"), get("/api/v1/cpts", "Authorization", "Bearer " + TestData.ADMIN_TOKEN))) {
			assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(r.headers().firstValue("Permissions-Policy")).get().asString().contains("microphone=()");
		}
	}

	@Test
	void theClientsAddressFromTheTrustedProxyIsTheOneRecorded() throws Exception {
		String slug = TestData.unique("proxy");
		var created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cpts"))
			.header("Authorization", "Bearer " + TestData.ADMIN_TOKEN).header("Content-Type", "application/json")
			.header("X-Forwarded-For", "198.51.100.23").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"CPTS " + slug
					+ "\",\"siret\":\"" + TestData.VALID_SIRET + "\",\"address\":\"1 place\",\"email\":\"c@" + slug
					+ ".fr\",\"phone\":\"0400000000\",\"slug\":\"" + slug + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = fr.maillage.support.Api.JSON.readTree(created.body()).get("id").asString();
		assertThat(jdbc.sql("select ip from audit_event where subject_id = :id order by id limit 1").param("id", id).query(String.class).single())
			.isEqualTo("198.51.100.23");
	}

	@Test
	void theActuatorsIndexIsForAdministratorsOnly() throws Exception {
		assertThat(get("/actuator").statusCode()).isNotEqualTo(200);
		assertThat(get("/actuator").body()).doesNotContain("prometheus");
		assertThat(get("/actuator", "Authorization", "Bearer " + TestData.ADMIN_TOKEN).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void onlyTheListedProxiesAreTrusted() {
		Pattern trusted = Pattern.compile(TrustedProxies.regex("127.0.0.1, ::1,10.0.0.5"));
		assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		assertThat(trusted.matcher("10.0.0.5").matches()).isTrue();
		assertThat(trusted.matcher("10.0.0.50").matches()).isFalse();
		assertThat(trusted.matcher("127.0.0.10").matches()).isFalse();
		assertThat(trusted.matcher("192.168.1.1").matches()).isFalse();
	}
}
