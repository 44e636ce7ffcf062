package fr.maillage.platform;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every route of the JSON API (read from its OpenAPI description), as an administrator and as a
 * CPTS's coordinator, fed malformed input: NUL and control characters, a 200,000-character string,
 * wrong JSON types, negative and huge numbers, impossible dates, duplicated keys, broken JSON, and
 * the same in query parameters. No answer is a 500, and a route that refused every variant (4xx)
 * has written nothing to any table (row counts and newest row versions of every business table).
 */
@IntegrationTest
class ApiFuzzIntegrationTest {

	/** Written by what refuses too (audit, sessions, jobs, the outbox, token use): not business data. */
	static final Set<String> NOT_BUSINESS = Set.of("audit_event", "audit_chain_anchor", "scheduled_tasks", "outbox_message",
			"outbox_attachment", "spring_session", "spring_session_attributes", "event_publication", "login_failure", "api_token",
			"flyway_schema_history", "notification");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	final List<String> fiveHundreds = new ArrayList<>();
	final List<String> partialWrites = new ArrayList<>();
	int requests;
	boolean refusedAll;

	static final String HUGE = "é".repeat(200_000);
	static final List<String> BAD_STRINGS = List.of("a\\u0000b", "\\u0007", HUGE, "2026-02-30", "-1", "", " ");
	static final List<String> BAD_JSON_VALUES = List.of("\"a\\u0000b\"", "\"" + HUGE + "\"", "-9223372036854775808", "12345", "[[1]]",
			"\"2026-02-30\"");
	static final List<String> BAD_BODIES = List.of("", "{", "[", "\"x\"", "123", "null", "{\"a\":1,\"a\":2}", "[{}]", "{\"\\u0000\":1}");

	@Test
	void noMalformedInputReachesA500OrLeavesAPartialWrite() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112", "04088"));
		String coordinator = People.join(admin, port, cpts, "COORDINATOR");
		JsonNode spec = admin.get("/api/docs/openapi.json").json();
		List<String> who = List.of(TestData.ADMIN_TOKEN, coordinator);
		int routes = 0;
		for (var path : spec.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				routes++;
				String url = concrete(path.getKey(), cpts);
				for (String token : who) {
					boolean writes = !method.equals("GET");
					if (writes) {
						awaitNoImportRunning(); // an import an earlier route started writes in the background, as it should
					}
					Map<String, Long> before = writes ? fingerprint() : Map.of();
					refusedAll = true;
					fuzzQuery(method, url, operation.getValue(), token);
					if (writes && !method.equals("DELETE")) {
						fuzzBody(method, url, operation.getValue(), spec, token);
					}
					// every variant refused: nothing may have been written
					if (writes && refusedAll && !fingerprint().equals(before)) {
						partialWrites.add(method + " " + url);
					}
				}
			}
		}
		System.out.printf("API fuzz: %d routes, %d requests, %d answers of 500, %d partial writes%n", routes, requests, fiveHundreds.size(),
				partialWrites.size());
		assertThat(routes).as("the API's routes").isGreaterThan(50);
		assertThat(fiveHundreds).as("answers of 500").isEmpty();
		assertThat(partialWrites).as("refused, yet something was written").isEmpty();
	}

	/** Path variables: the CPTS for {id} under /cpts, random ids elsewhere (refused as unknown, after their checks). */
	private static String concrete(String template, String cpts) {
		String path = template.replaceFirst("^/api/v1/cpts/\\{[^}]+}", "/api/v1/cpts/" + cpts);
		return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
	}

	private void fuzzQuery(String method, String url, JsonNode operation, String token) throws Exception {
		List<String> names = new ArrayList<>();
		if (operation.has("parameters")) {
			for (JsonNode p : operation.get("parameters")) {
				if ("query".equals(p.path("in").asString())) {
					names.add(p.get("name").asString());
				}
			}
		}
		if (names.isEmpty()) {
			names.add("q");
		}
		for (String name : names) {
			for (String bad : BAD_STRINGS) {
				String value = bad.equals(HUGE) ? HUGE.substring(0, 3000) : bad.replace("\\u0000", "\u0000").replace("\\u0007", "\u0007");
				send(method, url + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), null, token);
			}
		}
	}

	private void fuzzBody(String method, String url, JsonNode operation, JsonNode spec, String token) throws Exception {
		for (String body : BAD_BODIES) {
			send(method, url, body, token);
		}
		JsonNode schema = resolve(operation.at("/requestBody/content/application~1json/schema"), spec);
		if (schema == null || !schema.has("properties")) {
			return;
		}
		List<String> properties = new ArrayList<>();
		schema.get("properties").propertyNames().forEach(properties::add);
		for (String property : properties) {
			for (String value : BAD_JSON_VALUES) {
				ObjectNode body = Api.JSON.createObjectNode();
				for (String other : properties) {
					if (!other.equals(property)) {
						body.set(other, plausible(schema.get("properties").get(other), spec));
					}
				}
				String text = Api.JSON.writeValueAsString(body);
				String field = "\"" + property + "\":" + value;
				send(method, url, text.equals("{}") ? "{" + field + "}" : "{" + field + "," + text.substring(1), token);
			}
		}
	}

	/** A value of the right type, so that the one bad field is what is checked. */
	private static JsonNode plausible(JsonNode property, JsonNode spec) {
		JsonNode p = resolve(property, spec);
		String type = p == null ? "string" : p.path("type").asString("string");
		String format = p == null ? "" : p.path("format").asString("");
		return switch (type) {
			case "integer", "number" -> Api.JSON.getNodeFactory().numberNode(1);
			case "boolean" -> Api.JSON.getNodeFactory().booleanNode(true);
			case "array" -> Api.JSON.createArrayNode();
			case "object" -> Api.JSON.createObjectNode();
			default -> Api.JSON.getNodeFactory().stringNode(format.equals("date") ? "2026-12-04" : format.equals("uuid")
					? UUID.randomUUID().toString() : "texte");
		};
	}

	private static JsonNode resolve(JsonNode node, JsonNode spec) {
		if (node == null || node.isMissingNode()) {
			return null;
		}
		if (node.has("$ref")) {
			String ref = node.get("$ref").asString();
			return spec.at(ref.substring(1));
		}
		return node;
	}

	private void send(String method, String url, String body, String token) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json");
		if (body != null) {
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		requests++;
		String what = method + " " + (url.length() > 150 ? url.substring(0, 150) + "…" : url) + " "
				+ (body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "…" : body);
		if (r.statusCode() >= 500) {
			fiveHundreds.add(r.statusCode() + " " + what);
		}
		if (r.statusCode() < 400 || r.statusCode() >= 500) {
			refusedAll = false;
		}
	}

	private String fingerprintSql;

	/** Per business table: rows, and the newest row version (xmin) — an insert, update or delete changes one of them. */
	private void awaitNoImportRunning() {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("select count(*) from directory_import where status in ('QUEUED', 'RUNNING')").query(Long.class).single() == 0);
	}

	private Map<String, Long> fingerprint() {
		if (fingerprintSql == null) {
			List<String> parts = new ArrayList<>();
			for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by tablename").query(String.class).list()) {
				if (!NOT_BUSINESS.contains(table)) {
					parts.add("select '" + table + "' as t, count(*) * 4294967296 + coalesce(max(xmin::text::bigint), 0) as f from \"" + table + "\"");
				}
			}
			fingerprintSql = String.join(" union all ", parts);
		}
		Map<String, Long> out = new LinkedHashMap<>();
		jdbc.sql(fingerprintSql).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
		return out;
	}

}
