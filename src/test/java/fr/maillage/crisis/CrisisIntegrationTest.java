package fr.maillage.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.crisis.internal.AlertDelivery;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crisis mission's rules against the real database: a plan needs its referent and valid
 * contact points; only the cell and the coordinators read it; activation convenes the cell; an
 * alert reaches the targeted professionals once each (delivery run again adds nothing), answers are
 * counted, the silent reminded once, a closed alert refuses answers, a closed crisis refuses
 * alerts; the log refuses any change in the database itself.
 */
@IntegrationTest
class CrisisIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	CrisisPlans plans;

	@Autowired
	Crises crises;

	@Autowired
	Alerts alerts;

	@Autowired
	AlertDelivery delivery;

	@Autowired
	CrisisLog log;

	@Autowired
	fr.maillage.crisis.internal.PlanReviews reviews;

	@Test
	void thePlanAlertsAnswersAndClosingFollowTheRules() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cptsText = People.newCpts(admin);
		UUID cpts = UUID.fromString(cptsText);
		UUID coordinator = user(People.invite(admin, cptsText, "COORDINATOR"));
		People.Person referentPerson = People.invite(admin, cptsText, "MEMBER");
		UUID referent = user(referentPerson);
		UUID nurse = user(People.invite(admin, cptsText, "MEMBER"));
		UUID gp = user(People.invite(admin, cptsText, "MEMBER"));
		UUID pharmacist = user(People.invite(admin, cptsText, "MEMBER"));
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		Gps.link(jdbc, nurse, Gps.practitioner(jdbc, "ROUX" + tag, "60", "Infirmier", "", "04112", "Manosque"));
		Gps.link(jdbc, gp, Gps.create(jdbc, "BLANC" + tag, "04112", "Manosque"));
		Gps.link(jdbc, pharmacist, Gps.practitioner(jdbc, "MOREL" + tag, "21", "Pharmacien", "", "04070", "Forcalquier"));

		accounts.runAs(referent, () -> assertThatThrownBy(() -> crises.activate(cpts, activation("HEATWAVE")))
			.isInstanceOf(CptsAccess.NotVisibleException.class));
		accounts.runAs(coordinator, () -> {
			Map<String, String> f = new HashMap<>(Map.of("cell0.user", referent.toString(), "cell0.role", "MEMBER", "cell0.phone", "12"));
			assertThatThrownBy(() -> plans.save(cpts, new PlanForm(f), null)).isInstanceOfSatisfying(Problems.RejectedException.class,
					ex -> assertThat(ex.problems().byField()).containsKeys("cell0.role", "cell0.phone"));
			f.put("cell0.role", "REFERENT");
			f.put("cell0.phone", "06 12 34 56 78");
			f.put("resource0.name", "Salle polyvalente");
			f.put("resource0.commune", "4112");
			assertThatThrownBy(() -> plans.save(cpts, new PlanForm(f), null)).isInstanceOfSatisfying(Problems.RejectedException.class,
					ex -> assertThat(ex.problems().byField()).containsOnlyKeys("resource0.commune"));
			f.put("resource0.commune", "04112");
			assertThat(plans.save(cpts, new PlanForm(f), "Première version")).isEqualTo(1);
		});
		// a year later the plan is to be reviewed: the coordinator and the referent are reminded, once a month at most
		assertThat(reviews.remind(Instant.now().plus(Duration.ofDays(340)))).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where link = :l").param("l", "/cpts/" + cpts + "/crise/plan").query(Long.class).single())
			.isEqualTo(2);
		reviews.remind(Instant.now().plus(Duration.ofDays(350)));
		assertThat(jdbc.sql("select count(*) from notification where link = :l").param("l", "/cpts/" + cpts + "/crise/plan").query(Long.class).single())
			.isEqualTo(2);
		accounts.runAs(nurse, () -> {
			assertThat(plans.mayRead(cpts)).isFalse();
			assertThatThrownBy(() -> plans.current(cpts)).isInstanceOf(CptsAccess.NotVisibleException.class);
			plans.declareSkills(cpts, Set.of(Skill.VACCINATION, Skill.HOME_VISITS));
		});

		AtomicReference<Crisis> crisis = new AtomicReference<>();
		accounts.runAs(referent, () -> {
			assertThat(plans.current(cpts).orElseThrow().plan().referent().orElseThrow().phone()).isEqualTo("06 12 34 56 78");
			crisis.set(crises.activate(cpts, new CrisisForms.ActivationForm("HEATWAVE", "2", "true", "", "")));
			assertThat(crisis.get().exercise()).isTrue();
			assertThat(crises.label(crisis.get())).isEqualTo("[EXERCICE] Canicule");
		});
		UUID crisisId = crisis.get().id();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(distinct user_id) from notification where kind = 'crisis.convened' and link = :l""").param("l", "/crises/" + crisisId)
			.query(Long.class).single()).isEqualTo(2));

		AtomicReference<CrisisAlert> alert = new AtomicReference<>();
		accounts.runAs(referent, () -> {
			assertThatThrownBy(() -> alerts.send(crisisId, new CrisisForms.AlertForm("Qui peut venir ?", List.of("50"), List.of(), "", "30")))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("professions"));
			assertThat(alerts.send(crisisId, new CrisisForms.AlertForm("Vaccinateurs ?", List.of(), List.of("VACCINATION"), "", "30")).recipients())
				.isEqualTo(1);
			alert.set(alerts.send(crisisId, new CrisisForms.AlertForm("Renfort à Manosque", List.of("10", "60", "21"), List.of(), "Manosque", "30")));
		});
		UUID alertId = alert.get().id();
		assertThat(alert.get().recipients()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from notification where link = :l")
			.param("l", "/crises/alertes/" + alertId).query(Long.class).single()).isEqualTo(2));
		assertThat(delivery.deliver(alertId)).as("delivered once, whatever replays").isZero();
		assertThat(jdbc.sql("select count(*) from notification where link = :l").param("l", "/crises/alertes/" + alertId).query(Long.class).single())
			.isEqualTo(2);

		accounts.runAs(nurse, () -> alerts.answer(alertId, CrisisAlert.Answer.NOW));
		accounts.runAs(pharmacist, () -> assertThatThrownBy(() -> alerts.answer(alertId, CrisisAlert.Answer.NOW)).isInstanceOf(NotFoundException.class));
		assertThat(delivery.remind(Instant.now().plus(Duration.ofMinutes(31)))).as("the GP, silent, reminded").isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from crisis_alert_recipient where alert_id = :a and reminded_at is not null").param("a", alertId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(delivery.remind(Instant.now().plus(Duration.ofMinutes(40)))).as("once").isZero();
		accounts.runAs(gp, () -> alerts.answer(alertId, CrisisAlert.Answer.WITHIN_24H));

		// the board is live within half a second of the last answer
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> accounts.runAs(referent, () -> {
			Alerts.Board b = alerts.board(alertId);
			assertThat(b.total().now()).isEqualTo(1);
			assertThat(b.total().within24h()).isEqualTo(1);
			assertThat(b.total().silent()).isZero();
		}));
		accounts.runAs(referent, () -> {
			Alerts.Board b = alerts.board(alertId);
			assertThat(b.byProfession()).extracting(fr.maillage.crisis.internal.AlertStore.Counts::group).contains("Infirmier");
			assertThat(b.now()).singleElement().satisfies(p -> assertThat(p.communeName()).isEqualTo("Manosque"));
			alerts.close(alertId);
		});
		accounts.runAs(nurse, () -> assertThatThrownBy(() -> alerts.answer(alertId, CrisisAlert.Answer.UNAVAILABLE))
			.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("answer")));

		AtomicReference<Integer> first = new AtomicReference<>();
		accounts.runAs(referent, () -> {
			first.set(log.add(crisisId, LogEntry.Kind.DECISION, "Ouverture de la salle", null));
			assertThatThrownBy(() -> log.add(crisisId, LogEntry.Kind.ACTION, "Correction", UUID.randomUUID()))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("corrects"));
		});
		accounts.runAs(nurse, () -> assertThatThrownBy(() -> log.add(crisisId, LogEntry.Kind.ACTION, "Pas dans la cellule", null))
			.isInstanceOf(CptsAccess.NotVisibleException.class));
		// an entry edited through the API: refused, and the database keeps it as written
		String referentToken = People.token(port, referentPerson);
		String entryId = jdbc.sql("select id::text from crisis_log_entry where crisis_id = :c and seq = 1").param("c", crisisId).query(String.class).single();
		assertThat(new Api(port, referentToken).put("/api/v1/crises/" + crisisId + "/log/" + entryId, Map.of("text", "Autre")).status())
			.isBetween(400, 499);
		assertThat(jdbc.sql("select text from crisis_log_entry where id = cast(:e as uuid)").param("e", entryId).query(String.class).single())
			.isEqualTo("Ouverture de la salle");
		accounts.runAs(referent, () -> {
			assertThatThrownBy(() -> crises.close(crisisId, "court")).isInstanceOf(Problems.RejectedException.class);
			crises.close(crisisId, "Exercice utile : la cellule a été réunie en dix minutes ; à revoir, les numéros des suppléants.");
			assertThatThrownBy(() -> alerts.send(crisisId, new CrisisForms.AlertForm("Encore ?", List.of(), List.of(), "", "30")))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("crisis"));
		});

		// the log is append-only in the database itself
		UUID entry = UUID.fromString(entryId);
		assertThatThrownBy(() -> jdbc.sql("update crisis_log_entry set text = 'Autre' where id = :id").param("id", entry).update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from crisis_log_entry where id = :id").param("id", entry).update()).rootCause()
			.hasMessageContaining("permission denied");
		// and the database's owner is refused by the trigger
		try (java.sql.Connection c = fr.maillage.support.DatabaseOwner.connect(dataSource)) {
			JdbcClient owner = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
			assertThatThrownBy(() -> owner.sql("update crisis_log_entry set text = 'Autre' where id = :id").param("id", entry).update()).rootCause()
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> owner.sql("delete from crisis_log_entry where id = :id").param("id", entry).update()).rootCause()
				.hasMessageContaining("append-only");
		}
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private UUID user(People.Person p) {
		return accounts.userIdByEmail(p.email()).orElseThrow();
	}

	private static CrisisForms.ActivationForm activation(String kind) {
		return new CrisisForms.ActivationForm(kind, "1", "", "", "");
	}
}
