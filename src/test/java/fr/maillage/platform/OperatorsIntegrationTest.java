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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Health, metrics, API documentation, exports, and a personal-data read that fails when it cannot be audited. */
@IntegrationTest
class OperatorsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void healthIsPublicAndMetricsNeedAnAdministrator() throws Exception {
		assertThat(new Api(port, null).get("/actuator/health").status()).isEqualTo(200);
		assertThat(new Api(port, null).get("/actuator/prometheus").status()).isIn(302, 401);
		HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + TestData.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests");
	}

	@Test
	void theApiIsDocumentedWithOpenApi() {
		Api.Response docs = new Api(port, null).get("/api/docs/openapi.json");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/cpts/{id}/territory/preview")).isTrue();
	}

	@Test
	void theTerritoryExportsToCsvAndXlsx() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of(java.util.Map.of("inseeCode", "04112", "qpv", true), "04088"));
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cpts/" + cpts + "/territoire/export.csv"))
			.header("Authorization", "Bearer " + TestData.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
		String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(text).startsWith("\uFEFFcode_insee;commune;").contains("04112;Manosque;04;04100;").contains("QPV").contains("TOTAL");
		HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cpts/" + cpts + "/territoire/export.xlsx"))
			.header("Authorization", "Bearer " + TestData.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
		java.nio.file.Path file = java.nio.file.Files.createTempFile("territoire", ".xlsx");
		java.nio.file.Files.write(file, xlsx.body());
		try (var zip = new java.util.zip.ZipFile(file.toFile())) {
			StringBuilder all = new StringBuilder();
			for (var e : java.util.Collections.list(zip.entries())) {
				all.append(new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(all).contains("Manosque").contains("Forcalquier");
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	@Test
	void aReadOfPersonalDataFailsWhenItsAuditRowCannotBeWritten() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
		// a trigger is the schema owner's to create, not the application's
		try (var connection = fr.maillage.support.DatabaseOwner.connect(dataSource)) {
			var owner = org.springframework.jdbc.core.simple.JdbcClient.create(
					new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
			refuseUsersRead(owner, admin);
		}
		assertThat(admin.get("/api/v1/users").body()).contains(TestData.ADMIN_EMAIL);
	}

	private static void refuseUsersRead(org.springframework.jdbc.core.simple.JdbcClient jdbc, Api admin) {
		jdbc.sql("""
				create or replace function refuse_users_read() returns trigger language plpgsql as $$
				begin if new.action = 'account.users.read' then raise exception 'audit unavailable'; end if; return new; end $$""").update();
		jdbc.sql("create trigger refuse_users_read before insert on audit_event for each row execute function refuse_users_read()").update();
		try {
			Api.Response r = admin.get("/api/v1/users");
			assertThat(r.status()).isEqualTo(500);
			assertThat(r.body()).doesNotContain(TestData.ADMIN_EMAIL);
		}
		finally {
			jdbc.sql("drop trigger refuse_users_read on audit_event").update();
			jdbc.sql("drop function refuse_users_read()").update();
		}
	}
}
