package fr.maillage.gpaccess;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
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
 * The whole path of a request through the API: filed by a pharmacist (bad input refused, a
 * duplicate caught), a GP's capacity, the orientation previewed then committed, the GP's answer,
 * the declaration, the indicators; and who sees what, with every read in the audit log.
 */
@IntegrationTest
class GpAccessApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private static Map<String, Object> request(String birthName, String commune, boolean ald) {
		Map<String, Object> r = new HashMap<>();
		r.put("birthName", birthName);
		r.put("firstNames", "Marcel Louis");
		r.put("birthDate", "1948-03-12");
		r.put("sex", "M");
		r.put("communeCode", commune);
		r.put("ald", ald);
		r.put("consent", true);
		return r;
	}

	@Test
	void aRequestGoesFromFiledToDeclaredAndOnlyTheCoordinatorsAndTheGpSeeIt() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070"));
		String base = "/api/v1/cpts/" + cpts;
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		Api pharmacist = new Api(port, People.join(admin, port, cpts, "MEMBER"));
		People.Person gpPerson = People.invite(admin, cpts, "MEMBER");
		Api gp = new Api(port, People.token(port, gpPerson));
		String word = TestData.unique("").substring(1).toUpperCase();
		UUID gpId = Gps.create(jdbc, "GENERALISTE" + word, "04070", "Digne-les-Bains");
		Gps.link(jdbc, accounts.userIdByEmail(gpPerson.email()).orElseThrow(), gpId);

		// bad input: a clear French message, per field
		Map<String, Object> wrongKey = request("DURAND" + word, "04070", true);
		wrongKey.put("nir", "1 48 03 04 070 123 00");
		Api.Response refused = pharmacist.post(base + "/gp-requests", wrongKey);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(field(refused, "nir")).contains("clé");
		Map<String, Object> future = request("DURAND" + word, "04070", true);
		future.put("birthDate", LocalDate.now().plusDays(3).toString());
		assertThat(field(pharmacist.post(base + "/gp-requests", future), "birthDate")).contains("futur");
		assertThat(field(pharmacist.post(base + "/gp-requests", request("DURAND" + word, "99134", true)), "communeCode"))
			.contains("n'est pas une commune française");
		Map<String, Object> noConsent = request("DURAND" + word, "04070", true);
		noConsent.put("consent", false);
		assertThat(field(pharmacist.post(base + "/gp-requests", noConsent), "consent")).contains("consentement");

		// filed by the pharmacist, with an e-mail; the same person again is caught, then confirmed
		Map<String, Object> first = request("DURAND" + word, "04070", true);
		first.put("email", "marcel." + word.toLowerCase() + "@patient.test");
		first.put("aldNumber", 8);
		Api.Response filed = pharmacist.post(base + "/gp-requests", first);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String requestA = filed.json().get("id").asString();
		Map<String, Object> again = request("Durand" + word, "04070", true);
		again.put("firstNames", "marcel");
		Api.Response duplicate = pharmacist.post(base + "/gp-requests", again);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("duplicates")).hasSize(1);
		assertThat(duplicate.json().get("duplicates").get(0).get("requestId").isNull()).as("a member learns a date, not a record").isTrue();
		again.put("confirmDuplicate", true);
		Api.Response confirmed = pharmacist.post(base + "/gp-requests", again);
		assertThat(confirmed.status()).isEqualTo(201);
		assertThat(confirmed.json().get("possibleDuplicate").asBoolean()).isTrue();
		String requestDuplicate = confirmed.json().get("id").asString();
		String requestB = coordinator.post(base + "/gp-requests", request("BLANC" + word, "04070", false)).json().get("id").asString();
		String requestC = coordinator.post(base + "/gp-requests", request("NOIR" + word, "13055", true)).json().get("id").asString();

		// the installation's administrator runs the platform, not the care: no patient data
		assertThat(admin.get(base + "/gp-requests").status()).isIn(403, 404);
		assertThat(admin.get(base + "/gp-requests/" + requestA).status()).isIn(403, 404);
		assertThat(admin.post(base + "/orientation", Map.of()).status()).isIn(403, 404);

		// the pharmacist filed, but neither lists nor reads
		assertThat(pharmacist.get(base + "/gp-requests").status()).isEqualTo(403);
		assertThat(pharmacist.get(base + "/gp-requests/" + requestA).status()).isEqualTo(404);
		assertThat(gp.get(base + "/gp-requests/" + requestA).status()).as("not proposed to the GP yet").isEqualTo(404);

		// the GP declares one place a month; the pharmacist may not do it for them
		Map<String, Object> capacity = Map.of("newPatients", 1, "period", "MONTH", "radiusKm", 10, "homeVisits", false);
		assertThat(pharmacist.put(base + "/gp-capacities/" + gpId, capacity).status()).isEqualTo(403);
		Api.Response declared = gp.put(base + "/gp-capacities/" + gpId, capacity);
		assertThat(declared.status()).as(declared.body()).isEqualTo(200);
		assertThat(declared.json().get("remaining").asInt()).isEqualTo(1);
		assertThat(gp.put(base + "/gp-capacities/" + gpId, Map.of("newPatients", -2, "period", "MONTH")).status()).isEqualTo(400);

		// preview: the oldest ALD request gets the place, explained; nothing is saved
		Api.Response preview = coordinator.post(base + "/orientation", Map.of());
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode proposals = preview.json().get("proposals");
		assertThat(proposals).hasSize(1);
		assertThat(proposals.get(0).get("requestId").asString()).isEqualTo(requestA);
		assertThat(proposals.get(0).get("explanation").asString())
			.isEqualTo("Proposé au Dr Claire GENERALISTE" + word + " : ALD, 0 km, capacité restante 0");
		Map<String, String> reasons = new HashMap<>();
		preview.json().get("unserved").forEach(u -> reasons.put(u.get("requestId").asString(), u.get("reason").asString()));
		assertThat(reasons).containsEntry(requestDuplicate, "CAPACITY_TAKEN").containsEntry(requestB, "CAPACITY_TAKEN")
			.containsEntry(requestC, "NO_CANDIDATE");
		assertThat(coordinator.get(base + "/gp-requests?status=pending").json().get("total").asInt()).isEqualTo(4);
		assertThat(coordinator.get(base + "/gp-requests?status=nimportequoi").status()).isEqualTo(400);

		// commit: proposed; the GP now sees that request, and only that one
		Api.Response committed = coordinator.post(base + "/orientation/commit", Map.of());
		assertThat(committed.json().get("proposals")).hasSize(1);
		assertThat(coordinator.post(base + "/orientation/commit", Map.of()).json().get("proposals")).as("nothing left to propose").isEmpty();
		assertThat(gp.get(base + "/gp-requests/" + requestA).json().at("/request/status").asString()).isEqualTo("PROPOSED");
		assertThat(gp.get(base + "/gp-requests/" + requestB).status()).isEqualTo(404);
		assertThat(gp.get(base + "/gp-requests").status()).isEqualTo(403);
		assertThat(coordinator.post(base + "/gp-requests/" + requestDuplicate + "/withdraw", Map.of("reason", "Doublon")).status())
			.isEqualTo(200);

		// the GP accepts: the patient is e-mailed; then the médecin traitant is declared
		Api.Response accepted = gp.post(base + "/gp-requests/" + requestA + "/answer", Map.of("accepted", true));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		var letter = Mail.awaitSubject("marcel." + word.toLowerCase() + "@patient.test", "Votre demande de médecin traitant");
		assertThat(Mail.text(letter)).contains("GENERALISTE" + word).contains("04 92 00 00 00");
		Api.Response done = gp.post(base + "/gp-requests/" + requestA + "/declare", Map.of());
		assertThat(done.json().at("/request/status").asString()).isEqualTo("DECLARED");
		List<String> kinds = done.json().get("history").valueStream().map(e -> e.get("kind").asString()).toList();
		assertThat(kinds).containsExactly("CREATED", "PROPOSED", "ACCEPTED", "PATIENT_INFORMED", "DECLARED");
		assertThat(gp.post(base + "/gp-requests/" + requestA + "/answer", Map.of("accepted", false)).status()).isEqualTo(400);

		// the printable letter, for the GP and the coordinators only; its printing is in the history
		Api.Response letterPdf = gp.get("/cpts/" + cpts + "/medecin-traitant/demandes/" + requestA + "/courrier.pdf");
		assertThat(letterPdf.status()).isEqualTo(200);
		assertThat(letterPdf.body()).startsWith("%PDF-");
		assertThat(pharmacist.get("/cpts/" + cpts + "/medecin-traitant/demandes/" + requestA + "/courrier.pdf").status()).isEqualTo(404);
		assertThat(coordinator.get(base + "/gp-requests/" + requestA).json().get("history").valueStream()
			.filter(e -> e.get("kind").asString().equals("PATIENT_INFORMED")).count()).isEqualTo(2);

		// indicators move
		JsonNode indicators = coordinator.get(base + "/gp-requests/indicators").json();
		assertThat(indicators.at("/byStatus/DECLARED").asInt()).isEqualTo(1);
		assertThat(indicators.at("/byStatus/PENDING").asInt()).isEqualTo(2);
		JsonNode ald = indicators.get("byCategory").valueStream().filter(c -> c.get("category").asString().equals("ALD")).findFirst().orElseThrow();
		assertThat(ald.get("found").asInt()).isEqualTo(1);
		assertThat(ald.get("waiting").asInt()).isEqualTo(1);
		assertThat(indicators.get("months").valueStream().mapToLong(m -> m.get("found").asLong()).sum()).isEqualTo(1);
		assertThat(pharmacist.get(base + "/gp-requests/indicators").status()).isEqualTo(403);
		String export = coordinator.get("/cpts/" + cpts + "/medecin-traitant/indicateurs/export.csv").body();
		assertThat(export).contains("Indicateur;Détail;Valeur;Période").contains("Médecins traitants trouvés;C2S en ALD;0");
		assertThat(pharmacist.get("/cpts/" + cpts + "/medecin-traitant/indicateurs/export.csv").status()).isIn(403, 404);

		// every read of the patient is in the audit log, the GP's included
		UUID gpUser = accounts.userIdByEmail(gpPerson.email()).orElseThrow();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = :u and action in ('patient.read', 'patient.list')")
			.param("u", gpUser).query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theProtocolTheCoordinatorEditsDecidesWhoGoesFirst() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		String base = "/api/v1/cpts/" + cpts;
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		String word = TestData.unique("").substring(1).toUpperCase();
		UUID gpId = Gps.create(jdbc, "PROTOCOLE" + word, "04070", "Digne-les-Bains");
		assertThat(coordinator.put(base + "/gp-capacities/" + gpId, Map.of("newPatients", 1, "period", "QUARTER")).status()).isEqualTo(200);
		String ald = coordinator.post(base + "/gp-requests", request("ALD" + word, "04070", true)).json().get("id").asString();
		Map<String, Object> poor = request("C2S" + word, "04070", false);
		poor.put("c2s", true);
		String c2s = coordinator.post(base + "/gp-requests", poor).json().get("id").asString();

		assertThat(coordinator.post(base + "/orientation", Map.of()).json().at("/proposals/0/requestId").asString()).isEqualTo(ald);
		assertThat(coordinator.put(base + "/gp-protocol", List.of("C2S", "ALD")).status()).isEqualTo(200);
		assertThat(coordinator.post(base + "/orientation", Map.of()).json().at("/proposals/0/requestId").asString()).isEqualTo(c2s);
		assertThat(coordinator.put(base + "/gp-protocol", List.of("C2S", "C2S")).status()).isEqualTo(400);
		assertThat(coordinator.put(base + "/gp-protocol", List.of("NIMPORTE")).status()).isEqualTo(400);
		// a refusal re-queues the request and gives the place back; the history keeps both steps
		assertThat(coordinator.post(base + "/orientation/commit", Map.of()).json().at("/proposals/0/requestId").asString()).isEqualTo(c2s);
		assertThat(coordinator.get(base + "/gp-capacities").json().get(0).get("remaining").asInt()).isZero();
		Api.Response refused = coordinator.post(base + "/gp-requests/" + c2s + "/answer", Map.of("accepted", false, "note", "Patientèle complète"));
		assertThat(refused.json().at("/request/status").asString()).isEqualTo("PENDING");
		assertThat(refused.json().get("history").valueStream().map(e -> e.get("kind").asString()).toList())
			.containsExactly("CREATED", "PROPOSED", "REFUSED");
		assertThat(coordinator.get(base + "/gp-capacities").json().get(0).get("remaining").asInt()).isEqualTo(1);
		assertThat(coordinator.post(base + "/gp-requests/" + ald + "/withdraw", Map.of()).status()).as("a reason is required").isEqualTo(400);
		assertThat(coordinator.post(base + "/gp-requests/" + ald + "/withdraw", Map.of("reason", "Médecin trouvé ailleurs")).json()
			.at("/request/status").asString()).isEqualTo("WITHDRAWN");

		// a paused GP gets nothing
		assertThat(coordinator.put(base + "/gp-capacities/" + gpId, Map.of("newPatients", 1, "period", "QUARTER", "pausedFrom",
				LocalDate.now().minusDays(1).toString())).json().get("remaining").asInt()).isZero();
		assertThat(coordinator.post(base + "/orientation", Map.of()).json().get("proposals")).isEmpty();
	}

	private static String field(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		for (JsonNode e : response.json().get("errors")) {
			if (e.get("field").asString().equals(field)) {
				return e.get("message").asString();
			}
		}
		throw new AssertionError("no error on " + field + ": " + response.body());
	}
}
