package fr.maillage.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Care pathways through the API: the shipped examples, a template refused for a cycle, a patient
 * enrolled with consent in the discharge checklist and the mental-health pathway, tasks per role,
 * a step done that moves what follows it, ruptures found once whatever the runs, and the care
 * circle as the only way in (with every read audited).
 */
@IntegrationTest
class PathwayApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ruptures ruptures;

	private record Setup(String cpts, Api coordinator, Api gp, Api nurse, Api outsider, UUID gpId, UUID nurseId, UUID nurseUser) {
	}

	private Setup setup() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		UUID gpId = Gps.create(jdbc, "Généraliste " + TestData.unique(""), "04112", "Manosque");
		UUID nurseId = Gps.practitioner(jdbc, "Infirmière " + TestData.unique(""), "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(gp.email()).orElseThrow(), gpId);
		UUID nurseUser = accounts.userIdByEmail(nurse.email()).orElseThrow();
		Gps.link(jdbc, nurseUser, nurseId);
		People.Person outsider = People.invite(admin, cpts, "MEMBER");
		Gps.link(jdbc, accounts.userIdByEmail(outsider.email()).orElseThrow(),
				Gps.practitioner(jdbc, "Pharmacien " + TestData.unique(""), "21", "Pharmacien", "", "04112", "Manosque"));
		return new Setup(cpts, new Api(port, People.join(admin, port, cpts, "COORDINATOR")), new Api(port, People.token(port, gp)),
				new Api(port, People.token(port, nurse)), new Api(port, People.token(port, outsider)), gpId, nurseId, nurseUser);
	}

	private static Map<String, Object> patient(Setup s, String templateId, LocalDate start, String birthName) {
		Map<String, Object> p = new HashMap<>();
		p.put("cptsId", s.cpts());
		p.put("templateId", templateId);
		p.put("startDate", start.toString());
		p.put("birthName", birthName);
		p.put("firstNames", "Lucienne Marie");
		p.put("birthDate", "1941-03-09");
		p.put("sex", "F");
		p.put("communeCode", "04112");
		p.put("phone", "06 00 00 00 01");
		p.put("consentHow", "ORAL");
		p.put("consent", true);
		p.put("circle", List.of(Map.of("practitionerId", s.nurseId().toString())));
		return p;
	}

	private static JsonNode step(JsonNode schedule, String key, int anchorRank, int rank) {
		return schedule.get("steps").valueStream().filter(n -> n.get("stepKey").asString().equals(key) && n.get("anchorRank").asInt() == anchorRank
				&& n.get("rank").asInt() == rank).findFirst().orElseThrow();
	}

	@Test
	void aDischargeChecklistAndTheMentalHealthPathwayFollowedThroughTheirCircles() throws Exception {
		Setup s = setup();
		JsonNode examples = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates/examples", Map.of()).json();
		assertThat(examples.valueStream().map(n -> n.get("name").asString())).contains("Santé mentale – suivi gradué (exemple)",
				"Sortie d'hospitalisation – personne âgée (exemple)");
		assertThat(s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates/examples", Map.of()).json().size())
			.as("installed once").isEqualTo(examples.size());
		String discharge = examples.valueStream().filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id").asString();
		String mental = examples.valueStream().filter(n -> n.get("name").asString().startsWith("Santé mentale")).findFirst().orElseThrow().get("id")
			.asString();

		// enrolment: consent is required; then the GP enrols, the nurse is in the circle, the GP joins it
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		Map<String, Object> noConsent = patient(s, discharge, today, "ARNAUD");
		noConsent.put("consent", false);
		Api.Response refused = s.gp().post("/api/v1/pathway-enrolments", noConsent);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Le consentement du patient est obligatoire");
		Api.Response enrolled = s.gp().post("/api/v1/pathway-enrolments", patient(s, discharge, today, "ARNAUD"));
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String enrolment = enrolled.json().get("id").asString();
		JsonNode schedule = s.nurse().get("/api/v1/pathway-enrolments/" + enrolment + "/schedule").json();
		assertThat(step(schedule, "ide", 0, 1).get("dueDate").asString()).isEqualTo(today.plusDays(2).toString());
		assertThat(step(schedule, "mt", 0, 1).get("dueDate").asString()).isEqualTo(today.plusDays(7).toString());
		JsonNode circle = s.gp().get("/api/v1/pathway-enrolments/" + enrolment).json().get("circle");
		assertThat(circle.valueStream().map(m -> m.get("role").asString())).containsExactlyInAnyOrder("INFIRMIER", "MEDECIN_GENERALISTE");

		// tasks by role: the nurse's visit to the nurse, the GP's consultation to the GP; an outsider sees nothing
		JsonNode nurseTasks = s.nurse().get("/api/v1/me/tasks?from=" + today + "&to=" + today.plusDays(14)).json();
		assertThat(nurseTasks.valueStream().map(t -> t.get("title").asString())).containsExactly("Visite infirmière à domicile (sous 48 heures)");
		assertThat(nurseTasks.get(0).get("patientName").asString()).isEqualTo("Lucienne ARNAUD");
		assertThat(s.gp().get("/api/v1/me/tasks?from=" + today + "&to=" + today.plusDays(14)).json().valueStream()
			.map(t -> t.get("title").asString())).containsExactly("Consultation du médecin traitant (sous 7 jours)");
		assertThat(s.outsider().get("/api/v1/me/tasks").json().size()).isZero();
		assertThat(s.outsider().get("/api/v1/pathway-enrolments/" + enrolment).status()).isEqualTo(404);
		assertThat(s.outsider().get("/api/v1/pathway-enrolments/" + enrolment + "/schedule").status()).isEqualTo(404);
		assertThat(s.outsider().get("/api/v1/cpts/" + s.cpts() + "/pathway-enrolments").json().size()).isZero();
		String ide = step(schedule, "ide", 0, 1).get("id").asString();
		assertThat(s.outsider().post("/api/v1/pathway-steps/" + ide + "/done", Map.of()).status()).isEqualTo(404);
		assertThat(s.coordinator().get("/api/v1/cpts/" + s.cpts() + "/pathway-enrolments").json().size()).isEqualTo(1);

		// the nurse marks the visit done (not in the future)
		assertThat(s.nurse().post("/api/v1/pathway-steps/" + ide + "/done", Map.of("date", today.plusDays(1).toString())).body())
			.contains("date à venir");
		assertThat(s.nurse().post("/api/v1/pathway-steps/" + ide + "/done", Map.of("note", "Pansement refait")).status()).isEqualTo(204);
		assertThat(step(s.nurse().get("/api/v1/pathway-enrolments/" + enrolment + "/schedule").json(), "ide", 0, 1).get("status").asString())
			.isEqualTo("DONE");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'pathway.enrolment.read' and subject_id = :e").param("e", enrolment)
			.query(Long.class).single()).as("every read audited").isEqualTo(3);

		// the mental-health pathway from a month end: an early psychiatric consultation moves what follows it
		Map<String, Object> blanc = patient(s, mental, LocalDate.parse("2026-01-31"), "BLANC");
		blanc.put("circle", List.of());
		String mh = s.gp().post("/api/v1/pathway-enrolments", blanc).json().get("id").asString();
		JsonNode plan = s.gp().get("/api/v1/pathway-enrolments/" + mh + "/schedule").json();
		assertThat(step(plan, "ipa3", 1, 1).get("dueDate").asString()).isEqualTo("2026-04-30");
		assertThat(step(plan, "psy", 0, 2).get("dueDate").asString()).isEqualTo("2027-01-31");
		s.gp().post("/api/v1/pathway-steps/" + step(plan, "psy", 0, 1).get("id").asString() + "/done", Map.of("date", "2026-01-31"));
		assertThat(s.gp().post("/api/v1/pathway-steps/" + step(plan, "psy", 0, 2).get("id").asString() + "/done", Map.of("date", "2026-11-15"))
			.status()).isEqualTo(204);
		plan = s.gp().get("/api/v1/pathway-enrolments/" + mh + "/schedule").json();
		assertThat(step(plan, "psy", 0, 3).get("dueDate").asString()).isEqualTo("2027-11-15");
		assertThat(step(plan, "mg", 2, 1).get("dueDate").asString()).isEqualTo("2027-05-15");
		assertThat(step(plan, "ipa9", 2, 1).get("dueDate").asString()).isEqualTo("2027-08-15");

		// ruptures: a month later the GP's consultation and the medication review are overdue; two runs at once, then a third, alert once
		LocalDate later = today.plusDays(30);
		try (var pool = Executors.newFixedThreadPool(2)) {
			Future<Ruptures.Run> one = pool.submit(() -> ruptures.run(later));
			Future<Ruptures.Run> two = pool.submit(() -> ruptures.run(later));
			one.get();
			two.get();
		}
		ruptures.run(later);
		List<String> nurseNotices = jdbc.sql("select title from notification where user_id = :u and kind = 'pathways.rupture'").param("u", s.nurseUser())
			.query(String.class).list();
		assertThat(nurseNotices).containsExactly("2 étape(s) de parcours en retard");
		JsonNode open = s.coordinator().get("/api/v1/cpts/" + s.cpts() + "/pathways/ruptures").json();
		assertThat(open.valueStream().filter(o -> o.get("enrolmentId").asString().equals(enrolment)).count()).isEqualTo(2);
		assertThat(s.nurse().get("/api/v1/cpts/" + s.cpts() + "/pathways/ruptures").status()).isEqualTo(403);

		// leaving the circle removes access at once
		String nurseMember = s.gp().get("/api/v1/pathway-enrolments/" + enrolment).json().get("circle").valueStream()
			.filter(m -> m.get("role").asString().equals("INFIRMIER")).findFirst().orElseThrow().get("id").asString();
		assertThat(s.gp().delete("/api/v1/pathway-enrolments/" + enrolment + "/circle/" + nurseMember).status()).isEqualTo(204);
		assertThat(s.nurse().get("/api/v1/pathway-enrolments/" + enrolment).status()).isEqualTo(404);
		assertThat(s.nurse().get("/api/v1/me/tasks").json().size()).isZero();

		// a new version of the template leaves the enrolled patient on theirs until the coordinator migrates them
		JsonNode t = s.coordinator().get("/api/v1/pathway-templates/" + discharge).json();
		Map<String, Object> edited = new HashMap<>();
		edited.put("name", t.get("name").asString());
		edited.put("description", t.get("description").asString());
		edited.put("durationMonths", 3);
		List<Object> steps = new java.util.ArrayList<>(Api.JSON.convertValue(t.get("steps"), List.class));
		steps.add(Map.of("key", "kine", "title", "Kinésithérapie (chaque semaine, 4 fois)", "role", "KINESITHERAPEUTE", "offset", 1, "unit", "WEEKS",
				"every", 1, "count", 4, "graceDays", 3, "optional", false));
		edited.put("steps", steps);
		assertThat(s.coordinator().put("/api/v1/pathway-templates/" + discharge, edited).json().get("version").asInt()).isEqualTo(2);
		assertThat(s.gp().get("/api/v1/pathway-enrolments/" + enrolment).json().get("templateVersion").asInt()).isEqualTo(1);
		assertThat(s.gp().post("/api/v1/pathway-enrolments/" + enrolment + "/migrate", Map.of()).status()).as("coordinators migrate").isEqualTo(403);
		JsonNode migrated = s.coordinator().post("/api/v1/pathway-enrolments/" + enrolment + "/migrate", Map.of()).json();
		assertThat(migrated.get("templateVersion").asInt()).isEqualTo(2);
		assertThat(migrated.get("steps").valueStream().filter(n -> n.get("stepKey").asString().equals("kine")).count()).isEqualTo(4);
		assertThat(migrated.get("steps").valueStream().filter(n -> n.get("stepKey").asString().equals("ide")).findFirst().orElseThrow()
			.get("status").asString()).as("what was done stays done").isEqualTo("DONE");

		// an announcement to the circles of the mental-health pathway reaches the GP (in it), not the nurse (removed from it)
		Api.Response announced = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/announcements", Map.of("title", "Réunion de suivi",
				"body", "Point sur les patients du parcours santé mentale.", "audience", "pathway", "audienceParam", "sante mentale"));
		assertThat(announced.status()).as(announced.body()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from notification where user_id = :u and title like '%Réunion de suivi%'").param("u", s.nurseUser())
			.query(Long.class).single()).isZero();
		assertThat(s.gp().get("/api/v1/me/notifications").body()).contains("Réunion de suivi");

		JsonNode indicators = s.coordinator().get("/api/v1/cpts/" + s.cpts() + "/pathways/indicators").json();
		assertThat(indicators.get("pathways").valueStream().mapToLong(p -> p.get("enrolled").asLong()).sum()).isEqualTo(2);
		assertThat(indicators.get("months").size()).isEqualTo(12);
		assertThat(s.nurse().get("/api/v1/cpts/" + s.cpts() + "/pathways/indicators").status()).isEqualTo(403);
	}

	@Test
	void badTemplatesAreRefusedWithAClearMessage() {
		Setup s = setup();
		Map<String, Object> cyclic = new HashMap<>();
		cyclic.put("name", "Parcours en boucle");
		cyclic.put("durationMonths", 12);
		cyclic.put("steps", List.of(
				Map.of("key", "a", "title", "Étape A", "role", "TOUS", "anchor", "b", "offset", 1, "unit", "DAYS", "graceDays", 0, "optional", false),
				Map.of("key", "b", "title", "Étape B", "role", "TOUS", "anchor", "a", "offset", 1, "unit", "DAYS", "graceDays", 0, "optional", false)));
		Api.Response r = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates", cyclic);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("en boucle : Étape A → Étape B → Étape A");
		Map<String, Object> zero = new HashMap<>(cyclic);
		zero.put("steps", List.of(Map.of("key", "a", "title", "Étape A", "role", "TOUS", "offset", 0, "unit", "DAYS", "every", 0, "graceDays", -1,
				"optional", false)));
		String body = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates", zero).body();
		assertThat(body).contains("un intervalle de répétition vaut au moins 1").contains("le délai de tolérance ne peut pas être négatif");
		assertThat(s.gp().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates", cyclic).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from pathway_template where cpts_id = :c").param("c", UUID.fromString(s.cpts())).query(Long.class).single())
			.isZero();
	}

	@Test
	void aDecisionTreeIsRunToItsEndAndKeptOnThePatientsRecordForTheCircleOnly() {
		Setup s = setup();
		Map<String, Object> looping = new HashMap<>();
		looping.put("title", "En boucle");
		looping.put("nodes", List.of(Map.of("key", "a", "kind", "QUESTION", "text", "A ?", "answers", List.of(Map.of("label", "Oui", "next", "b"))),
				Map.of("key", "b", "kind", "QUESTION", "text", "B ?", "answers", List.of(Map.of("label", "Oui", "next", "a")))));
		Api.Response refused = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/decision-trees", looping);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("tourne en rond : a → b → a");
		String tree = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/decision-trees/example", Map.of()).json().get("id").asString();
		assertThat(s.nurse().get("/api/v1/cpts/" + s.cpts() + "/decision-trees").json().size()).isEqualTo(1);

		String discharge = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates/examples", Map.of()).json().valueStream()
			.filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id").asString();
		String enrolment = s.gp().post("/api/v1/pathway-enrolments", patient(s, discharge, LocalDate.now(Enrolments.PARIS), "CHABAUD")).json().get("id")
			.asString();
		assertThat(s.nurse().post("/api/v1/decision-trees/" + tree + "/runs", Map.of("answers", List.of(1))).body()).contains("ne finit pas");
		assertThat(s.outsider().post("/api/v1/decision-trees/" + tree + "/runs", Map.of("answers", List.of(1, 0), "enrolmentId", enrolment)).status())
			.as("not their patient").isEqualTo(404);
		assertThat(s.nurse().post("/api/v1/decision-trees/" + tree + "/runs", Map.of("answers", List.of(1, 0), "enrolmentId", enrolment)).status())
			.isEqualTo(201);
		JsonNode runs = s.gp().get("/api/v1/pathway-enrolments/" + enrolment + "/decision-runs").json();
		assertThat(runs.size()).isEqualTo(1);
		assertThat(runs.get(0).get("outcome").asString()).isEqualTo("information");
		assertThat(s.outsider().get("/api/v1/pathway-enrolments/" + enrolment + "/decision-runs").status()).isEqualTo(404);
	}

	@Test
	void aHospitalDischargeTeamDeclaresADischargeAndTheGpAndNurseAreTold() {
		Setup s = setup();
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		People.Person team = People.invite(admin, s.cpts(), "MEMBER");
		UUID hospital = Gps.structure(jdbc, "HOPITAL", "Centre hospitalier " + TestData.unique(""), "04112", "Manosque",
				accounts.userIdByEmail(team.email()).orElseThrow());
		Api hospitalTeam = new Api(port, People.token(port, team));
		String discharge = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/pathway-templates/examples", Map.of()).json().valueStream()
			.filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id").asString();
		Map<String, Object> p = patient(s, discharge, LocalDate.now(Enrolments.PARIS), "ISNARD");
		p.put("circle", List.of(Map.of("practitionerId", s.gpId().toString(), "attendingGp", true), Map.of("practitionerId", s.nurseId().toString())));
		String enrolment = hospitalTeam.post("/api/v1/pathway-enrolments", p).json().get("id").asString();
		JsonNode circle = hospitalTeam.get("/api/v1/pathway-enrolments/" + enrolment).json().get("circle");
		assertThat(circle.valueStream().map(m -> m.get("role").asString())).containsExactlyInAnyOrder("STRUCTURE", "MEDECIN_GENERALISTE", "INFIRMIER");
		assertThat(circle.valueStream().filter(m -> m.get("attendingGp").asBoolean()).count()).isEqualTo(1);
		assertThat(circle.valueStream().anyMatch(m -> hospital.toString().equals(m.get("organizationId").asString()))).isTrue();
		List<String> told = jdbc.sql("select title || ' ' || body from notification where user_id = :u and kind = 'pathways.enrolled'")
			.param("u", s.nurseUser()).query(String.class).list();
		assertThat(told).hasSize(1);
		assertThat(told.getFirst()).contains("Sortie d'hospitalisation").doesNotContain("ISNARD").doesNotContain("Lucienne");
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		assertThat(s.gp().get("/api/v1/me/tasks?from=" + today + "&to=" + today.plusDays(14)).json().valueStream().map(t -> t.get("title").asString()))
			.contains("Consultation du médecin traitant (sous 7 jours)");
	}
}
