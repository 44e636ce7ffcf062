package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Structures created through the API: the same checks as the page, for editors only. */
@IntegrationTest
class OrganizationApiIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aCoordinatorCreatesAStructureWithItsKeysCheckedAndAMemberMayNot() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		Api member = new Api(port, People.join(admin, port, cpts, "MEMBER"));
		String name = TestData.unique("SSIAD du Jabron");
		Map<String, Object> body = new HashMap<>(Map.of("kind", "SSIAD", "name", name, "finess", "040000012", "commune", "Sisteron"));

		assertThat(member.post("/api/v1/organizations", body).status()).isEqualTo(403);
		Api.Response wrongKey = coordinator.post("/api/v1/organizations", body);
		assertThat(wrongKey.status()).isEqualTo(400);
		assertThat(wrongKey.body()).contains("finess").contains("FINESS");

		body.put("finess", "");
		body.put("siret", TestData.VALID_SIRET);
		Api.Response created = coordinator.post("/api/v1/organizations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("communeCode").asString()).isEqualTo("04209");
		assertThat(created.json().get("nationalId").isNull()).isTrue();
		String id = created.json().get("id").asString();
		Api.Response twice = coordinator.post("/api/v1/organizations", Map.of("kind", "SSIAD", "name", name.toUpperCase(), "commune", "04209"));
		assertThat(twice.status()).as("the same name, kind and commune without a FINESS: entered twice").isEqualTo(400);
		assertThat(twice.body()).contains("existe déjà");
		assertThat(member.get("/api/v1/organizations/" + id).json().get("name").asString()).isEqualTo(name);
	}
}
