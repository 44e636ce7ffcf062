package fr.maillage.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.internal.RouteTable;
import fr.maillage.platform.Access;
import fr.maillage.platform.Route;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application registers is declared in the authorisation table, and no route
 * answers to someone who may not call it: anonymous callers, members of another CPTS,
 * non-administrators on administrators' routes.
 */
@IntegrationTest
class RouteTableTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	RouteTable table;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void bridge() {
		People.Invitations.use(accounts);
	}

	private record Registered(String method, String pattern) {
	}

	private List<Registered> registered() {
		List<Registered> out = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues()
					: info.getPathPatternsCondition().getPatternValues();
			var methods = info.getMethodsCondition().getMethods();
			for (String p : patterns) {
				if (methods.isEmpty()) {
					out.add(new Registered("*", p));
				}
				methods.forEach(m -> out.add(new Registered(m.name(), p)));
			}
		}
		return out;
	}

	private boolean declared(Registered r) {
		return table.all().stream().anyMatch(d -> d.pattern().equals(r.pattern()) && (d.method().equals("*") || d.method().equals(r.method()))
				|| d.pattern().endsWith("/**") && r.pattern().startsWith(d.pattern().substring(0, d.pattern().length() - 3)));
	}

	@Test
	void everyRegisteredRouteIsInTheTable() {
		Set<String> missing = new TreeSet<>();
		for (Registered r : registered()) {
			if (!declared(r)) {
				missing.add(r.method() + " " + r.pattern());
			}
		}
		assertThat(missing).as("routes missing from the authorisation table").isEmpty();
	}

	/** A CPTS's public page lives at /{slug}: a slug equal to a path of the application would never be reached. */
	@Test
	void everyFirstPathSegmentIsAReservedSlug() {
		Set<String> unreserved = new TreeSet<>();
		for (Registered r : registered()) {
			String first = r.pattern().replaceFirst("^/", "").split("/")[0].replace(".", "-");
			if (!first.isEmpty() && !first.startsWith("{") && !fr.maillage.cpts.CptsService.RESERVED_SLUGS.contains(first)) {
				unreserved.add(first);
			}
		}
		assertThat(unreserved).as("paths a CPTS could take as its slug").isEmpty();
	}

	private int call(String method, String path, String token) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
		b.header("Content-Type", "application/json").method("*".equals(method) ? "GET" : method, method.equals("GET") || method.equals("*")
				? HttpRequest.BodyPublishers.noBody() : body);
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() == 302) {
			String location = r.headers().firstValue("Location").orElse("");
			return location.contains("/connexion") || location.contains("/installation") ? 401 : 302;
		}
		return r.statusCode();
	}

	private static String concrete(String pattern, String id) {
		return pattern.replaceAll("\\{slug[^}]*}", "inconnue").replaceAll("\\{[^}]+}", id).replace("/**", "/x");
	}

	@Test
	void anonymousCallersGetNothingButPublicRoutes() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Route r : table.all()) {
			if (r.access() == Access.PUBLIC || r.access() == Access.SETUP) {
				continue;
			}
			int status = call(r.method(), concrete(r.pattern(), java.util.UUID.randomUUID().toString()), null);
			if (status != 401 && status != 403 && status != 404) {
				leaks.add(r + " -> " + status);
			}
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void aMemberOfAnotherCptsGetsNothingOfThisOne() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String mine = People.newCpts(admin);
		String theirs = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + theirs + "/territory", List.of("04112")).status()).isEqualTo(200);
		String outsider = People.join(admin, port, mine, "COORDINATOR");
		List<String> leaks = new ArrayList<>();
		for (Route r : table.all()) {
			if (r.access() == Access.CPTS_MEMBER || r.access() == Access.CPTS_COORDINATOR || r.access() == Access.ADMIN) {
				int status = call(r.method(), concrete(r.pattern(), theirs), outsider);
				if (status < 400 || status == 500) {
					leaks.add(r + " -> " + status);
				}
			}
		}
		assertThat(leaks).isEmpty();
		// and their own CPTS is visible to them
		assertThat(new Api(port, outsider).get("/api/v1/cpts/" + mine).status()).isEqualTo(200);
		assertThat(new Api(port, outsider).get("/api/v1/cpts").json()).hasSize(1);
	}

	@Test
	void aMemberMayReadTheTerritoryButNotChangeIt() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		String member = People.join(admin, port, cpts, "MEMBER");
		Api api = new Api(port, member);
		assertThat(api.get("/api/v1/cpts/" + cpts + "/territory").status()).isEqualTo(200);
		assertThat(api.put("/api/v1/cpts/" + cpts + "/territory", List.of("04112")).status()).isEqualTo(403);
		assertThat(api.postText("/api/v1/cpts/" + cpts + "/territory/preview", "Manosque").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/audit").status()).isEqualTo(403);
	}
}
