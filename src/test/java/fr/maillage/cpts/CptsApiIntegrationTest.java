package fr.maillage.cpts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.TestData;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The JSON API promises of the foundation issue, over real HTTP against the real database. */
@IntegrationTest
class CptsApiIntegrationTest {

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void setUp() {
		admin = new Api(port, TestData.ADMIN_TOKEN);
	}

	private String newCpts() {
		String slug = TestData.unique("cpts");
		Api.Response r = admin.post("/api/v1/cpts", Map.of("name", "CPTS " + slug, "legalForm", "ASSOCIATION_1901",
				"siret", TestData.VALID_SIRET, "address", "1 rue de la Mairie, 04100 Manosque", "email", "contact@" + slug + ".fr",
				"phone", "04 00 00 00 00", "slug", slug));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asString();
	}

	private static Set<String> codes(JsonNode list) {
		Set<String> out = new HashSet<>();
		list.forEach(n -> out.add(n.get("inseeCode").asString()));
		return out;
	}

	@Test
	void createsACptsAndAnswers201WithItsId() {
		String id = newCpts();
		Api.Response got = admin.get("/api/v1/cpts/" + id);
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.json().get("siret").asString()).isEqualTo(TestData.VALID_SIRET);
		assertThat(got.json().get("phone").asString()).isEqualTo("0400000000");
	}

	@Test
	void aSiretWithAWrongKeyIsRefusedInFrenchAndNothingIsSaved() {
		int before = admin.get("/api/v1/cpts").json().size();
		Api.Response r = admin.post("/api/v1/cpts", Map.of("name", "CPTS Erreur", "siret", "89273929300018", "address", "x",
				"email", "a@b.fr", "phone", "0400000000", "slug", TestData.unique("erreur")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("siret");
		assertThat(r.json().get("message").asString()).contains("clé de contrôle");
		assertThat(admin.get("/api/v1/cpts").json().size()).isEqualTo(before);
	}

	@Test
	void territoryFromAnEpciWithExclusionsAndAdditionsAsInSeed003() {
		String id = newCpts();
		Api.Response preview = admin.post("/api/v1/cpts/" + id + "/territory/preview",
				Map.of("epci", "200040905", "remove", List.of("81319", "Milhavet"), "add", List.of("81122", "Laparrouquial", "81275")));
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode body = preview.json();
		Set<String> resolved = codes(body.get("resolved"));
		assertThat(resolved).hasSize(32).doesNotContain("81319", "81166").contains("81122", "81135", "81275");
		assertThat(body.get("population").asLong()).isEqualTo(29824);
		// the preview saved nothing
		assertThat(admin.get("/api/v1/cpts/" + id + "/territory").json().get("communes")).isEmpty();

		Api.Response put = admin.put("/api/v1/cpts/" + id + "/territory", List.copyOf(resolved));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		JsonNode territory = admin.get("/api/v1/cpts/" + id + "/territory").json();
		assertThat(codes(territory.get("communes"))).isEqualTo(resolved);
		assertThat(territory.get("population").asLong()).isEqualTo(29824);
		assertThat(territory.get("sizeClass").asInt()).isEqualTo(1);
		assertThat(territory.get("communeCount").asInt()).isEqualTo(32);
	}

	@Test
	void previewOfAPastedListAsText() {
		String id = newCpts();
		Api.Response r = admin.postText("/api/v1/cpts/" + id + "/territory/preview", TestData.sud04Table());
		assertThat(r.status()).isEqualTo(200);
		JsonNode body = r.json();
		assertThat(body.get("resolved")).hasSize(48);
		assertThat(body.get("ambiguous")).isEmpty();
		assertThat(body.get("sizeClass").asInt()).isEqualTo(2);
		JsonNode corbieres = null;
		for (JsonNode l : body.get("resolved")) {
			if (l.get("text").asString().startsWith("CORBIERES")) {
				corbieres = l;
			}
		}
		assertThat(corbieres).isNotNull();
		assertThat(corbieres.get("inseeCode").asString()).isEqualTo("04063");
		assertThat(corbieres.get("methodLabel").asString()).isEqualTo("forme courte ou ancienne du nom");
	}

	@Test
	void aTerritoryWithAnUnknownCodeIsRefusedWhole() {
		String id = newCpts();
		assertThat(admin.put("/api/v1/cpts/" + id + "/territory", List.of("04112")).status()).isEqualTo(200);
		Api.Response r = admin.put("/api/v1/cpts/" + id + "/territory", List.of("04088", "99999"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("message").asString()).contains("99999");
		assertThat(codes(admin.get("/api/v1/cpts/" + id + "/territory").json().get("communes"))).containsExactly("04112");
	}

	@Test
	void zoneFlagsAreKept() {
		String id = newCpts();
		Api.Response r = admin.put("/api/v1/cpts/" + id + "/territory",
				List.of(Map.of("inseeCode", "04112", "qpv", true), Map.of("inseeCode", "04018", "zip", true, "zoneNote", "zone de montagne")));
		assertThat(r.status()).isEqualTo(200);
		JsonNode communes = r.json().get("communes");
		assertThat(communes.findValues("qpv").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
		assertThat(communes.findValuesAsString("zoneNote")).contains("zone de montagne");
	}

	@Test
	void withoutATokenTheApiAnswers401NeverARedirect() {
		Api anonymous = new Api(port, null);
		for (String path : List.of("/api/v1/cpts", "/api/v1/audit", "/api/v1/users", "/api/v1/communes?q=man")) {
			Api.Response r = anonymous.get(path);
			assertThat(r.status()).as(path).isEqualTo(401);
			assertThat(r.json().get("message").asString()).contains("Authentification requise");
		}
		assertThat(new Api(port, "mlg_not-a-real-token").get("/api/v1/cpts").status()).isEqualTo(401);
	}

	@Test
	void unknownResourcesAnswer404() {
		assertThat(admin.get("/api/v1/cpts/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/cpts/not-a-uuid").status()).isIn(400, 404);
		assertThat(admin.get("/api/v1/nothing-here").status()).isEqualTo(404);
	}

	@Test
	void tokensComeFromEmailAndPassword() {
		Api anonymous = new Api(port, null);
		Api.Response r = anonymous.post("/api/v1/auth/token", Map.of("email", TestData.ADMIN_EMAIL, "password", TestData.ADMIN_PASSWORD));
		assertThat(r.status()).isEqualTo(201);
		String token = r.json().get("token").asString();
		assertThat(token).startsWith("mlg_").hasSizeGreaterThan(40);
		assertThat(new Api(port, token).get("/api/v1/cpts").status()).isEqualTo(200);
		assertThat(anonymous.post("/api/v1/auth/token", Map.of("email", TestData.ADMIN_EMAIL, "password", "wrong")).status()).isEqualTo(401);
	}

	@Test
	void communesAutocompleteUsesTheKeyInseeCode() {
		Api.Response r = admin.get("/api/v1/communes?q=manosque");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get(0).get("inseeCode").asString()).isEqualTo("04112");
		assertThat(r.json().get(0).get("population").asInt()).isGreaterThan(20_000);
	}

	@Test
	void oversizedAndBinaryBodiesGetAClearAnswerAndSaveNothing() {
		String id = newCpts();
		byte[] big = new byte[20 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		Api.Response tooBig = admin.postBytes("/api/v1/cpts/" + id + "/territory/preview", big, "text/plain");
		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(tooBig.body()).contains("trop volumineux");
		byte[] binary = new byte[4096];
		new java.util.Random(1).nextBytes(binary);
		Api.Response bin = admin.postBytes("/api/v1/cpts/" + id + "/territory/preview", binary, "application/octet-stream");
		assertThat(bin.status()).isEqualTo(415);
		assertThat(admin.get("/api/v1/cpts/" + id + "/territory").json().get("communes")).isEmpty();
	}
}
