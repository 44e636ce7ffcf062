package fr.maillage.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR API as the SAS platform and a regulator use it: the guide's slot query runs as written
 * and returns the slots with their schedules, professionals, practices, the CPTS service and
 * organization; every resource read through HAPI's generic client validates; a booking through an
 * Appointment keeps the one-booking-per-slot guarantee (409 in French); a member of another CPTS
 * gets nothing; parameters outside the whitelist are refused.
 */
@IntegrationTest
class FhirSasIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	record Setup(String cpts, UUID gp, String rpps, UUID msp, String gpToken, String regulatorToken, String outsiderToken, LocalDate day) {
	}

	Setup setup() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		UUID gp = Gps.create(jdbc, "Foret" + TestData.unique(""), "04070", "Digne-les-Bains");
		String rpps = "8" + (10000000000L + ThreadLocalRandom.current().nextLong(89999999999L));
		jdbc.sql("update practitioner set national_id = :n, id_kind = 'RPPS', civility = 'Docteur', first_name = 'Pierre' where id = :id")
			.param("n", rpps).param("id", gp).update();
		People.Person gpPerson = People.invite(admin, cpts, "MEMBER");
		Gps.link(jdbc, accounts.userIdByEmail(gpPerson.email()).orElseThrow(), gp);
		String gpToken = People.token(port, gpPerson);
		People.Person staff = People.invite(admin, cpts, "MEMBER");
		UUID msp = Gps.msp(jdbc, "MSP " + TestData.unique("fhir"), "04070", "Digne-les-Bains", accounts.userIdByEmail(staff.email()).orElseThrow());
		LocalDate day = LocalDate.now().plusDays(1);
		while (day.getDayOfWeek().getValue() > 5 || fr.maillage.reference.PublicHolidays.isHoliday(day, false)) {
			day = day.plusDays(1);
		}
		Map<String, Object> rule = new HashMap<>(Map.of("cptsId", cpts, "practitionerId", gp.toString(), "kind", "CABINET", "profession", "médecin",
				"days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "dayStart", "08:00", "dayEnd", "10:00", "slotMinutes", 20,
				"validFrom", day.toString(), "validUntil", day.toString()));
		Api.Response published = new Api(port, gpToken).post("/api/v1/slots", rule);
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		rule.remove("practitionerId");
		rule.put("organizationId", msp.toString());
		rule.put("kind", "TELECONSULTATION");
		assertThat(new Api(port, People.token(port, staff)).post("/api/v1/slots", rule).status()).isEqualTo(201);
		String other = People.newCpts(admin);
		return new Setup(cpts, gp, rpps, msp, gpToken, People.join(admin, port, cpts, "MEMBER"), People.join(admin, port, other, "MEMBER"), day);
	}

	@Test
	void theSasQueryOfTheGuideRunsAsWrittenAndEveryResourceValidates() throws Exception {
		Setup s = setup();
		// the guide's example, with our professional and an unknown one, '+' of the offsets left raw as the guide writes it
		String from = s.day().atTime(7, 0).atZone(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
		String to = s.day().atTime(23, 0).atZone(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
		String query = "/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference"
				+ "&_include:iterate=HealthcareService:organization&start=ge" + from + "&start=le" + to
				+ "&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C" + s.rpps() + ",urn:oid:1.2.250.1.71.4.2.1%7C810001288385&status=free";
		HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
			.header("Authorization", "Bearer " + s.regulatorToken()).header("Accept", "application/json+fhir").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
		Bundle bundle = FhirSupport.valid(FhirSupport.CONTEXT.newJsonParser().parseResource(Bundle.class, raw.body()));
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(bundle.getTotal()).as("six slots of twenty minutes, the structure's are not asked for").isEqualTo(6);
		Map<String, Long> byType = new HashMap<>();
		for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
			byType.merge(e.getResource().fhirType() + "/" + e.getSearch().getMode().toCode(), 1L, Long::sum);
		}
		assertThat(byType).containsEntry("Slot/match", 6L).containsEntry("Schedule/include", 1L).containsEntry("Practitioner/include", 1L)
			.containsEntry("PractitionerRole/include", 1L).containsEntry("HealthcareService/include", 1L).containsEntry("Organization/include", 1L);
		Slot first = (Slot) bundle.getEntryFirstRep().getResource();
		assertThat(first.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
		assertThat(first.getMeta().getSecurity()).anyMatch(c -> c.getCode().equals("CPTS"));
		assertThat(first.getServiceType()).anyMatch(c -> c.getCodingFirstRep().getCode().equals("AMB"))
			.anyMatch(c -> c.getCodingFirstRep().getCode().equals("604") && c.hasExtension("http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType"));
		Practitioner gp = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Practitioner.class::isInstance)
			.map(Practitioner.class::cast).findFirst().orElseThrow();
		assertThat(gp.getIdentifier()).anyMatch(i -> i.getSystem().equals("urn:oid:1.2.250.1.71.4.2.1") && i.getValue().equals(s.rpps()));
		Organization cpts = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Organization.class::isInstance)
			.map(Organization.class::cast).findFirst().orElseThrow();
		assertThat(cpts.getIdPart()).isEqualTo(s.cpts());
		assertThat(cpts.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("604");

		// the same search through the JSON API finds the same slots
		java.time.Instant fromInstant = s.day().atTime(7, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
		Api.Response json = new Api(port, s.regulatorToken()).get("/api/v1/slots/of-professionals?free=true&from=" + fromInstant + "&to="
				+ fromInstant.plus(java.time.Duration.ofHours(16)) + "&ids=" + s.rpps() + ",810001288385");
		assertThat(json.status()).as(json.body()).isEqualTo(200);
		assertThat(json.json().get("slots").valueStream().map(n -> n.get("id").asString()).toList()).containsExactlyElementsOf(bundle.getEntry().stream()
			.filter(e -> e.getResource() instanceof Slot).map(e -> e.getResource().getIdElement().getIdPart()).toList());

		// a member of another CPTS: the same query finds nothing, a slot read is not found
		HttpResponse<String> outside = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
			.header("Authorization", "Bearer " + s.outsiderToken()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(FhirSupport.CONTEXT.newJsonParser().parseResource(Bundle.class, outside.body()).getTotal()).isZero();
		IGenericClient outsider = FhirSupport.client(port, s.outsiderToken());
		assertThatThrownBy(() -> outsider.read().resource(Slot.class).withId(first.getIdPart()).execute())
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void everyResourceTypeRoundTripsThroughTheGenericClient() {
		Setup s = setup();
		IGenericClient client = FhirSupport.client(port, s.regulatorToken());
		Practitioner gp = FhirSupport.valid(client.read().resource(Practitioner.class).withId(s.gp().toString()).execute());
		assertThat(gp.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Pierre");
		assertThat(gp.getQualificationFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo("10");
		Bundle byRpps = FhirSupport.valid(client.search().forResource(Practitioner.class)
			.where(new TokenClientParam("identifier").exactly().systemAndCode("http://rpps.fr", s.rpps().substring(1))).returnBundle(Bundle.class).execute());
		assertThat(byRpps.getTotal()).isEqualTo(1);
		Bundle byName = FhirSupport.valid(client.search().forResource(Practitioner.class).where(Practitioner.NAME.matches().value(gp.getNameFirstRep().getFamily()))
			.returnBundle(Bundle.class).execute());
		assertThat(byName.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(s.gp().toString());

		Bundle roles = FhirSupport.valid(client.search().forResource(PractitionerRole.class).where(PractitionerRole.PRACTITIONER.hasId("Practitioner/" + s.gp()))
			.returnBundle(Bundle.class).execute());
		PractitionerRole role = (PractitionerRole) roles.getEntryFirstRep().getResource();
		FhirSupport.valid(client.read().resource(PractitionerRole.class).withId(role.getIdPart()).execute());
		Location site = FhirSupport.valid(client.read().resource(Location.class).withId(role.getIdPart()).execute());
		assertThat(site.getAddress().getCity()).isEqualTo("Digne-les-Bains");
		Organization msp = FhirSupport.valid(client.read().resource(Organization.class).withId(s.msp().toString()).execute());
		assertThat(msp.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("MSP");
		FhirSupport.valid(client.read().resource(Location.class).withId(s.msp().toString()).execute());
		FhirSupport.valid(client.read().resource(Organization.class).withId(s.cpts()).execute());
		FhirSupport.valid(client.read().resource(HealthcareService.class).withId(s.cpts()).execute());
		FhirSupport.valid(client.read().resource(HealthcareService.class).withId(s.msp().toString()).execute());
		Schedule agenda = FhirSupport.valid(client.read().resource(Schedule.class).withId(s.msp().toString()).execute());
		assertThat(agenda.getActorFirstRep().getReference()).isEqualTo("HealthcareService/" + s.msp());
		Bundle schedules = FhirSupport.valid(client.search().forResource(Schedule.class).where(Schedule.ACTOR.hasId("Practitioner/" + s.gp()))
			.returnBundle(Bundle.class).execute());
		assertThat(schedules.getEntry()).hasSize(1);
		Bundle mspSlots = FhirSupport.valid(client.search().forResource(Slot.class).where(Slot.SCHEDULE.hasId("Schedule/" + s.msp()))
			.and(Slot.START.afterOrEquals().day(s.day().toString())).and(Slot.START.beforeOrEquals().day(s.day().plusDays(1).toString()))
			.returnBundle(Bundle.class).execute());
		assertThat(mspSlots.getTotal()).isEqualTo(6);
		Slot slot = FhirSupport.valid(client.read().resource(Slot.class).withId(mspSlots.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute());
		assertThat(slot.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("VR");
		Organization byFiness = FhirSupport.valid(client.read().resource(Organization.class).withId(s.msp().toString()).execute());
		assertThat(byFiness.getName()).startsWith("MSP ");
		Bundle organizations = FhirSupport.valid(client.search().forResource(Organization.class).where(Organization.NAME.matches().value(msp.getName()))
			.returnBundle(Bundle.class).execute());
		assertThat(organizations.getTotal()).isEqualTo(1);
		assertThat(FhirSupport.valid(client.capabilities().ofType(CapabilityStatement.class).execute()).getRestFirstRep().getResource())
			.extracting(r -> r.getType()).contains("Practitioner", "PractitionerRole", "Organization", "HealthcareService", "Location", "Schedule", "Slot",
					"Appointment");
	}

	static Appointment booking(String slotId) {
		Appointment a = new Appointment();
		a.setStatus(Appointment.AppointmentStatus.BOOKED);
		a.addSlot(new Reference("Slot/" + slotId));
		Patient p = new Patient();
		p.setId("patient");
		p.addName().setFamily("Martin").addGiven("Jeanne");
		p.setBirthDateElement(new DateType("1958-04-02"));
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("06 11 22 33 44");
		a.addContained(p);
		a.addParticipant().setActor(new Reference("#patient")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
		a.setDescription("Fièvre depuis trois jours");
		return a;
	}

	@Test
	void aRegulatorBooksThroughAnAppointmentAndASecondBookingOfTheSlotAnswers409InFrench() {
		Setup s = setup();
		IGenericClient regulator = FhirSupport.client(port, s.regulatorToken());
		Bundle free = regulator.search().forResource(Slot.class).where(Slot.SCHEDULE.hasId("Schedule/" + s.gp()))
			.and(Slot.START.afterOrEquals().day(s.day().toString())).and(Slot.START.beforeOrEquals().day(s.day().plusDays(1).toString()))
			.returnBundle(Bundle.class).execute();
		String slotId = free.getEntryFirstRep().getResource().getIdElement().getIdPart();

		Appointment incomplete = booking(slotId);
		incomplete.getContained().clear();
		assertThatThrownBy(() -> regulator.create().resource(incomplete).execute()).isInstanceOfSatisfying(UnprocessableEntityException.class,
				e -> assertThat(e.getMessage() + FhirSupport.CONTEXT.newJsonParser().encodeResourceToString(e.getOperationOutcome())).contains("Joignez le patient"));

		var created = regulator.create().resource(booking(slotId)).execute();
		assertThat(created.getCreated()).isTrue();
		Appointment booked = FhirSupport.valid(regulator.read().resource(Appointment.class).withId(created.getId().getIdPart()).execute());
		assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(((Patient) booked.getContained().getFirst()).getNameFirstRep().getText()).isEqualTo("Jeanne Martin");
		Slot busy = regulator.read().resource(Slot.class).withId(slotId).execute();
		assertThat(busy.getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
		assertThat(FhirSupport.client(port, s.gpToken()).read().resource(Appointment.class).withId(created.getId().getIdPart()).execute().getDescription())
			.as("the slot's owner reads the booking").isEqualTo("Fièvre depuis trois jours");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'snp.booking.read' and subject_id = :b")
			.param("b", created.getId().getIdPart()).query(Long.class).single()).isGreaterThanOrEqualTo(1);

		assertThatThrownBy(() -> FhirSupport.client(port, s.gpToken()).create().resource(booking(slotId)).execute())
			.isInstanceOfSatisfying(ResourceVersionConflictException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409))
			.hasMessageContaining("Ce créneau vient d'être réservé");
		assertThatThrownBy(() -> FhirSupport.client(port, s.outsiderToken()).read().resource(Appointment.class).withId(created.getId().getIdPart()).execute())
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void fiftyConcurrentAppointmentsOnOneSlotGiveExactlyOneBooking() throws Exception {
		Setup s = setup();
		Bundle free = FhirSupport.client(port, s.regulatorToken()).search().forResource(Slot.class).where(Slot.SCHEDULE.hasId("Schedule/" + s.gp()))
			.and(Slot.START.afterOrEquals().day(s.day().toString())).and(Slot.START.beforeOrEquals().day(s.day().plusDays(1).toString()))
			.returnBundle(Bundle.class).execute();
		String slotId = free.getEntry().get(2).getResource().getIdElement().getIdPart();
		List<String> tokens = List.of(s.regulatorToken(), s.gpToken());
		var start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Integer>> attempts = new java.util.ArrayList<>();
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(50)) {
			for (int i = 0; i < 50; i++) {
				IGenericClient client = FhirSupport.client(port, tokens.get(i % 2));
				attempts.add(pool.submit(() -> {
					start.await();
					try {
						client.create().resource(booking(slotId)).execute();
						return 201;
					} catch (ResourceVersionConflictException e) {
						return 409;
					}
				}));
			}
			start.countDown();
			Map<Integer, Long> outcomes = new HashMap<>();
			for (var a : attempts) {
				outcomes.merge(a.get(60, java.util.concurrent.TimeUnit.SECONDS), 1L, Long::sum);
			}
			assertThat(outcomes).containsEntry(201, 1L).containsEntry(409, 49L);
		}
		assertThat(jdbc.sql("select count(*) from snp_booking where slot_id = :s and cancelled_at is null").param("s", UUID.fromString(slotId))
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyTheWhitelistedParametersAreAcceptedAndTheCountIsCapped() throws Exception {
		Setup s = setup();
		HttpClient http = HttpClient.newHttpClient();
		for (String refused : List.of("/fhir/Practitioner?_has:PractitionerRole:practitioner:role=10", "/fhir/PractitionerRole?practitioner.name=Foret",
				"/fhir/Slot?start=ge2030-01-01&start=le2030-01-02&schedule.actor:Practitioner.name=Foret", "/fhir/Practitioner?birthdate=1970",
				"/fhir/Slot?start=ge2030-01-01&start=le2030-01-02&schedule=Schedule/" + s.gp() + "&_has:Appointment:slot:status=booked")) {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + refused))
				.header("Authorization", "Bearer " + s.regulatorToken()).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(refused + " → " + r.body()).isEqualTo(400);
			assertThat(r.body()).contains("OperationOutcome").contains("Requête refusée");
		}
		// JSON and XML only: Turtle, by parameter or by Accept, is refused with a French OperationOutcome
		for (var turtle : List.of(Map.entry("/fhir/Practitioner?name=a&_format=ttl", "application/fhir+json"),
				Map.entry("/fhir/Practitioner?name=a", "text/turtle"))) {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + turtle.getKey()))
				.header("Authorization", "Bearer " + s.regulatorToken()).header("Accept", turtle.getValue()).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(turtle + " → " + r.body()).isEqualTo(406);
			assertThat(r.body()).contains("OperationOutcome").contains("Formats servis");
		}
		HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/Practitioner?name=a&_format=xml"))
			.header("Authorization", "Bearer " + s.regulatorToken()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(xml.statusCode()).isEqualTo(200);
		assertThat(xml.body()).startsWith("<Bundle");
		HttpResponse<String> unauthenticated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/Practitioner?name=a")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unauthenticated.statusCode()).isEqualTo(401);
		assertThat(unauthenticated.body()).contains("OperationOutcome");
		HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/metadata")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metadata.statusCode()).isEqualTo(200);
		Bundle many = FhirSupport.client(port, s.regulatorToken()).search().forResource(Practitioner.class).count(1000).returnBundle(Bundle.class).execute();
		assertThat(many.getEntry()).hasSizeLessThanOrEqualTo(100);
		// an offset inside a page starts at that page (the directory pages by number), and the bundle links say where it is
		IGenericClient client = FhirSupport.client(port, s.regulatorToken());
		Bundle inside = client.search().byUrl("Practitioner?_count=2&_offset=3").returnBundle(Bundle.class).execute();
		Bundle page = client.search().byUrl("Practitioner?_count=2&_offset=2").returnBundle(Bundle.class).execute();
		assertThat(inside.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactlyElementsOf(page.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
		assertThat(inside.getLink("next").getUrl()).contains("_offset=4");
	}
}
