package fr.maillage.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens expire (their owner chooses, a year at most); refusals of a record are audited. */
@IntegrationTest
class AccountTokensIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void aTokenLivesAsLongAsItsOwnerChoseAYearAtMost() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		People.Person member = People.invite(admin, People.newCpts(admin), "MEMBER");
		Api anonymous = new Api(port, null);
		Api.Response tooLong = anonymous.post("/api/v1/auth/token", Map.of("email", member.email(), "password", member.password(),
				"expiresInDays", 400));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("message").asString()).contains("365 jours");
		Api.Response issued = anonymous.post("/api/v1/auth/token", Map.of("email", member.email(), "password", member.password(),
				"expiresInDays", 7, "name", "script de test"));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(new Api(port, token).get("/api/v1/me/directory").status()).isEqualTo(200);
		UUID id = accounts.userIdByEmail(member.email()).orElseThrow();
		assertThat(jdbc.sql("select expires_at::date - now()::date from api_token where user_id = :u and name = 'script de test'").param("u", id)
			.query(Integer.class).single()).isEqualTo(7);
		jdbc.sql("update api_token set expires_at = now() - interval '1 second' where user_id = :u").param("u", id).update();
		assertThat(new Api(port, token).get("/api/v1/me/directory").status()).as("expired").isEqualTo(401);
	}

	@Test
	void aRecordRefusedToASignedInPersonIsAudited() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person member = People.invite(admin, cpts, "MEMBER");
		Api api = new Api(port, People.token(port, member));
		String booking = UUID.randomUUID().toString();
		assertThat(api.get("/api/v1/bookings/" + booking).status()).isEqualTo(404);
		String other = People.newCpts(admin);
		int status = api.get("/api/v1/cpts/" + other + "/gp-requests").status();
		assertThat(status).isIn(403, 404);
		UUID id = accounts.userIdByEmail(member.email()).orElseThrow();
		assertThat(jdbc.sql("select subject_id from audit_event where actor_id = :u and action = 'access.denied' order by id").param("u", id)
			.query(String.class).list()).containsExactly("GET /api/v1/bookings/" + booking, "GET /api/v1/cpts/" + other + "/gp-requests");
		assertThat(jdbc.sql("select cpts_id::text from audit_event where actor_id = :u and action = 'access.denied' order by id desc limit 1")
			.param("u", id).query(String.class).single()).isEqualTo(other);
	}
}
