package fr.maillage.association;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * The rest of the association: compensation of the time given (per hour and per meeting, only for
 * professionals in private practice, never for honorary members), the library with its versions
 * and audiences, the board's dashboard, and a body's conversation and announcements that reach its
 * members of the day only.
 */
@IntegrationTest
class AssociationLibraryIntegrationTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	List<fr.maillage.messaging.ParticipantSource> sources;

	private record Pro(UUID practitionerId, Api api, String member) {
	}

	private static String q(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Test
	void compensationLibraryDashboardAndABodysConversation() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		String base = "/api/v1/cpts/" + cpts;
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		Map<String, Pro> pros = new HashMap<>();
		UUID gpUser = null;
		UUID nurseUser = null;
		for (String[] p : new String[][] {{"gp", "ROUX" + tag, "10", "Médecin"}, {"nurse", "SAUVAN" + tag, "60", "Infirmier"},
				{"retired", "TARDIEU" + tag, "10", "Médecin"}}) {
			People.Person person = People.invite(admin, cpts, "MEMBER");
			UUID id = Gps.practitioner(jdbc, p[1], p[2], p[3], "", "04112", "Manosque");
			Gps.link(jdbc, accounts.userIdByEmail(person.email()).orElseThrow(), id);
			if (p[0].equals("gp")) {
				gpUser = accounts.userIdByEmail(person.email()).orElseThrow();
			}
			if (p[0].equals("nurse")) {
				nurseUser = accounts.userIdByEmail(person.email()).orElseThrow();
			}
			Map<String, Object> form = new HashMap<>(Map.of("practitionerId", id.toString()));
			form.put("honorary", p[0].equals("retired"));
			String member = coordinator.post(base + "/members", form).json().get("id").asString();
			pros.put(p[0], new Pro(id, new Api(port, People.token(port, person)), member));
		}
		// the nurse works in a hospital only: her employer pays for her time
		jdbc.sql("update practitioner_activity set mode_label = 'Salarié' where practitioner_id = :p").param("p", pros.get("nurse").practitionerId()).update();

		// rates: the council by the hour, the general assembly by the meeting; a negative rate refused
		assertThat(coordinator.post(base + "/compensation/rates", Map.of("kind", "CA", "per", "HEURE", "amount", "-5")).body()).contains("négatif");
		int year = LocalDate.now(PARIS).getYear();
		LocalDate from = LocalDate.of(year, 1, 1);
		assertThat(coordinator.post(base + "/compensation/rates", Map.of("kind", "CA", "per", "HEURE", "amount", "60", "mission", "Gouvernance",
				"validFrom", from.toString())).status()).isEqualTo(201);
		assertThat(coordinator.post(base + "/compensation/rates", Map.of("kind", "AG", "per", "REUNION", "amount", "50", "validFrom", from.toString()))
			.status()).isEqualTo(201);

		// a council of 90 minutes and an assembly, both held this year, everyone present
		LocalDateTime earlier = LocalDateTime.now(PARIS).minusHours(5).withNano(0);
		if (earlier.getYear() != year) {
			earlier = LocalDateTime.now(PARIS).withNano(0);
		}
		for (String[] m : new String[][] {{"CA", "90"}, {"AG", "120"}}) {
			String meeting = coordinator.post(base + "/meetings", Map.of("kind", m[0], "title", "Réunion " + m[0], "startsAt", earlier.toString(),
					"durationMinutes", Integer.parseInt(m[1]), "place", "Manosque")).json().get("id").asString();
			coordinator.post("/api/v1/meetings/" + meeting + "/invitees", Map.of("allMembers", true));
			coordinator.post("/api/v1/meetings/" + meeting + "/convene", Map.of("confirmPast", true));
			JsonNode att = coordinator.post("/api/v1/meetings/" + meeting + "/attendance",
					Map.of("present", List.of(pros.get("gp").member(), pros.get("nurse").member(), pros.get("retired").member()))).json();
			assertThat(att.get("quorum").get("present").asInt()).as("the honorary member is there but does not count").isEqualTo(2);
		}
		JsonNode summary = coordinator.get(base + "/compensation?year=" + year).json();
		assertThat(summary.get("statements").size()).as("only the GP in private practice").isEqualTo(1);
		assertThat(summary.get("statements").get(0).get("totalCents").asLong()).as("60 € × 1.5 h + 50 €").isEqualTo(14000);
		assertThat(summary.get("byMission").get("Gouvernance").asLong()).isEqualTo(9000);
		assertThat(summary.get("byMission").get("assemblée générale").asLong()).isEqualTo(5000);
		Pro gp = pros.get("gp");
		assertThat(gp.api().get("/api/v1/members/" + gp.member() + "/compensation?year=" + year).json().get("minutes").asInt()).isEqualTo(210);
		assertThat(gp.api().get("/api/v1/members/" + pros.get("nurse").member() + "/compensation?year=" + year).status()).isEqualTo(403);
		assertThat(gp.api().get(base + "/compensation?year=" + year).status()).isEqualTo(403);
		Api.Response pdf = gp.api().get("/cpts/" + cpts + "/adherents/" + gp.member() + "/indemnisation.pdf?annee=" + year);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");

		// the council, with the GP sitting until next month, the nurse not in it
		String council = coordinator.post(base + "/bodies", Map.of("name", "Conseil " + tag, "kind", "CONSEIL")).json().get("id").asString();
		LocalDate today = LocalDate.now(PARIS);
		assertThat(coordinator.post("/api/v1/bodies/" + council + "/mandates", Map.of("memberId", gp.member(), "position", "SECRETAIRE",
				"startsOn", today.minusYears(1).toString(), "endsOn", today.plusDays(30).toString())).status()).isEqualTo(201);

		// the library: statutes for all, a council paper for the council; a program disguised as a PDF and a second "Statuts" refused
		byte[] statutes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
		String docs = base + "/documents?folder=" + q("Statuts et règlement intérieur") + "&title=Statuts&audience=MEMBERS";
		Api.Response filed = coordinator.postFile(docs, "file", "statuts 2024.pdf", statutes);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String statutesId = filed.json().get("id").asString();
		assertThat(filed.json().get("versions").get(0).get("name").asString()).isEqualTo("statuts 2024.pdf");
		byte[] program = new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
		assertThat(coordinator.postFile(base + "/documents?folder=Divers&title=Virus&audience=MEMBERS", "file", "facture.pdf", program).body())
			.contains("n'est pas un document accepté");
		assertThat(coordinator.postFile(docs, "file", "statuts.pdf", statutes).body()).contains("existe déjà");
		assertThat(coordinator.postFile(base + "/documents?folder=Conseil&title=" + q("Budget prévisionnel") + "&audience=BODY&bodyId=" + council, "file",
				"budget.txt", "Budget 2027 : 42 000 €".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
		assertThat(pros.get("nurse").api().postFile(docs.replace("Statuts&", "Autre&"), "file", "x.pdf", statutes).status()).as("only the board files")
			.isEqualTo(403);
		assertThat(gp.api().get(base + "/documents").json().valueStream().map(d -> d.get("title").asString()))
			.containsExactlyInAnyOrder("Statuts", "Budget prévisionnel");
		Api nurse = pros.get("nurse").api();
		assertThat(nurse.get(base + "/documents").json().valueStream().map(d -> d.get("title").asString())).containsExactly("Statuts");
		String budgetId = gp.api().get(base + "/documents").json().valueStream().filter(d -> d.get("title").asString().startsWith("Budget")).findFirst()
			.orElseThrow().get("id").asString();
		assertThat(nurse.get("/api/v1/documents/" + budgetId + "/file").status()).isEqualTo(404);
		assertThat(gp.api().get("/api/v1/documents/" + budgetId + "/file").body()).isEqualTo("Budget 2027 : 42 000 €");
		Api outsider = new Api(port, People.join(admin, port, People.newCpts(admin), "COORDINATOR"));
		assertThat(outsider.get("/api/v1/documents/" + statutesId + "/file").status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'association.document.read' and subject_id = :d").param("d", budgetId)
			.query(Long.class).single()).isEqualTo(1);

		// a document attached to a meeting is read by its invitees; a body's members read its meetings, earlier ones included
		LocalDateTime next = LocalDateTime.now(PARIS).plusDays(3).withNano(0);
		String group = coordinator.post(base + "/meetings", Map.of("kind", "GROUPE", "title", "Groupe budget", "startsAt", next.toString(),
				"place", "Manosque")).json().get("id").asString();
		coordinator.post("/api/v1/meetings/" + group + "/invitees", Map.of("memberIds", List.of(pros.get("nurse").member())));
		coordinator.post("/api/v1/meetings/" + group + "/convene", Map.of());
		assertThat(coordinator.post("/api/v1/meetings/" + group + "/documents", Map.of("documentId", budgetId)).json().get(0).get("title").asString())
			.isEqualTo("Budget prévisionnel");
		assertThat(nurse.get("/api/v1/documents/" + budgetId + "/file").status()).isEqualTo(200);
		String councilMeeting = coordinator.post(base + "/meetings", Map.of("kind", "CA", "bodyId", council, "title", "Conseil de janvier",
				"startsAt", next.toString(), "place", "Manosque")).json().get("id").asString();
		coordinator.post("/api/v1/meetings/" + councilMeeting + "/convene", Map.of());
		assertThat(nurse.get("/api/v1/meetings/" + councilMeeting + "/attendance").status()).isEqualTo(404);
		coordinator.post("/api/v1/bodies/" + council + "/mandates", Map.of("memberId", pros.get("nurse").member(), "position", "MEMBRE",
				"startsOn", today.toString()));
		assertThat(nurse.get("/api/v1/meetings/" + councilMeeting + "/attendance").status()).as("now on the council").isEqualTo(200);
		assertThat(nurse.get(base + "/meetings").json().valueStream().map(m -> m.get("title").asString())).contains("Conseil de janvier", "Groupe budget");

		// the dashboard: members by college, five years of growth, fees, the mandate ending within 90 days
		JsonNode dashboard = coordinator.get(base + "/association/dashboard").json();
		assertThat(dashboard.get("byCollege").get("Médecins").asInt()).as("the GP and the retired doctor").isEqualTo(2);
		assertThat(dashboard.get("byCollege").get("Infirmiers").asInt()).isEqualTo(1);
		assertThat(dashboard.get("growth").get("years").size()).isEqualTo(5);
		assertThat(dashboard.get("ending").size()).isEqualTo(1);
		assertThat(dashboard.get("ending").get(0).get("position").asString()).isEqualTo("SECRETAIRE");
		assertThat(gp.api().get(base + "/association/dashboard").status()).as("the GP sits on the council").isEqualTo(200);
		assertThat(pros.get("retired").api().get(base + "/association/dashboard").status()).isEqualTo(403);

		// the council's conversation: its members of the day; an announcement to "conseil" reaches the GP only
		var source = sources.stream().filter(x -> x.kind().equals(Governance.CONVERSATION_KIND)).findFirst().orElseThrow();
		UUID gpAccount = gpUser;
		UUID nurseAccount = nurseUser;
		accounts.runAs(gpAccount, () -> assertThat(source.participants(council)).containsExactlyInAnyOrder(gpAccount, nurseAccount));
		Api.Response announced = coordinator.post(base + "/announcements", Map.of("title", "Conseil avancé", "body", "Le conseil est avancé d'une heure.",
				"audience", "body", "audienceParam", "conseil " + tag.toLowerCase()));
		assertThat(announced.status()).as(announced.body()).isEqualTo(201);
		assertThat(announced.json().get("recipients").asInt()).as("the GP and the nurse, on the council today").isEqualTo(2);
	}
}
