package fr.maillage.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CalendarFeeds;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * On-call duty through the API: a pharmacy roster built for a month in turn, a swap with both
 * consents (and one collected by phone), the public "who is on duty" nearest first, the calendar
 * feed read back by an independent parser, gaps announced once whatever the concurrency, bad input
 * and access.
 */
@IntegrationTest
class OnCallIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	OnCallGaps gaps;

	@Autowired
	Rosters rosters;

	private record Setup(String cpts, Api coordinator, Api member, People.Person pharmacistA, People.Person pharmacistB, UUID pharmacyA,
			UUID pharmacyB, UUID pharmacyC) {
	}

	private Setup setup() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112")).status()).isEqualTo(200);
		People.Person a = People.invite(admin, cpts, "MEMBER");
		People.Person b = People.invite(admin, cpts, "MEMBER");
		String tag = TestData.unique("").substring(1, 6);
		UUID pa = Gps.structure(jdbc, "PHARMACIE", "Pharmacie du Cours " + tag, "04112", "Manosque", accounts.userIdByEmail(a.email()).orElseThrow());
		UUID pb = Gps.structure(jdbc, "PHARMACIE", "Pharmacie des Thermes " + tag, "04070", "Digne-les-Bains",
				accounts.userIdByEmail(b.email()).orElseThrow());
		UUID pc = Gps.structure(jdbc, "PHARMACIE", "Pharmacie de la Gare " + tag, "04112", "Manosque", null);
		return new Setup(cpts, new Api(port, People.join(admin, port, cpts, "COORDINATOR")), new Api(port, People.join(admin, port, cpts, "MEMBER")),
				a, b, pa, pb, pc);
	}

	private static Map<String, Object> pharmacies(String name, List<String> sector) {
		Map<String, Object> r = new HashMap<>();
		r.put("kind", "PHARMACIE");
		r.put("name", name);
		r.put("sectorCommunes", sector);
		r.put("pattern", "DAILY");
		r.put("shiftStart", "09:00");
		r.put("shiftEnd", "09:00");
		r.put("publicPhone", "3237");
		return r;
	}

	private static Instant paris(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(RosterPattern.PARIS).toInstant();
	}

	@Test
	void aPharmacyMonthInTurnASwapWithBothConsentsAndThePublicFindsWhoIsOnDuty() throws Exception {
		Setup s = setup();
		Api.Response created = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/rosters", pharmacies("Pharmacies du territoire", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String roster = created.json().get("id").asString();
		YearMonth month = YearMonth.now(RosterPattern.PARIS).plusMonths(1);

		Api.Response prepared = s.coordinator().post("/api/v1/rosters/" + roster + "/months/" + month + "?fill=true", Map.of());
		assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
		assertThat(prepared.json().get("added").asInt()).isEqualTo(month.lengthOfMonth());
		assertThat(prepared.json().get("filled").asInt()).isEqualTo(month.lengthOfMonth());
		assertThat(s.coordinator().post("/api/v1/rosters/" + roster + "/months/" + month, Map.of()).json().get("added").asInt())
			.as("preparing again adds nothing").isZero();

		JsonNode shifts = s.member().get("/api/v1/rosters/" + roster + "/shifts?month=" + month).json();
		assertThat(shifts.size()).isEqualTo(month.lengthOfMonth());
		List<String> holders = shifts.valueStream().map(n -> n.get("assigneeLabel").asString()).toList();
		for (int i = 1; i < holders.size(); i++) {
			assertThat(holders.get(i)).as("never twice in a row").isNotEqualTo(holders.get(i - 1));
		}
		long forA = holders.stream().filter(h -> h.startsWith("Pharmacie du Cours")).count();
		assertThat(forA).as("turns shared fairly among three").isBetween((long) month.lengthOfMonth() / 3 - 1, (long) month.lengthOfMonth() / 3 + 1);
		JsonNode first = shifts.get(0);
		assertThat(Instant.parse(first.get("endsAt").asString())).isEqualTo(Instant.parse(first.get("startsAt").asString()).plusSeconds(86_400));

		// A asks to swap one of theirs against one of B's; an outsider cannot answer for B; B accepts
		JsonNode ofA = shifts.valueStream().filter(n -> n.get("organizationId").asString().equals(s.pharmacyA().toString())).findFirst().orElseThrow();
		JsonNode ofB = shifts.valueStream().filter(n -> n.get("organizationId").asString().equals(s.pharmacyB().toString())).findFirst().orElseThrow();
		Api apiA = new Api(port, People.token(port, s.pharmacistA()));
		Api apiB = new Api(port, People.token(port, s.pharmacistB()));
		assertThat(s.member().post("/api/v1/swaps", Map.of("shiftA", ofA.get("id").asString(), "shiftB", ofB.get("id").asString())).status())
			.as("not theirs to give").isEqualTo(403);
		Api.Response asked = apiA.post("/api/v1/swaps", Map.of("shiftA", ofA.get("id").asString(), "shiftB", ofB.get("id").asString()));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		String swap = asked.json().get("id").asString();
		assertThat(apiA.post("/api/v1/swaps", Map.of("shiftA", ofA.get("id").asString(), "shiftB", ofB.get("id").asString())).body())
			.contains("déjà en attente");
		assertThat(apiB.get("/api/v1/me/swaps").json().size()).isEqualTo(1);
		assertThat(s.member().post("/api/v1/swaps/" + swap + "/accept", Map.of()).status()).isEqualTo(403);
		Api.Response accepted = apiB.post("/api/v1/swaps/" + swap + "/accept", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("a").get("organizationId").asString()).isEqualTo(s.pharmacyB().toString());
		assertThat(accepted.json().get("b").get("organizationId").asString()).isEqualTo(s.pharmacyA().toString());
		assertThat(apiB.post("/api/v1/swaps/" + swap + "/accept", Map.of()).body()).contains("n'est plus en attente");

		// the coordinator records a swap agreed by phone: a note for each consent is required
		JsonNode again = s.member().get("/api/v1/rosters/" + roster + "/shifts?month=" + month).json();
		JsonNode ofC = again.valueStream().filter(n -> n.get("organizationId").asString().equals(s.pharmacyC().toString())).findFirst().orElseThrow();
		JsonNode ofA2 = again.valueStream().filter(n -> n.get("organizationId").asString().equals(s.pharmacyA().toString())).findFirst().orElseThrow();
		assertThat(s.coordinator().post("/api/v1/swaps", Map.of("shiftA", ofC.get("id").asString(), "shiftB", ofA2.get("id").asString())).body())
			.contains("Notez comment l'accord a été recueilli");
		String byPhone = s.coordinator().post("/api/v1/swaps", Map.of("shiftA", ofC.get("id").asString(), "shiftB", ofA2.get("id").asString(),
				"consentNote", "Accord de la Pharmacie de la Gare par téléphone")).json().get("id").asString();
		assertThat(s.coordinator().post("/api/v1/swaps/" + byPhone + "/accept", Map.of()).status()).isEqualTo(400);
		assertThat(s.coordinator().post("/api/v1/swaps/" + byPhone + "/accept", Map.of("consentNote", "Accord du Cours par téléphone")).json()
			.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'oncall.swap.accept' and cpts_id = :c").param("c", UUID.fromString(s.cpts()))
			.query(Long.class).single()).isEqualTo(2);

		// the public, without an account: who is on duty that night, the sector's pharmacy first when near its commune
		String north = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/rosters", pharmacies("Pharmacies – secteur de Digne", List.of("04070")))
			.json().get("id").asString();
		s.coordinator().post("/api/v1/rosters/" + north + "/months/" + month, Map.of());
		JsonNode heldByA = s.member().get("/api/v1/rosters/" + roster + "/shifts?month=" + month).json().valueStream()
			.filter(n -> n.get("organizationId").asString().equals(s.pharmacyA().toString())).findFirst().orElseThrow();
		LocalDate day = Instant.parse(heldByA.get("startsAt").asString()).atZone(RosterPattern.PARIS).toLocalDate();
		String northShift = s.member().get("/api/v1/rosters/" + north + "/shifts?month=" + month).json().valueStream()
			.filter(n -> Instant.parse(n.get("startsAt").asString()).atZone(RosterPattern.PARIS).toLocalDate().equals(day)).findFirst().orElseThrow()
			.get("id").asString();
		assertThat(s.coordinator().put("/api/v1/shifts/" + northShift + "/assignee", Map.of("assignee", "o:" + s.pharmacyB())).status()).isEqualTo(200);
		Api anonymous = new Api(port, null);
		JsonNode nearManosque = anonymous.get("/api/v1/cpts/" + s.cpts() + "/oncall?at=" + paris(day, 22) + "&commune=Manosque").json();
		JsonNode list = nearManosque.get("entries").get("PHARMACIE");
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).get("assignee").asString()).as("the whole-territory roster's pharmacy, in Manosque")
			.startsWith("Pharmacie du Cours");
		assertThat(list.get(0).get("distanceKm").asDouble()).isZero();
		assertThat(list.get(0).get("phone").asString()).isEqualTo("04 92 11 22 33");
		assertThat(list.get(0).get("publicPhone").asString()).isEqualTo("3237");
		JsonNode nearDigne = anonymous.get("/api/v1/cpts/" + s.cpts() + "/oncall?at=" + paris(day, 22) + "&commune=04070").json();
		assertThat(nearDigne.get("entries").get("PHARMACIE").get(0).get("assignee").asString()).startsWith("Pharmacie des Thermes");
		assertThat(anonymous.get("/api/v1/cpts/" + s.cpts() + "/oncall?commune=Atlantide").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/v1/cpts/" + UUID.randomUUID() + "/oncall").status()).isEqualTo(404);

		// B's calendar feed: B's turns, and the booked slots of B's MSP without the patient, read back by ical4j
		UUID userB = accounts.userIdByEmail(s.pharmacistB().email()).orElseThrow();
		UUID msp = Gps.msp(jdbc, "MSP des Thermes " + TestData.unique("").substring(1, 6), "04070", "Digne-les-Bains", userB);
		LocalDateTime slotStart = LocalDateTime.now(RosterPattern.PARIS).plusDays(2).withHour(10).withMinute(0).withSecond(0).withNano(0);
		String slot = apiB.post("/api/v1/slots", Map.of("cptsId", s.cpts(), "organizationId", msp.toString(), "kind", "CABINET", "profession", "10",
				"startsAt", slotStart.toString(), "endsAt", slotStart.plusMinutes(20).toString())).json().get("slotIds").get(0).asString();
		assertThat(s.member().post("/api/v1/slots/" + slot + "/booking", Map.of("patientName", "Jeanne Martin", "patientBirthDate", "1958-04-02",
				"patientPhone", "06 11 22 33 44", "reason", "Fièvre depuis trois jours", "consent", true)).status()).isEqualTo(201);
		String[] secret = new String[1];
		accounts.runAs(userB, () -> secret[0] = feeds.renew());
		Api.Response ics = anonymous.get("/agenda/" + secret[0] + ".ics");
		assertThat(ics.status()).isEqualTo(200);
		assertThat(ics.body()).doesNotContain("Jeanne Martin").doesNotContain("Fièvre");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		long turnsOfB = s.member().get("/api/v1/rosters/" + roster + "/shifts?month=" + month).json().valueStream()
			.filter(n -> n.get("organizationId").asString().equals(s.pharmacyB().toString())).count() + 1;
		List<String> summaries = events.stream().map(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue()).toList();
		assertThat(summaries.stream().filter(t -> t.startsWith("Garde"))).hasSize((int) turnsOfB);
		assertThat(summaries).anyMatch(t -> t.startsWith("Soins non programmés – créneau réservé"));
		assertThat(events.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).distinct()).hasSize(events.size());
		accounts.runAs(userB, () -> feeds.renew());
		assertThat(anonymous.get("/agenda/" + secret[0] + ".ics").status()).as("a renewed address kills the old one").isEqualTo(404);
	}

	@Test
	void gapsAreAnnouncedOnceEvenWhenTwoNodesRunTheJobAtOnce() throws Exception {
		Setup s = setup();
		Map<String, Object> nurses = new HashMap<>(pharmacies("Infirmiers – soirées", List.of()));
		nurses.put("kind", "INFIRMIER");
		nurses.put("shiftStart", "20:00");
		nurses.put("shiftEnd", "23:00");
		String roster = s.coordinator().post("/api/v1/cpts/" + s.cpts() + "/rosters", nurses).json().get("id").asString();
		UUID coordinator = jdbc.sql("select user_id from cpts_role where cpts_id = :c and role = 'COORDINATOR'").param("c", UUID.fromString(s.cpts()))
			.query(UUID.class).single();

		Instant now = Instant.now();
		try (var pool = Executors.newFixedThreadPool(2)) {
			Future<OnCallGaps.Run> one = pool.submit(() -> gaps.run(now));
			Future<OnCallGaps.Run> two = pool.submit(() -> gaps.run(now));
			one.get();
			two.get();
		}
		gaps.run(now);
		List<String> notices = jdbc.sql("select body from notification where user_id = :u and kind = 'oncall.gap'").param("u", coordinator)
			.query(String.class).list();
		assertThat(notices).as("one announcement whatever the number of runs").hasSize(1);
		assertThat(jdbc.sql("select title from notification where user_id = :u and kind = 'oncall.gap'").param("u", coordinator).query(String.class)
			.single()).as("a job without a request speaks French").endsWith("garde(s) sans personne dans les 7 jours");
		long coming = jdbc.sql("""
				select count(*) from oncall_shift where roster_id = :r and assignee_label is null and starts_at < :u and ends_at > :n""")
			.param("r", UUID.fromString(roster)).param("u", java.sql.Timestamp.from(now.plus(OnCallGaps.NOTICE)))
			.param("n", java.sql.Timestamp.from(now)).query(Long.class).single();
		assertThat(coming).isBetween(7L, 8L);
		assertThat(notices.getFirst().lines().filter(l -> l.startsWith("Infirmiers – soirées"))).hasSize((int) coming);
		assertThat(s.member().get("/api/v1/cpts/" + s.cpts() + "/oncall/gaps?days=7").json().size()).isEqualTo((int) coming);

		// a turn filled, then emptied again, is announced again
		String shift = jdbc.sql("select id from oncall_shift where roster_id = :r and starts_at > :n order by starts_at limit 1")
			.param("r", UUID.fromString(roster)).param("n", java.sql.Timestamp.from(now)).query(UUID.class).single().toString();
		String nurse = Gps.practitioner(jdbc, "Infirmière " + TestData.unique(""), "60", "Infirmier", null, "04112", "Manosque").toString();
		assertThat(s.coordinator().put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "p:" + nurse)).status()).isEqualTo(200);
		assertThat(s.coordinator().put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "")).status()).isEqualTo(200);
		gaps.run(now);
		assertThat(jdbc.sql("select count(*) from notification where user_id = :u and kind = 'oncall.gap'").param("u", coordinator).query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void badInputIsRefusedClearlyAndOnlyManagersBuildRosters() {
		Setup s = setup();
		String base = "/api/v1/cpts/" + s.cpts() + "/rosters";
		Map<String, Object> nameless = pharmacies(" ", List.of("Atlantide", "13055"));
		nameless.remove("shiftEnd");
		Api.Response refused = s.coordinator().post(base, nameless);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Donnez un nom au tableau").contains("« Atlantide »").contains("Hors du territoire de la CPTS : Marseille")
			.contains("heure de fin");
		assertThat(s.member().post(base, pharmacies("Pharmacies", List.of())).status()).isEqualTo(403);
		String roster = s.coordinator().post(base, pharmacies("Pharmacies", List.of("Manosque"))).json().get("id").asString();
		assertThat(s.coordinator().get("/api/v1/rosters/" + roster).json().get("sectorCommunes").get(0).asString()).isEqualTo("04112");
		assertThat(s.coordinator().post("/api/v1/rosters/" + roster + "/months/2099-01", Map.of()).body()).contains("mois suivants");
		assertThat(s.coordinator().post("/api/v1/rosters/" + roster + "/months/janvier", Map.of()).body()).contains("AAAA-MM");
		YearMonth month = YearMonth.now(RosterPattern.PARIS).plusMonths(1);
		assertThat(s.member().post("/api/v1/rosters/" + roster + "/months/" + month, Map.of()).status()).isEqualTo(403);
		s.coordinator().post("/api/v1/rosters/" + roster + "/months/" + month, Map.of());
		String shift = s.member().get("/api/v1/rosters/" + roster + "/shifts?month=" + month).json().get(0).get("id").asString();
		UUID gp = Gps.create(jdbc, "Généraliste " + TestData.unique(""), "04112", "Manosque");
		assertThat(s.coordinator().put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "p:" + gp)).body())
			.contains("ne peut pas être de garde sur ce tableau");
		assertThat(s.coordinator().put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "o:" + s.pharmacyB())).body())
			.as("a Digne pharmacy on the Manosque sector").contains("ne peut pas être de garde sur ce tableau");
		assertThat(s.member().put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "o:" + s.pharmacyA())).status()).isEqualTo(403);

		// the coordinator delegates the roster to a member of the CPTS, who may then build it
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		People.Person delegate = People.invite(admin, s.cpts(), "MEMBER");
		UUID coordinator = jdbc.sql("select user_id from cpts_role where cpts_id = :c and role = 'COORDINATOR'").param("c", UUID.fromString(s.cpts()))
			.query(UUID.class).single();
		accounts.runAs(coordinator, () -> rosters.delegate(UUID.fromString(roster), delegate.email()));
		Api delegated = new Api(port, People.token(port, delegate));
		assertThat(delegated.put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "o:" + s.pharmacyA())).json().get("assigneeLabel")
			.asString()).startsWith("Pharmacie du Cours");
		Api otherCpts = new Api(port, People.join(admin, port, People.newCpts(admin), "COORDINATOR"));
		assertThat(otherCpts.get("/api/v1/rosters/" + roster).status()).isEqualTo(404);
		assertThat(otherCpts.get("/api/v1/rosters/" + roster + "/shifts").status()).isEqualTo(404);
		assertThat(otherCpts.put("/api/v1/shifts/" + shift + "/assignee", Map.of("assignee", "")).status()).isEqualTo(404);
	}
}
