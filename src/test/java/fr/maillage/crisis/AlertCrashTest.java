package fr.maillage.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.SecondNode;
import fr.maillage.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An alert to N professionals (5,000 here, 25,000 with {@code -Dmaillage.crash.alert=25000} in
 * the benchmark) sent through a second application process that halts (as SIGKILL would) once its
 * first batch is delivered; started again, the process delivers the rest: every professional has
 * the alert in their inbox exactly once, and the answers given meanwhile are kept.
 */
@IntegrationTest
class AlertCrashTest {

	static final int PROFESSIONALS = Integer.getInteger("maillage.crash.alert", 5000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Autowired
	Alerts alerts;

	@Test
	void everyProfessionalGetsTheAlertOnceThroughACrash() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cptsText = People.newCpts(admin);
		People.Person coordinatorPerson = People.invite(admin, cptsText, "COORDINATOR");
		UUID coordinator = accounts.userIdByEmail(coordinatorPerson.email()).orElseThrow();
		String domain = TestData.unique("alerte").toLowerCase() + ".mssante.fr";
		jdbc.sql("""
				with u as (insert into user_account (id, email, display_name, admin)
				  select gen_random_uuid(), 'pro' || n || '@' || :d, 'Professionnel ' || n, false from generate_series(1, :n) n returning id)
				insert into cpts_role (user_id, cpts_id, role) select id, cast(:c as uuid), 'MEMBER' from u""")
			.param("d", domain).param("n", PROFESSIONALS).param("c", cptsText).update();
		String token = People.token(port, coordinatorPerson);
		Api api = new Api(port, token);
		assertThat(api.put("/api/v1/cpts/" + cptsText + "/crisis-plan", Map.of("fields", Map.of("cell0.user", coordinator.toString(), "cell0.role",
				"REFERENT"))).status()).isEqualTo(200);
		Api.Response crisis = api.post("/api/v1/cpts/" + cptsText + "/crises", Map.of("kind", "EMERGING_AGENT", "level", "3", "exercise", "true"));
		assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
		String crisisId = crisis.json().get("id").asString();

		String alertId;
		try (SecondNode node = SecondNode.start(dataSource, "alert-crash", "alert-crash-first", List.of("-Dmaillage.crash-at=crisis.alert.batch"))) {
			Api.Response sent = new Api(node.port(), token).post("/api/v1/crises/" + crisisId + "/alerts",
					Map.of("message", "Vaccination exceptionnelle : qui peut venir demain ?", "remindAfter", "60"));
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			alertId = sent.json().get("id").asString();
			assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("the node halts once its first batch is delivered").isTrue();
		}
		long recipients = PROFESSIONALS + 1;
		long atCrash = notified(alertId);
		assertThat(atCrash).as("killed in the middle of the delivery").isBetween(1L, recipients - 1);

		// some of those already notified answer while the node is down
		List<UUID> early = jdbc.sql("select user_id from notification where link = :l limit 20").param("l", "/crises/alertes/" + alertId)
			.query(UUID.class).list();
		early.forEach(u -> accounts.runAs(u, () -> alerts.answer(UUID.fromString(alertId), CrisisAlert.Answer.NOW)));

		try (SecondNode node = SecondNode.start(dataSource, "alert-crash", "alert-crash-second")) {
			await().atMost(Duration.ofSeconds(120)).until(() -> notified(alertId) == recipients);
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select delivered_at is not null from crisis_alert where id = cast(:a as uuid)")
				.param("a", alertId).query(Boolean.class).single());
		}
		assertThat(jdbc.sql("select count(distinct user_id) from notification where link = :l").param("l", "/crises/alertes/" + alertId)
			.query(Long.class).single()).as("everyone once").isEqualTo(recipients);
		assertThat(jdbc.sql("select count(*) from crisis_alert_recipient where alert_id = cast(:a as uuid) and notified_at is null").param("a", alertId)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from crisis_alert_recipient where alert_id = cast(:a as uuid) and answer = 'NOW'").param("a", alertId)
			.query(Long.class).single()).as("the answers given are kept").isEqualTo(early.size());
		System.out.printf("alert crash test: %d recipients, %d notified before the crash%n", recipients, atCrash);
	}

	private long notified(String alertId) {
		return jdbc.sql("select count(*) from notification where link = :l").param("l", "/crises/alertes/" + alertId).query(Long.class).single();
	}
}
