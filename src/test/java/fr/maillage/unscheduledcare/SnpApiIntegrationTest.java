package fr.maillage.unscheduledcare;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Unscheduled care through the API: an MSP publishes a recurring rule, a pharmacist finds and books
 * the earliest slot, the MSP records the outcome; bad input gets clear messages; a slot is booked
 * once under 200 simultaneous attempts; a booking's patient is seen by the booker, the owner and
 * the coordinators only.
 */
@IntegrationTest
class SnpApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private record Setup(String cpts, UUID msp, Api staff, Api pharmacist, Api coordinator, Api otherMember) {
	}

	private Setup setup() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person staffPerson = People.invite(admin, cpts, "MEMBER");
		UUID msp = fr.maillage.support.Gps.msp(jdbc, "MSP " + TestData.unique("snp"), "04070", "Digne-les-Bains",
				accounts.userIdByEmail(staffPerson.email()).orElseThrow());
		return new Setup(cpts, msp, new Api(port, People.token(port, staffPerson)), new Api(port, People.join(admin, port, cpts, "MEMBER")),
				new Api(port, People.join(admin, port, cpts, "COORDINATOR")), new Api(port, People.join(admin, port, cpts, "MEMBER")));
	}

	private static Map<String, Object> rule(Setup s, LocalDate from, LocalDate until) {
		Map<String, Object> r = new HashMap<>();
		r.put("cptsId", s.cpts());
		r.put("organizationId", s.msp().toString());
		r.put("kind", "CABINET");
		r.put("profession", "médecin");
		r.put("siteLabel", "Salle de soins non programmés");
		r.put("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
		r.put("dayStart", "08:00");
		r.put("dayEnd", "12:00");
		r.put("slotMinutes", 20);
		r.put("validFrom", from.toString());
		r.put("validUntil", until.toString());
		return r;
	}

	private static Map<String, Object> patient() {
		return Map.of("patientName", "Jeanne Martin", "patientBirthDate", "1958-04-02", "patientPhone", "06 11 22 33 44",
				"reason", "Fièvre depuis trois jours", "consent", true);
	}

	@Test
	void anMspPublishesAPharmacistBooksTheEarliestAndTheMspRecordsTheOutcome() {
		Setup s = setup();
		LocalDate from = LocalDate.now().plusDays(1);
		Api.Response published = s.staff().post("/api/v1/slots", rule(s, from, from.plusDays(13)));
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		long expected = from.datesUntil(from.plusDays(14)).filter(d -> d.getDayOfWeek().getValue() <= 5)
			.filter(d -> !fr.maillage.reference.PublicHolidays.isHoliday(d, false)).count() * 12;
		assertThat(published.json().get("count").asLong()).isEqualTo(expected);
		assertThat(s.otherMember().post("/api/v1/slots", rule(s, from, from.plusDays(3))).status()).as("not their structure").isEqualTo(403);

		JsonNode found = s.pharmacist().get("/api/v1/slots/search?profession=medecin&commune=04112&radiusKm=60").json();
		assertThat(found.size()).isEqualTo(20);
		List<String> starts = found.valueStream().map(n -> n.get("startsAt").asString()).toList();
		assertThat(starts).isSorted();
		String earliest = found.get(0).get("id").asString();
		assertThat(found.get(0).get("ownerLabel").asString()).startsWith("MSP ");

		Api.Response booked = s.pharmacist().post("/api/v1/slots/" + earliest + "/booking", patient());
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String booking = booked.json().get("id").asString();
		String firstBooking = booking;
		JsonNode again = s.pharmacist().get("/api/v1/slots/search?profession=medecin&commune=04112&radiusKm=60").json();
		assertThat(again.get(0).get("id").asString()).as("a booked slot is no longer offered").isNotEqualTo(earliest);

		Api.Response taken = s.otherMember().post("/api/v1/slots/" + earliest + "/booking", patient());
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("message").asString()).contains("Ce créneau vient d'être réservé");
		assertThat(taken.json().get("alternatives").size()).isPositive();

		// who sees the patient: the booker, the MSP, the coordinator; not another member; every read audited
		assertThat(s.pharmacist().get("/api/v1/bookings/" + booking).json().get("patientName").asString()).isEqualTo("Jeanne Martin");
		assertThat(s.staff().get("/api/v1/bookings/" + booking).status()).isEqualTo(200);
		assertThat(s.coordinator().get("/api/v1/bookings/" + booking).status()).isEqualTo(200);
		assertThat(s.otherMember().get("/api/v1/bookings/" + booking).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'snp.booking.read' and subject_id = :b").param("b", firstBooking)
			.query(Long.class).single()).isEqualTo(3);
		assertThat(s.staff().get("/api/v1/me/slot-bookings").json().toString()).contains("Jeanne Martin");

		// a cancellation needs a reason, is refused to outsiders, and opens the slot again; then book it anew
		assertThat(s.otherMember().post("/api/v1/bookings/" + booking + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
		assertThat(s.pharmacist().post("/api/v1/bookings/" + booking + "/cancel", Map.of()).status()).isEqualTo(400);
		assertThat(s.pharmacist().post("/api/v1/bookings/" + booking + "/cancel", Map.of("reason", "Le patient a vu son médecin")).json()
			.get("cancelledAt").isNull()).isFalse();
		assertThat(s.pharmacist().get("/api/v1/slots/search?profession=medecin&commune=04112&radiusKm=60").json().get(0).get("id").asString())
			.isEqualTo(earliest);
		Api.Response rebooked = s.pharmacist().post("/api/v1/slots/" + earliest + "/booking", patient());
		assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(201);
		booking = rebooked.json().get("id").asString();

		// an absence on the first week: free slots go, the booked one stays and is counted
		LocalDate bookedDay = LocalDate.parse(found.get(0).get("startsAt").asString().substring(0, 10));
		Api.Response absence = s.staff().post("/api/v1/absences", Map.of("cptsId", s.cpts(), "organizationId", s.msp().toString(),
				"from", bookedDay.toString(), "to", bookedDay.toString(), "reason", "Formation"));
		assertThat(absence.status()).as(absence.body()).isEqualTo(201);
		assertThat(absence.json().get("removed").asInt()).isEqualTo(11);
		assertThat(absence.json().get("stillBooked").asInt()).isEqualTo(1);
		assertThat(s.staff().post("/api/v1/absences", Map.of("cptsId", s.cpts(), "organizationId", s.msp().toString(),
				"from", bookedDay.plusDays(2).toString(), "to", bookedDay.toString())).body()).contains("est avant le premier");

		// the MSP lists its coming slots and withdraws a free one; a booked one must lose its booking first
		JsonNode own = s.staff().get("/api/v1/me/slots").json();
		String free = own.valueStream().filter(n -> !n.get("booked").asBoolean()).findFirst().orElseThrow().get("id").asString();
		assertThat(s.otherMember().post("/api/v1/slots/" + free + "/withdraw", Map.of()).status()).isEqualTo(404);
		assertThat(s.staff().post("/api/v1/slots/" + free + "/withdraw", Map.of()).status()).isEqualTo(204);
		assertThat(s.staff().get("/api/v1/me/slots").json().valueStream().noneMatch(n -> n.get("id").asString().equals(free))).isTrue();
		assertThat(s.staff().post("/api/v1/slots/" + earliest + "/withdraw", Map.of()).body()).contains("annulez d'abord la réservation");

		Api.Response outcome = s.staff().post("/api/v1/bookings/" + booking + "/outcome", Map.of("outcome", "HONORE"));
		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
		assertThat(outcome.json().get("outcome").asString()).isEqualTo("HONORE");
		assertThat(s.pharmacist().post("/api/v1/bookings/" + booking + "/outcome", Map.of("outcome", "HONORE")).status())
			.as("the booker does not record the outcome").isEqualTo(404);

		// the indicators count it, for the coordinator only
		String period = "?from=" + from + "&to=" + from.plusDays(13);
		JsonNode indicators = s.coordinator().get("/api/v1/cpts/" + s.cpts() + "/unscheduled-care/indicators" + period).json();
		assertThat(indicators.get("total").get("offered").asLong()).as("withdrawn and absence-removed slots are not offered").isEqualTo(expected - 12);
		assertThat(indicators.get("total").get("booked").asLong()).isEqualTo(1);
		assertThat(indicators.get("total").get("honoured").asLong()).isEqualTo(1);
		assertThat(indicators.get("weeks").valueStream().mapToLong(w -> w.get("offered").asLong()).sum()).isEqualTo(expected - 12);
		assertThat(indicators.get("professions").get(0).get("key").asString()).isEqualTo("Médecin");
		assertThat(indicators.get("owners").get(0).get("key").asString()).startsWith("MSP ");
		assertThat(s.pharmacist().get("/api/v1/cpts/" + s.cpts() + "/unscheduled-care/indicators").status()).isEqualTo(403);
		assertThat(s.coordinator().get("/api/v1/cpts/" + s.cpts() + "/unscheduled-care/indicators?from=" + from + "&to=" + from.minusDays(1))
			.body()).contains("La fin de la période est avant son début");
	}

	@Test
	void badInputGetsClearMessages() {
		Setup s = setup();
		LocalDate from = LocalDate.now().plusDays(1);
		Map<String, Object> flood = rule(s, from, from.plusYears(1));
		flood.put("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
		flood.put("dayStart", "00:00");
		flood.put("dayEnd", "23:55");
		flood.put("slotMinutes", 5);
		Api.Response refused = s.staff().post("/api/v1/slots", flood);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("au plus par règle").containsPattern("10.000");
		assertThat(jdbc.sql("select count(*) from snp_slot where organization_id = :o").param("o", s.msp()).query(Long.class).single()).isZero();

		Map<String, Object> backwards = new HashMap<>(Map.of("cptsId", s.cpts(), "organizationId", s.msp().toString(), "kind", "CABINET",
				"profession", "10", "startsAt", LocalDateTime.now().plusDays(2).withNano(0).toString(),
				"endsAt", LocalDateTime.now().plusDays(2).minusHours(1).withNano(0).toString()));
		assertThat(s.staff().post("/api/v1/slots", backwards).body()).contains("Le créneau finit avant de commencer");

		Api.Response far = s.pharmacist().get("/api/v1/slots/search?profession=medecin&commune=04070&radiusKm=10000");
		assertThat(far.status()).isEqualTo(400);
		assertThat(far.body()).contains("Le rayon de recherche va de 0 à 100 km");

		UUID past = UUID.randomUUID();
		jdbc.sql("""
				insert into snp_slot (id, cpts_id, organization_id, owner_label, kind, profession_code, commune_code, starts_at, ends_at)
				values (:id, :c, :o, 'MSP', 'CABINET', '10', '04070', :s, :e)""")
			.param("id", past).param("c", UUID.fromString(s.cpts())).param("o", s.msp())
			.param("s", Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS))).param("e", Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))
			.update();
		Api.Response late = s.pharmacist().post("/api/v1/slots/" + past + "/booking", patient());
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.body()).contains("Ce créneau est passé");
	}

	@Test
	void twoHundredSimultaneousAttemptsOnOneSlotGiveExactlyOneBooking() throws Exception {
		Setup s = setup();
		LocalDateTime start = LocalDateTime.now().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
		Api.Response one = s.staff().post("/api/v1/slots", new HashMap<>(Map.of("cptsId", s.cpts(), "organizationId", s.msp().toString(),
				"kind", "CABINET", "profession", "10", "startsAt", start.toString(), "endsAt", start.plusMinutes(20).toString())));
		assertThat(one.status()).as(one.body()).isEqualTo(201);
		s.staff().post("/api/v1/slots", new HashMap<>(Map.of("cptsId", s.cpts(), "organizationId", s.msp().toString(), "kind", "CABINET",
				"profession", "10", "startsAt", start.plusHours(1).toString(), "endsAt", start.plusHours(1).plusMinutes(20).toString())));
		String slot = one.json().get("slotIds").get(0).asString();
		CountDownLatch gate = new CountDownLatch(1);
		List<Future<Api.Response>> attempts = new ArrayList<>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 200; i++) {
				attempts.add(pool.submit(() -> {
					gate.await();
					return s.pharmacist().post("/api/v1/slots/" + slot + "/booking", patient());
				}));
			}
			gate.countDown();
			int created = 0;
			int taken = 0;
			for (Future<Api.Response> f : attempts) {
				Api.Response r = f.get();
				if (r.status() == 201) {
					created++;
				} else {
					assertThat(r.status()).as(r.body()).isEqualTo(409);
					assertThat(r.json().get("message").asString()).startsWith("Ce créneau vient d'être réservé");
					assertThat(r.json().get("alternatives").get(0).get("startsAt").asString()).as("the next best").isNotNull();
					taken++;
				}
			}
			assertThat(created).isEqualTo(1);
			assertThat(taken).isEqualTo(199);
		}
		assertThat(jdbc.sql("select count(*) from snp_booking where slot_id = :s and cancelled_at is null").param("s", UUID.fromString(slot))
			.query(Long.class).single()).isEqualTo(1);
	}
}
