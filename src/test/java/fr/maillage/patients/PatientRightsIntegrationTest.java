package fr.maillage.patients;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.pathways.Enrolments;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
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
 * A patient's rights through the API: a patient with a request for a médecin traitant and a
 * discharge pathway (a note on a step, a message in the circle's conversation) asks what the CPTS
 * holds, then for erasure. Only a coordinator of the CPTS finds and reads them (audited); a bad
 * erasure changes nothing; the erasure leaves an anonymous row, withdrawn requests, ended
 * pathways, no notes, no messages, and an audited reason.
 */
@IntegrationTest
class PatientRightsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void aPatientSeesWhatIsHeldThenIsErasedAndOnlyTheCoordinatorCanDoIt() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		People.Person gpPerson = People.invite(admin, cpts, "MEMBER");
		People.Person nursePerson = People.invite(admin, cpts, "MEMBER");
		UUID gpId = Gps.create(jdbc, "Généraliste " + TestData.unique(""), "04112", "Manosque");
		UUID nurseId = Gps.practitioner(jdbc, "Infirmière " + TestData.unique(""), "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(gpPerson.email()).orElseThrow(), gpId);
		UUID nurseUser = accounts.userIdByEmail(nursePerson.email()).orElseThrow();
		Gps.link(jdbc, nurseUser, nurseId);
		Api gp = new Api(port, People.token(port, gpPerson));
		Api nurse = new Api(port, People.token(port, nursePerson));
		String otherCpts = People.newCpts(admin);
		Api otherCoordinator = new Api(port, People.join(admin, port, otherCpts, "COORDINATOR"));
		String name = "BERTIN" + TestData.unique("").substring(1, 6).toUpperCase();

		// a request for a médecin traitant, then the same person enrolled in the discharge checklist
		Map<String, Object> request = new HashMap<>(Map.of("birthName", name, "firstNames", "Odette", "birthDate", "1941-03-09", "sex", "F",
				"communeCode", "04112", "phone", "06 11 22 33 44", "consent", true, "notes", "Mme " + name + " sort de l'hôpital, vit seule"));
		Api.Response filed = gp.post("/api/v1/cpts/" + cpts + "/gp-requests", request);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String discharge = coordinator.post("/api/v1/cpts/" + cpts + "/pathway-templates/examples", Map.of()).json().valueStream()
			.filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id").asString();
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		Map<String, Object> enrol = new HashMap<>(Map.of("cptsId", cpts, "templateId", discharge, "startDate", today.toString(), "birthName", name,
				"firstNames", "Odette", "birthDate", "1941-03-09", "sex", "F", "communeCode", "04112", "consentHow", "ORAL"));
		enrol.put("consent", true);
		enrol.put("circle", List.of(Map.of("practitionerId", nurseId.toString())));
		Api.Response enrolled = gp.post("/api/v1/pathway-enrolments", enrol);
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String enrolment = enrolled.json().get("id").asString();
		String patient = patientOf(enrolment);
		String visit = nurse.get("/api/v1/me/tasks?from=" + today + "&to=" + today.plusDays(14)).json().get(0).get("stepId").asString();
		assertThat(nurse.post("/api/v1/pathway-steps/" + visit + "/done", Map.of("note", "Mme " + name + " fatiguée")).status()).isEqualTo(204);
		UUID conversation = UUID.randomUUID();
		jdbc.sql("insert into conversation (id, cpts_id, kind, source_ref, title, created_by) values (:id, :c, :k, :r, 'Cercle', :u)")
			.param("id", conversation).param("c", UUID.fromString(cpts)).param("k", Enrolments.CONVERSATION_KIND).param("r", enrolment)
			.param("u", nurseUser).update();
		jdbc.sql("insert into message (id, conversation_id, author_id, body) values (:id, :c, :u, :b)").param("id", UUID.randomUUID())
			.param("c", conversation).param("u", nurseUser).param("b", "Mme " + name + " a besoin d'un lit médicalisé").update();

		// finding the patient: the coordinator of the CPTS only (audited); a member, another CPTS's coordinator, the administrator: no
		JsonNode found = coordinator.get("/api/v1/cpts/" + cpts + "/patients?q=" + name.toLowerCase() + "%20odette").json();
		assertThat(found.valueStream().map(p -> p.get("id").asString())).containsExactly(patient);
		assertThat(jdbc.sql("select details from audit_event where action = 'patient.search' and cpts_id = :c order by id desc limit 1")
			.param("c", UUID.fromString(cpts)).query(String.class).single()).contains(patient);
		assertThat(gp.get("/api/v1/cpts/" + cpts + "/patients?q=" + name).status()).isEqualTo(403);
		assertThat(otherCoordinator.get("/api/v1/cpts/" + cpts + "/patients?q=" + name).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/cpts/" + cpts + "/patients?q=" + name).status()).isEqualTo(404);
		assertThat(otherCoordinator.get("/api/v1/cpts/" + otherCpts + "/patients?q=" + name).json().size()).as("not in the other CPTS").isZero();

		// what is held: identity, consents (the request's and the pathway's), the request and the pathway with its message
		for (Api stranger : List.of(gp, nurse, otherCoordinator, admin)) {
			assertThat(stranger.get("/api/v1/patients/" + patient + "/record").status()).isIn(403, 404);
		}
		JsonNode record = coordinator.get("/api/v1/patients/" + patient + "/record").json();
		assertThat(record.get("patient").get("identity").get("birthName").asString()).isEqualTo(name);
		assertThat(record.get("consents").size()).isEqualTo(2);
		assertThat(record.get("held").valueStream().map(h -> h.get("kind").asString())).containsExactly("Médecin traitant", "Parcours de soins");
		assertThat(record.get("held").get(0).get("detail").asString()).contains("En attente", "vit seule");
		assertThat(record.get("held").get(1).get("detail").asString()).contains("en cours", "1 étape(s) faite(s)", "1 message(s)");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'patient.read' and subject_id = :p and details like 'Droits du patient%'")
			.param("p", patient).query(Long.class).single()).isEqualTo(1);

		// who read the record: part of what the patient receives
		Api.Response export = coordinator.get("/cpts/" + cpts + "/patients/" + patient + "/export.json");
		assertThat(export.status()).isEqualTo(200);
		List<String> actions = export.json().get("accesses").valueStream().map(a -> a.get("action").asString()).toList();
		assertThat(actions).contains("patient.search", "patient.read", "pathway.enrol");
		assertThat(export.json().get("accesses").valueStream().map(a -> a.get("who").asString()).toList()).doesNotContain("?")
			.allSatisfy(who -> assertThat(who).isNotBlank());

		// a bad erasure: both problems named, nothing erased
		Api.Response bad = coordinator.post("/api/v1/patients/" + patient + "/erasure", Map.of("reason", " ", "confirmation", "oui"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("motif", "Tapez EFFACER");
		assertThat(gp.post("/api/v1/patients/" + patient + "/erasure", Map.of("reason", "Demande écrite du 2 novembre", "confirmation", "EFFACER"))
			.status()).isEqualTo(403);
		assertThat(jdbc.sql("select birth_name from patient where id = :p").param("p", UUID.fromString(patient)).query(String.class).single())
			.isEqualTo(name);

		// the erasure
		Api.Response erased = coordinator.post("/api/v1/patients/" + patient + "/erasure",
				Map.of("reason", "Demande écrite du patient reçue le 2 novembre", "confirmation", "effacer"));
		assertThat(erased.status()).as(erased.body()).isEqualTo(204);
		Map<String, Object> row = jdbc.sql("select * from patient where id = :p").param("p", UUID.fromString(patient)).query().singleRow();
		assertThat(row.get("birth_name")).isEqualTo("EFFACÉ");
		assertThat(row.get("first_names")).isEqualTo("Patient");
		assertThat(row.get("phone")).isNull();
		assertThat(row.get("birth_date").toString()).isEqualTo("1941-01-01");
		assertThat(row.get("commune_code")).isEqualTo("04112");
		assertThat(row.get("erased_at")).isNotNull();
		UUID p = UUID.fromString(patient);
		assertThat(jdbc.sql("select status || ' ' || coalesce(notes, '-') from gp_request where patient_id = :p").param("p", p).query(String.class).list())
			.containsExactly("WITHDRAWN -");
		assertThat(jdbc.sql("select status from pathway_enrolment where patient_id = :p").param("p", p).query(String.class).single()).isEqualTo("ENDED");
		assertThat(jdbc.sql("select count(*) from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id where e.patient_id = :p"
				+ " and (s.done_note is not null or s.status = 'DUE')").param("p", p).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from message where conversation_id = :c").param("c", conversation).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from patient where id = :p and (birth_name || first_names || coalesce(nir, '') || coalesce(erasure_reason, ''))"
				+ " ilike :n").param("p", p).param("n", "%" + name + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select details from audit_event where action = 'patient.erase' and subject_id = :p").param("p", patient)
			.query(String.class).single()).isEqualTo("Demande écrite du patient reçue le 2 novembre");

		// afterwards: not found by name, shown as erased, erased once, gone from the nurse's tasks; the same identity is a new person
		assertThat(coordinator.get("/api/v1/cpts/" + cpts + "/patients?q=" + name).json().size()).isZero();
		assertThat(coordinator.get("/api/v1/patients/" + patient + "/record").json().get("patient").get("erasedAt").isNull()).isFalse();
		assertThat(coordinator.post("/api/v1/patients/" + patient + "/erasure", Map.of("reason", "encore une fois", "confirmation", "EFFACER")).body())
			.contains("déjà été effacées");
		assertThat(nurse.get("/api/v1/me/tasks?from=" + today + "&to=" + today.plusDays(14)).json().size()).isZero();
		Api.Response again = gp.post("/api/v1/pathway-enrolments", enrol);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(patientOf(again.json().get("id").asString())).isNotEqualTo(patient);
	}

	private String patientOf(String enrolment) {
		return jdbc.sql("select patient_id::text from pathway_enrolment where id = :e").param("e", UUID.fromString(enrolment)).query(String.class).single();
	}
}
