package fr.maillage.missions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The contract through the API: recorded by the coordinator with the default amounts of its size
 * class (and a reason when the class is not the territory's), the payments expected against those
 * received, the board's access through a current mandate and a plain member's refusal, the
 * indicator catalogue with its checks (weights over 100 %, a target in the wrong unit, a value
 * without proof) and every change in the audit log.
 */
@IntegrationTest
class ContractApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;


	@Test
	void contractPaymentsAccessAndIndicators() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		UUID cptsId = UUID.fromString(cpts);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		People.Person plain = People.invite(admin, cpts, "MEMBER");
		Api member = new Api(port, People.token(port, plain));
		String base = "/api/v1/cpts/" + cpts;

		// nothing recorded yet: no contract, no year to report on
		assertThat(coordinator.get(base + "/contract").status()).isEqualTo(404);
		Api.Response noYear = coordinator.get(base + "/indicators?year=1");
		assertThat(noYear.status()).isEqualTo(400);
		assertThat(noYear.body()).contains("Aucun contrat n'est enregistré");

		// the empty territory gives size class 1: class 2 needs a reason
		Map<String, Object> terms = new java.util.HashMap<>(Map.of("signedOn", "2024-03-15", "sizeClass", 2, "missions",
				List.of(Map.of("mission", "ACCESS"), Map.of("mission", "PATHWAYS"), Map.of("mission", "CRISIS"))));
		Api.Response noReason = coordinator.put(base + "/contract", terms);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.field("sizeClassReason")).contains("donne la taille 1");
		Api.Response bad = coordinator.put(base + "/contract", Map.of("signedOn", "2018-01-01", "missions",
				List.of(Map.of("mission", "ACCESS", "startMonths", 20, "fullMonths", 10), Map.of("mission", "CRISIS", "rule", "THRESHOLDS", "thresholds", "moitié"))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.field("signedOn")).contains("20 avril 2019");
		assertThat(bad.field("mission.ACCESS.fullMonths")).contains("ne peut pas précéder");
		assertThat(bad.field("mission.CRISIS.thresholds")).contains("50:50;75:75;100:100");
		assertThat(coordinator.get(base + "/contract").status()).as("nothing saved").isEqualTo(404);

		terms.put("sizeClassReason", "Population touristique l'été (avenant signé avec la CPAM)");
		Api.Response saved = coordinator.put(base + "/contract", terms);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode contract = saved.json().get("contract");
		assertThat(contract.get("functioningCents").asLong()).as("the default table for class 2").isEqualTo(9_100_000);
		assertThat(contract.get("missions").valueStream().map(m -> m.get("mission").asString())).containsExactly("ACCESS", "PATHWAYS", "CRISIS");
		JsonNode first = saved.json().get("dues").get(0);
		assertThat(first.get("expected").get("due").asString()).isEqualTo("2024-03-15");
		assertThat(first.get("expected").get("fixedCents").asLong()).isEqualTo(6_825_000);
		assertThat(saved.json().get("deadlines").valueStream().filter(d -> d.get("kind").asString().equals("MISSION_START")
				&& d.get("mission").asString().equals("PATHWAYS")).findFirst().orElseThrow().get("on").asString()).isEqualTo("2025-03-15");

		// the missions, with their dates
		JsonNode missions = coordinator.get(base + "/missions").json();
		assertThat(missions.get(0).get("label").asString()).startsWith("Accès aux soins");
		assertThat(missions.get(0).get("startsOn").asString()).isEqualTo("2024-09-15");

		// the CPAM's advance is recorded and set against what was expected
		Api.Response paid = coordinator.post(base + "/contract/payments", Map.of("contractYear", 1, "part", "FUNCTIONING", "kind", "ADVANCE",
				"receivedOn", "2024-04-02", "amountCents", 6_825_000));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(coordinator.post(base + "/contract/payments", Map.of("contractYear", 1, "part", "PREVENTION", "kind", "ADVANCE",
				"receivedOn", "2024-04-02", "amountCents", 100)).field("part")).contains("mission signée");
		JsonNode due = coordinator.get(base + "/contract").json().get("dues").get(0);
		assertThat(due.get("receivedCents").asLong()).isEqualTo(6_825_000);
		assertThat(due.get("missingCents").asLong()).isZero();

		// the dialogue de gestion: above the mission's envelope is refused; the decided part then shows in the balance
		Api.Response tooMuch = coordinator.post(base + "/contract/dialogues", Map.of("contractYear", 1, "mission", "ACCESS", "finalCents", 3_000_001,
				"heldOn", "2025-04-10"));
		assertThat(tooMuch.field("finalCents")).contains("va de 0 à l'enveloppe");
		assertThat(coordinator.post(base + "/contract/dialogues", Map.of("contractYear", 1, "mission", "ACCESS", "finalCents", 2_400_000,
				"heldOn", "2025-04-10")).status()).isEqualTo(200);
		JsonNode accessBalance = coordinator.get(base + "/contract").json().get("dues").valueStream()
			.filter(d -> d.get("expected").get("contractYear").asInt() == 1 && "ACCESS".equals(d.get("expected").get("mission").asString(""))
					&& d.get("expected").get("kind").asString().equals("BALANCE"))
			.findFirst().orElseThrow();
		assertThat(accessBalance.get("owedCents").asLong()).as("7,500 € of fixed balance and 24,000 € decided").isEqualTo(3_150_000);

		// two people editing at once: the second, sent on the old version, is told and saves nothing
		assertThat(coordinator.put(base + "/contract", terms).json().get("contract").get("version").asInt()).isEqualTo(1);
		Map<String, Object> stale = new java.util.HashMap<>(terms);
		stale.put("version", 0);
		stale.put("advancePercent", 50);
		Api.Response conflict = coordinator.put(base + "/contract", stale);
		assertThat(conflict.field("version")).contains("modifié par quelqu'un d'autre");
		assertThat(coordinator.get(base + "/contract").json().get("contract").get("advancePercent").asInt()).isEqualTo(75);

		// a plain member sees none of it; a board member (current mandate) does
		assertThat(member.get(base + "/contract").status()).isEqualTo(403);
		assertThat(member.put(base + "/contract", terms).status()).isEqualTo(403);
		assertThat(member.get(base + "/indicators?year=1").status()).isEqualTo(403);
		UUID practitioner = Gps.practitioner(jdbc, "TRESORIERE" + TestData.unique("").substring(1, 6).toUpperCase(), "60", "Infirmier", "", "04112",
				"Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(plain.email()).orElseThrow(), practitioner);
		String memberId = coordinator.post(base + "/members", Map.of("practitionerId", practitioner.toString())).json().get("id").asString();
		String bureau = coordinator.post(base + "/bodies", Map.of("name", "Bureau", "kind", "BUREAU", "quorumNum", 1, "quorumDen", 2)).json().get("id")
			.asString();
		Api.Response mandate = coordinator.post("/api/v1/bodies/" + bureau + "/mandates", Map.of("memberId", memberId, "position", "TRESORIER",
				"startsOn", LocalDate.now(ZoneId.of("Europe/Paris")).minusMonths(1).toString()));
		assertThat(mandate.status()).as(mandate.body()).isEqualTo(201);
		assertThat(member.get(base + "/contract").status()).as("the treasurer sits on the bureau").isEqualTo(200);

		// the catalogue: a computed indicator and a manual one; weights over 100 %, a target in another unit: explained
		Api.Response opened = coordinator.post(base + "/indicators", Map.of("sourceCode", "snp.opened", "weightPercent", 60, "targets",
				Map.of("1", Map.of("value", 500, "unit", "COUNT"))));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(opened.json().get("name").asString()).isEqualTo("Créneaux de soins non programmés ouverts");
		assertThat(opened.json().get("mission").asString()).isEqualTo("ACCESS");
		Api.Response tooHeavy = coordinator.post(base + "/indicators", Map.of("mission", "ACCESS", "name", "Patients vus en SNP (CPAM)", "kind",
				"RESULT", "unit", "PATIENTS", "aggregation", "SUM", "weightPercent", 50));
		assertThat(tooHeavy.field("weightPercent")).contains("feraient 110 %").contains("pèsent déjà 60 %");
		Api.Response wrongUnit = coordinator.post(base + "/indicators", Map.of("mission", "ACCESS", "name", "Patients vus en SNP (CPAM)", "kind",
				"RESULT", "unit", "PATIENTS", "aggregation", "SUM", "weightPercent", 40, "targets", Map.of("1", Map.of("value", 30, "unit", "PERCENT"))));
		assertThat(wrongUnit.field("targets[1]")).contains("« % »").contains("« patients »");
		Api.Response unsigned = coordinator.post(base + "/indicators", Map.of("mission", "PREVENTION", "name", "Dépistages", "kind", "ACTION",
				"unit", "COUNT"));
		assertThat(unsigned.field("mission")).contains("pas signée");
		Api.Response manual = coordinator.post(base + "/indicators", Map.of("mission", "ACCESS", "name", "Patients vus en SNP (CPAM)", "kind",
				"RESULT", "unit", "PATIENTS", "aggregation", "SUM", "weightPercent", 40, "targets", Map.of("1", Map.of("value", 30, "unit", "PATIENTS"))));
		assertThat(manual.status()).as(manual.body()).isEqualTo(201);
		String manualId = manual.json().get("id").asString();

		// a value without proof is refused; with its proof it counts in the year
		Api.Response noProof = coordinator.postFile(base + "/indicators/" + manualId + "/values?on=2024-05-20&value=24", "piece", "x.txt",
				"sans pièce".getBytes());
		assertThat(noProof.status()).isEqualTo(400);
		assertThat(noProof.body()).contains("Joignez le justificatif");
		Api.Response withProof = coordinator.postFile(base + "/indicators/" + manualId + "/values?on=2024-05-20&value=24", "proof", "cpam.pdf",
				"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
		assertThat(withProof.status()).as(withProof.body()).isEqualTo(201);
		JsonNode year1 = coordinator.get(base + "/indicators?year=1").json();
		JsonNode manualFigure = year1.get("indicators").valueStream().filter(f -> f.get("indicator").get("id").asString().equals(manualId)).findFirst()
			.orElseThrow();
		assertThat(manualFigure.get("value").decimalValue()).isEqualByComparingTo("24");
		assertThat(manualFigure.get("reached").decimalValue()).isEqualByComparingTo("0.8");
		JsonNode access = year1.get("variablePart").valueStream().filter(e -> e.get("mission").asString().equals("ACCESS")).findFirst().orElseThrow();
		assertThat(access.get("weightSum").decimalValue()).isEqualByComparingTo("100");
		// the board member does not see a count of patients under 11 (statistical secrecy), the coordinator does
		JsonNode seenByBoard = member.get(base + "/indicators?year=1").json().get("indicators").valueStream()
			.filter(f -> f.get("indicator").get("id").asString().equals(manualId)).findFirst().orElseThrow();
		assertThat(seenByBoard.get("value").isNull()).isFalse();
		assertThat(seenByBoard.get("value").decimalValue()).as("24 is above the threshold").isEqualByComparingTo("24");
		String few = coordinator.post(base + "/indicators", Map.of("mission", "ACCESS", "name", "Patients en ALD réorientés (CPAM)", "kind", "RESULT",
				"unit", "PATIENTS", "aggregation", "SUM")).json().get("id").asString();
		assertThat(coordinator.postFile(base + "/indicators/" + few + "/values?on=2024-06-20&value=7", "proof", "cpam.pdf",
				"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes()).status()).isEqualTo(201);
		JsonNode fewByBoard = member.get(base + "/indicators?year=1").json().get("indicators").valueStream()
			.filter(f -> f.get("indicator").get("id").asString().equals(few)).findFirst().orElseThrow();
		assertThat(fewByBoard.get("value").isNull()).isTrue();
		assertThat(fewByBoard.get("secretBelow").asInt()).isEqualTo(11);
		assertThat(fewByBoard.get("months").valueStream().filter(m -> m.get("secret").asBoolean()).count()).isEqualTo(1);
		JsonNode fewByCoordinator = coordinator.get(base + "/indicators?year=1").json().get("indicators").valueStream()
			.filter(f -> f.get("indicator").get("id").asString().equals(few)).findFirst().orElseThrow();
		assertThat(fewByCoordinator.get("value").decimalValue()).isEqualByComparingTo("7");

		// each change is in the audit log
		assertThat(jdbc.sql("select action from audit_event where cpts_id = :c and action like 'missions.%' order by id").param("c", cptsId)
			.query(String.class).list()).containsSubsequence("missions.contract.recorded", "missions.payment.recorded", "missions.indicator.created",
					"missions.indicator.created", "missions.value.entered");
	}
}
