package fr.maillage.cpts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.Mail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** MAILLAGE_DEMO=true on an empty database: the fictional CPTS and the documented demo accounts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"maillage.database.directory=target/test-postgres-demo", "maillage.database.clean=true", "maillage.demo=true" })
@Import(Mail.Started.class)
class DemoModeIntegrationTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * Issue 17: without an SMTP server (the demo as the README starts it) the log filled with retries.
	 * The e-mails the demo writes (the heatwave announcement's) stay queued, never tried, for a server to come.
	 */
	@Test
	void withoutSmtpTheEmailsWaitUntriedInsteadOfFailingAgainAndAgain() {
		String count = "select count(*) from outbox_message where channel = 'EMAIL'";
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> jdbc.sql(count).query(Long.class).single() > 0);
		org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(3)).atMost(java.time.Duration.ofSeconds(10))
			.until(() -> jdbc.sql(count + " and (status <> 'PENDING' or attempts > 0)").query(Long.class).single() == 0);
	}

	private String token(String email, String password) {
		Api.Response r = new Api(port, null).post("/api/v1/auth/token", Map.of("email", email, "password", password));
		assertThat(r.status()).as(email + " " + r.body()).isEqualTo(201);
		return r.json().get("token").asString();
	}

	/** Issue 17: the demo had two professionals, and two patients, of the same name. */
	@Test
	void noTwoPeopleOfTheDemoShareAName() {
		assertThat(jdbc.sql("select last_name || ' ' || first_name from practitioner where national_id like '89%' group by last_name, first_name having count(*) > 1")
			.query(String.class).list()).isEmpty();
		assertThat(jdbc.sql("select count(*) from practitioner where national_id like '89%'").query(Long.class).single()).isEqualTo(120);
		assertThat(jdbc.sql("""
				select p.birth_name || ' ' || p.first_names from patient p join cpts c on c.id = p.cpts_id where c.slug = 'demo-luberon-durance'
				group by p.birth_name, p.first_names having count(*) > 1""").query(String.class).list()).isEmpty();
	}

	@Test
	void theDemoCptsAndItsAccountsAreReady() {
		Api coordinator = new Api(port, token("coordination@demo.maillage.fr", "demo-maillage-coordination"));
		var list = coordinator.get("/api/v1/cpts").json();
		assertThat(list).hasSize(1);
		String id = list.get(0).get("id").asString();
		var territory = coordinator.get("/api/v1/cpts/" + id + "/territory").json();
		assertThat(territory.get("communeCount").asInt()).isEqualTo(48);
		assertThat(territory.get("sizeClass").asInt()).isEqualTo(2);

		Api member = new Api(port, token("membre@demo.maillage.fr", "demo-maillage-membre"));
		assertThat(member.get("/api/v1/cpts/" + id).status()).isEqualTo(200);
		assertThat(member.put("/api/v1/cpts/" + id + "/territory", java.util.List.of("04112")).status()).isEqualTo(403);

		Api admin = new Api(port, token("admin@demo.maillage.fr", "demo-maillage-admin"));
		assertThat(admin.get("/api/v1/users").json()).hasSize(3);

		// a realistic, fictional directory: professionals in the demo communes, structures, public ones on the public page
		long deadline = System.currentTimeMillis() + 10_000;
		while (member.get("/api/v1/practitioners?size=1").json().get("total").asLong() == 0 && System.currentTimeMillis() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(member.get("/api/v1/practitioners?size=1").json().get("total").asLong()).isEqualTo(120);
		assertThat(member.get("/api/v1/practitioners?profession=10&commune=04112").json().get("total").asLong()).isPositive();
		assertThat(member.get("/api/v1/organizations?kind=MSP").json().get("total").asLong()).isEqualTo(2);
		var cptsId = member.get("/api/v1/cpts").json().get(0).get("id").asString();
		var professions = member.get("/api/v1/cpts/" + cptsId + "/profession-table").json();
		assertThat(professions.get("total").get("identified").asLong()).isEqualTo(120);
		assertThat(professions.get("total").get("members").asLong()).isPositive().isLessThan(professions.get("total").get("solicited").asLong());
		var conversations = member.get("/api/v1/me/conversations").json();
		assertThat(conversations.size()).as("demo conversations").isEqualTo(2);
		assertThat(member.get("/api/v1/me/notifications").json().get("items").toString()).contains("Plan canicule");
		var mine = member.get("/api/v1/me/directory").json();
		assertThat(mine.get("practitioner").get("entryDetail").asString()).as("the demo member is a GP of the directory").startsWith("Médecin");
		assertThat(mine.get("organizations").get(0).get("entryLabel").asString()).contains("MSP").contains("(démo)");
		assertThat(new Api(port, null).get("/demo-luberon-durance").body()).contains("Centre hospitalier de Manosque (démo)")
			.doesNotContain("CMP adultes").contains("pas de médecin traitant ?");

		// GP access: waiting and solved requests, capacities, proposals for the demo member (a GP), the CPAM baseline
		var indicators = coordinator.get("/api/v1/cpts/" + id + "/gp-requests/indicators").json();
		assertThat(indicators.at("/byStatus/DECLARED").asInt()).isEqualTo(35);
		assertThat(indicators.at("/byStatus/PENDING").asInt() + indicators.at("/byStatus/PROPOSED").asInt()).isEqualTo(55);
		assertThat(indicators.at("/byStatus/PROPOSED").asInt()).isPositive();
		assertThat(indicators.at("/progress/baseline/withoutGp").asInt()).isEqualTo(1210);
		assertThat(coordinator.get("/api/v1/cpts/" + id + "/gp-capacities").json()).hasSize(8);
		assertThat(member.get("/cpts/" + id + "/medecin-traitant/propositions").body()).contains("accepte ce patient");

		// unscheduled care: the MSPs' slots, two bookings to come by the demo member, and six past weeks of consultations
		var myBookings = member.get("/api/v1/me/bookings").json();
		String now = java.time.Instant.now().toString();
		assertThat(myBookings.valueStream().filter(b -> b.get("slot").get("startsAt").asString().compareTo(now) > 0).count()).isEqualTo(2);
		assertThat(myBookings.valueStream().filter(b -> !b.get("outcome").isNull() && "HONORE".equals(b.get("outcome").asString())).count()).isPositive();
		assertThat(member.get("/api/v1/slots/search?profession=medecin&commune=04088&radiusKm=60").json().size()).isPositive();

		// on-call duty: three rosters over two months, one pharmacy turn left empty; the public finds tonight's pharmacy
		assertThat(member.get("/api/v1/cpts/" + id + "/rosters").json()).hasSize(3);
		assertThat(member.get("/api/v1/cpts/" + id + "/oncall/gaps?days=31").json()).hasSize(1);
		var tonight = new Api(port, null).get("/api/v1/cpts/" + id + "/oncall?commune=Manosque").json();
		assertThat(tonight.at("/entries/PHARMACIE/0/assignee").asString()).contains("Pharmacie");
		assertThat(new Api(port, null).get("/demo-luberon-durance").body()).contains("Qui est de garde ?");

		// pathways: the examples, six patients the demo member follows, steps done and overdue
		assertThat(member.get("/api/v1/cpts/" + id + "/pathway-templates").json()).hasSize(2);
		var followed = member.get("/api/v1/cpts/" + id + "/pathway-enrolments").json();
		assertThat(followed).hasSize(6);
		assertThat(followed.valueStream().mapToLong(e -> e.get("overdue").asLong()).sum()).isPositive();
		assertThat(coordinator.get("/api/v1/cpts/" + id + "/pathways/ruptures").json().size()).isPositive();

		// the association: members (the demo member among them), most fees paid, a council and a bureau, an assembly held with its minutes
		var members = coordinator.get("/api/v1/cpts/" + id + "/members").json();
		assertThat(members.size()).isGreaterThan(10);
		assertThat(member.get("/api/v1/me/memberships").json()).hasSize(1);
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getYear();
		var statement = coordinator.get("/api/v1/cpts/" + id + "/fees/statement?year=" + year).json();
		assertThat(statement.get("collectedCents").asLong()).isPositive().isLessThan(statement.get("expectedCents").asLong());
		assertThat(coordinator.get("/api/v1/cpts/" + id + "/bodies").json()).hasSize(2);
		var meetings = coordinator.get("/api/v1/cpts/" + id + "/meetings").json();
		assertThat(meetings.valueStream().filter(m -> m.get("status").asString().equals("HELD") && !m.get("minutesPublishedAt").isNull())).hasSize(1);
		assertThat(meetings.valueStream().filter(m -> m.get("status").asString().equals("DRAFT"))).hasSize(1);

		// the ACI contract: four socle missions, six indicators with their past months snapshotted, five action sheets, a budget
		assertThat(coordinator.get("/api/v1/cpts/" + id + "/missions").json()).hasSize(4);
		var figures = coordinator.get("/api/v1/cpts/" + id + "/indicators?year=1").json();
		assertThat(figures.get("indicators")).hasSize(6);
		assertThat(figures.get("indicators").valueStream().filter(f -> !f.get("value").isNull()).count()).isGreaterThanOrEqualTo(3);
		var sheets = coordinator.get("/api/v1/cpts/" + id + "/action-sheets").json();
		assertThat(sheets.valueStream().map(x -> x.get("status").asString())).containsExactlyInAnyOrder("RUNNING", "RUNNING", "VALIDATED", "DRAFT", "DRAFT");
		assertThat(coordinator.get("/api/v1/cpts/" + id + "/budget?year=" + year).json().get("totals").get("plannedIncomeCents").asLong()).isPositive();
	}
}
