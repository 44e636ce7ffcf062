package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Every form of the pages, on the demonstration's data (a CPTS with its directory, slots, on-call
 * rosters, pathways, patients and association), as its coordinator and as the administrator: the
 * pages are crawled from the home page, each form found is sent with one field at a time replaced
 * by a malformed value (a NUL character, a 200,000-character string, negative and huge numbers,
 * impossible dates, an empty value, markup) or given twice. No answer is a 500, and a form
 * that refused every variant has written nothing to any business table.
 */
@DemoTest
class FormFuzzIntegrationTest {

	static final List<String> BAD_VALUES = List.of("a\u0000b", "x".repeat(200_000), "-1", "99999999999999999999", "2026-02-30", "",
			"<script>alert(1)</script>");
	/** Forms whose success ends the very session the fuzzing runs in, or that sign someone in. */
	static final Set<String> SKIPPED = Set.of("/deconnexion", "/connexion", "/langue");
	static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
	static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
	static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final List<String> fiveHundreds = new ArrayList<>();
	final List<String> partialWrites = new ArrayList<>();
	int requests;

	record Form(String action, Map<String, String> fields) {
	}

	@Test
	void noMalformedFormInputReachesA500OrLeavesAPartialWrite() throws Exception {
		int coordinatorForms = fuzzAs(Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
		int adminForms = fuzzAs(Demo.ADMIN, Demo.ADMIN_PASSWORD);
		System.out.printf("Form fuzz: %d forms as coordinator, %d as administrator, %d requests, %d answers of 500, %d partial writes%n",
				coordinatorForms, adminForms, requests, fiveHundreds.size(), partialWrites.size());
		fiveHundreds.stream().map(x -> x.length() > 160 ? x.substring(0, 160) : x).distinct().limit(40).forEach(x -> System.out.println("  500: " + x));
		partialWrites.forEach(x -> System.out.println("  partial write: " + x));
		assertThat(coordinatorForms).as("forms found on the coordinator's pages").isGreaterThan(40);
		assertThat(adminForms).as("forms found on the administrator's pages").isGreaterThan(10);
		assertThat(fiveHundreds).as("answers of 500").isEmpty();
		assertThat(partialWrites).as("refused, yet something was written").isEmpty();
	}

	private int fuzzAs(String email, String password) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
		String csrf = field(get(http, "/connexion").body(), "_csrf");
		var login = post(http, "/connexion", List.of(Map.entry("username", email), Map.entry("password", password), Map.entry("_csrf", csrf)));
		assertThat(login.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("connexion");
		Map<String, Form> forms = crawl(http);
		for (Form form : forms.values()) {
			fuzz(http, form);
		}
		// the whole run stayed signed in: a fuzzing that was sent back to the login page tested nothing
		assertThat(get(http, "/compte").statusCode()).as("still signed in after the fuzzing").isEqualTo(200);
		return forms.size();
	}

	/** The pages reachable from the home page (400 at most), and the POST forms on them, one per action and set of fields. */
	private Map<String, Form> crawl(HttpClient http) throws Exception {
		Map<String, Form> forms = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		ArrayDeque<String> queue = new ArrayDeque<>(List.of("/"));
		while (!queue.isEmpty() && seen.size() < 400) {
			String path = queue.poll();
			if (!seen.add(path)) {
				continue;
			}
			HttpResponse<String> page = get(http, path);
			if (page.statusCode() >= 500) {
				fiveHundreds.add(page.statusCode() + " GET " + path);
			}
			var location = page.headers().firstValue("Location");
			if (page.statusCode() / 100 == 3 && location.isPresent()) {
				String next = URI.create("http://127.0.0.1:" + port).resolve(location.get()).getRawPath();
				if (!seen.contains(next)) {
					queue.add(next);
				}
			}
			if (page.statusCode() != 200 || !page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			String html = page.body();
			Matcher links = HREF.matcher(html);
			while (links.find()) {
				String link = HtmlUtils.htmlUnescape(links.group(1));
				if (!link.startsWith("/api/") && !link.contains("export") && !link.endsWith(".ics") && !link.startsWith("/webjars/")
						&& !link.startsWith("/assets/") && !seen.contains(link)) {
					queue.add(link);
				}
			}
			Matcher m = FORM.matcher(html);
			while (m.find()) {
				String attributes = m.group(1);
				if (!attribute(attributes, "method").equalsIgnoreCase("post")) {
					continue;
				}
				String action = HtmlUtils.htmlUnescape(attribute(attributes, "action"));
				if (action.isEmpty()) {
					action = path;
				}
				if (SKIPPED.contains(action.replaceFirst("\\?.*", ""))) {
					continue;
				}
				Map<String, String> fields = new LinkedHashMap<>();
				Matcher f = FIELD.matcher(m.group(2));
				while (f.find()) {
					String name = attribute(f.group(2), "name");
					if (!name.isEmpty()) {
						fields.putIfAbsent(name, HtmlUtils.htmlUnescape(attribute(f.group(2), "value")));
					}
				}
				forms.putIfAbsent(action.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), new Form(action, fields));
			}
		}
		return forms;
	}

	private void fuzz(HttpClient http, Form form) throws Exception {
		Map<String, Long> before = fingerprint();
		boolean refusedAll = true;
		for (String name : form.fields().keySet()) {
			if (name.equals("_csrf")) {
				continue;
			}
			List<List<Map.Entry<String, String>>> variants = new ArrayList<>();
			for (String bad : BAD_VALUES) {
				variants.add(with(form, name, List.of(bad)));
			}
			variants.add(with(form, name, List.of("1", "deux")));
			for (var body : variants) {
				var r = post(http, form.action(), body);
				requests++;
				if (r.statusCode() >= 500) {
					fiveHundreds.add(r.statusCode() + " POST " + form.action() + " " + name);
				}
				if (!refused(r)) {
					refusedAll = false;
				}
			}
		}
		Map<String, Long> after = refusedAll ? fingerprint() : before;
		if (!after.equals(before)) {
			List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
			partialWrites.add("POST " + form.action() + " wrote to " + changed);
		}
	}

	/** A refusal: a 4xx, or the form shown again with its problems, or sent back with a failure notice. */
	private static boolean refused(HttpResponse<String> r) {
		return (r.statusCode() >= 400 && r.statusCode() < 500)
				|| (r.statusCode() == 200 && (r.body().contains("field-error") || r.body().contains("notice failure")));
	}

	private static List<Map.Entry<String, String>> with(Form form, String name, List<String> values) {
		List<Map.Entry<String, String>> body = new ArrayList<>();
		form.fields().forEach((k, v) -> {
			if (k.equals(name)) {
				values.forEach(value -> body.add(Map.entry(k, value)));
			}
			else {
				body.add(Map.entry(k, v));
			}
		});
		return body;
	}

	private HttpResponse<String> get(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient http, String path, List<Map.Entry<String, String>> fields) throws Exception {
		StringBuilder body = new StringBuilder();
		for (var e : fields) {
			body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
		}
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String attribute(String attributes, String name) {
		Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
		return m.find() ? m.group(1) : "";
	}

	private static String field(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as("field " + name).isTrue();
		return m.group(1);
	}

	private String fingerprintSql;

	/** Per business table: rows, and the newest row version (xmin). */
	private Map<String, Long> fingerprint() {
		if (fingerprintSql == null) {
			List<String> parts = new ArrayList<>();
			for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by tablename").query(String.class).list()) {
				// the public form's limit per address counts every attempt, refused ones too: that is its purpose
				if (!ApiFuzzIntegrationTest.NOT_BUSINESS.contains(table) && !table.equals("public_submission")) {
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
