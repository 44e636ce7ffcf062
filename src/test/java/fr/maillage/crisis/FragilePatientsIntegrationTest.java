package fr.maillage.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The organisation for fragile patients in a crisis, fed by the pathways in counts: the plan counts
 * every followed patient, a crisis on one commune only those who live there; the referent asks
 * the circles and each member with an account is told how many of their patients, never a name;
 * a member outside the cell reads none of it; the request is written to the log.
 */
@IntegrationTest
class FragilePatientsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	FragilePatients fragile;

	@Autowired
	CrisisLog log;

	@Test
	void theCellSeesCountsAndTheCirclesAreAskedWithoutAName() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cptsText = People.newCpts(admin);
		UUID cpts = UUID.fromString(cptsText);
		People.Person coordinatorPerson = People.invite(admin, cptsText, "COORDINATOR");
		UUID coordinator = accounts.userIdByEmail(coordinatorPerson.email()).orElseThrow();
		Api coordinatorApi = new Api(port, People.token(port, coordinatorPerson));
		People.Person gpPerson = People.invite(admin, cptsText, "MEMBER");
		UUID gp = accounts.userIdByEmail(gpPerson.email()).orElseThrow();
		UUID gpEntry = Gps.create(jdbc, "Généraliste " + TestData.unique(""), "04112", "Manosque");
		Gps.link(jdbc, gp, gpEntry);
		People.Person nursePerson = People.invite(admin, cptsText, "MEMBER");
		UUID nurse = accounts.userIdByEmail(nursePerson.email()).orElseThrow();
		UUID nurseEntry = Gps.practitioner(jdbc, "Infirmière " + TestData.unique(""), "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, nurse, nurseEntry);
		UUID unlinkedEntry = Gps.practitioner(jdbc, "Pharmacien " + TestData.unique(""), "21", "Pharmacien", "", "04070", "Forcalquier");

		JsonNode examples = coordinatorApi.post("/api/v1/cpts/" + cptsText + "/pathway-templates/examples", Map.of()).json();
		String discharge = examples.valueStream().filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id")
			.asString();
		Api gpApi = new Api(port, People.token(port, gpPerson));
		// two patients in Manosque (the nurse in both circles, the pharmacist without account in one), one in Forcalquier
		enrol(gpApi, cptsText, discharge, "ARNAUD", "04112", List.of(nurseEntry, unlinkedEntry));
		enrol(gpApi, cptsText, discharge, "BERNARD", "04112", List.of(nurseEntry));
		enrol(gpApi, cptsText, discharge, "CHABERT", "04070", List.of());

		assertThat(coordinatorApi.put("/api/v1/cpts/" + cptsText + "/crisis-plan", Map.of("fields", Map.of("cell0.user", coordinator.toString(),
				"cell0.role", "REFERENT"))).status()).isEqualTo(200);
		accounts.runAs(coordinator, () -> {
			FollowUpRow all = row(fragile.ofTerritory(cpts));
			assertThat(all.patients()).isEqualTo(3);
			Crisis c = crises.activate(cpts, new CrisisForms.ActivationForm("HEATWAVE", "2", "true", "", "04112"));
			var inArea = fragile.ofCrisis(c.id());
			FollowUpRow manosque = row(inArea);
			assertThat(manosque.patients()).isEqualTo(2);
			// the GP who enrolled is in every circle; the nurse in both; the pharmacist in one but without account
			assertThat(inArea.getFirst().followersByRole()).containsEntry(fr.maillage.pathways.PathwayRole.INFIRMIER, 1L)
				.containsEntry(fr.maillage.pathways.PathwayRole.PHARMACIEN, 1L);
			assertThat(inArea.getFirst().followers()).isEqualTo(3);
			assertThat(inArea.getFirst().reachable()).isEqualTo(2);
			crisisId = c.id();
		});
		accounts.runAs(nurse, () -> org.assertj.core.api.Assertions.assertThatThrownBy(() -> fragile.ofCrisis(crisisId))
			.isInstanceOf(fr.maillage.accounts.CptsAccess.NotVisibleException.class));
		accounts.runAs(coordinator, () -> {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> fragile.askCircles(crisisId, " "))
				.isInstanceOf(fr.maillage.platform.Problems.RejectedException.class);
			fragile.askCircles(crisisId, "Appelez vos patients âgés seuls aujourd'hui.");
			assertThat(log.entries(crisisId)).singleElement().satisfies(e -> assertThat(e.text()).contains("Appelez vos patients âgés seuls"));
		});
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<UUID, String> bodies = new HashMap<>();
			jdbc.sql("select user_id, title || ' ' || body from notification where kind = 'pathways.followup' and cpts_id = :c").param("c", cpts)
				.query(rs -> {
					bodies.put(rs.getObject(1, UUID.class), rs.getString(2));
				});
			assertThat(bodies).containsOnlyKeys(gp, nurse);
			assertThat(bodies.get(nurse)).contains("2 de vos patients").contains("Appelez vos patients âgés seuls").doesNotContain("ARNAUD")
				.doesNotContain("BERNARD");
			assertThat(bodies.get(gp)).contains("2 de vos patients");
		});
	}

	UUID crisisId;

	@Autowired
	Crises crises;

	record FollowUpRow(long patients) {
	}

	private static FollowUpRow row(List<fr.maillage.pathways.FollowUp.PerPathway> rows) {
		assertThat(rows).hasSize(1);
		return new FollowUpRow(rows.getFirst().patients());
	}

	private static void enrol(Api gp, String cpts, String template, String birthName, String commune, List<UUID> circle) {
		Map<String, Object> p = new HashMap<>();
		p.put("cptsId", cpts);
		p.put("templateId", template);
		p.put("startDate", LocalDate.now().toString());
		p.put("birthName", birthName);
		p.put("firstNames", "Lucienne");
		p.put("birthDate", "1941-03-09");
		p.put("sex", "F");
		p.put("communeCode", commune);
		p.put("phone", "06 00 00 00 01");
		p.put("consentHow", "ORAL");
		p.put("consent", true);
		p.put("circle", circle.stream().map(e -> Map.of("practitionerId", e.toString())).toList());
		Api.Response r = gp.post("/api/v1/pathway-enrolments", p);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}
}
