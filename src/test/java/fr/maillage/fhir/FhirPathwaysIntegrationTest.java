package fr.maillage.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient's pathway through the FHIR API: the circle reads the patient, the plan and its steps
 * (every read audited, every resource valid); a member of the same CPTS outside the circle gets
 * 404 for each and finds nothing by searching; no search by name exists.
 */
@IntegrationTest
class FhirPathwaysIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void theCircleReadsThePathwayAndAnyoneElseGetsNothing() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070", "04112"));
		People.Person gp = People.invite(admin, cpts, "MEMBER");
		Gps.link(jdbc, accounts.userIdByEmail(gp.email()).orElseThrow(), Gps.create(jdbc, "Généraliste " + TestData.unique(""), "04112", "Manosque"));
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		UUID nurseId = Gps.practitioner(jdbc, "Infirmière " + TestData.unique(""), "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(nurse.email()).orElseThrow(), nurseId);
		People.Person outsider = People.invite(admin, cpts, "MEMBER");
		Gps.link(jdbc, accounts.userIdByEmail(outsider.email()).orElseThrow(),
				Gps.practitioner(jdbc, "Pharmacien " + TestData.unique(""), "21", "Pharmacien", "", "04112", "Manosque"));
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		String template = coordinator.post("/api/v1/cpts/" + cpts + "/pathway-templates/examples", Map.of()).json().valueStream()
			.filter(n -> n.get("name").asString().startsWith("Sortie")).findFirst().orElseThrow().get("id").asString();
		String birthName = "ARNAUD" + TestData.unique("").toUpperCase().replace("-", "");
		Map<String, Object> p = new HashMap<>(Map.of("cptsId", cpts, "templateId", template, "startDate", LocalDate.now().toString(),
				"birthName", birthName, "firstNames", "Lucienne Marie", "birthDate", "1941-03-09", "sex", "F", "communeCode", "04112"));
		p.putAll(Map.of("phone", "06 00 00 00 01", "consentHow", "ORAL", "consent", true, "circle", List.of(Map.of("practitionerId", nurseId.toString()))));
		Api.Response enrolled = new Api(port, People.token(port, gp)).post("/api/v1/pathway-enrolments", p);
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String enrolment = enrolled.json().get("id").asString();

		IGenericClient circle = FhirSupport.client(port, People.token(port, nurse));
		Bundle mine = FhirSupport.valid(circle.search().forResource(CarePlan.class).include(CarePlan.INCLUDE_SUBJECT).returnBundle(Bundle.class).execute());
		assertThat(mine.getTotal()).isEqualTo(1);
		CarePlan plan = (CarePlan) mine.getEntryFirstRep().getResource();
		assertThat(plan.getIdPart()).isEqualTo(enrolment);
		assertThat(plan.getTitle()).startsWith("Sortie");
		assertThat(mine.getEntry()).anyMatch(e -> e.getResource() instanceof Patient && e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
		String patientId = plan.getSubject().getReferenceElement().getIdPart();
		Patient patient = FhirSupport.valid(circle.read().resource(Patient.class).withId(patientId).execute());
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(birthName);
		assertThat(patient.getIdentifier()).as("no NIR leaves").isEmpty();
		FhirSupport.valid(circle.read().resource(CarePlan.class).withId(enrolment).execute());
		Bundle steps = FhirSupport.valid(circle.search().forResource(Task.class).where(Task.BASED_ON.hasId("CarePlan/" + enrolment))
			.returnBundle(Bundle.class).execute());
		assertThat(steps.getEntry()).hasSize(plan.getActivity().size()).isNotEmpty();
		Task step = FhirSupport.valid(circle.read().resource(Task.class).withId(steps.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute());
		assertThat(step.getFor().getReference()).isEqualTo("Patient/" + patientId);
		assertThat(FhirSupport.valid(circle.search().forResource(Task.class).where(Task.PATIENT.hasId("Patient/" + patientId)).returnBundle(Bundle.class)
			.execute()).getEntry()).hasSameSizeAs(steps.getEntry());
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from audit_event where action = 'patient.read' and subject_id = :p and details like '%API FHIR%'").param("p", patientId)
			.query(Long.class).single()).isGreaterThanOrEqualTo(2));

		// outside the circle, in the same CPTS: nothing exists
		IGenericClient other = FhirSupport.client(port, People.token(port, outsider));
		assertThatThrownBy(() -> other.read().resource(Patient.class).withId(patientId).execute()).isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> other.read().resource(CarePlan.class).withId(enrolment).execute()).isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> other.read().resource(Task.class).withId(step.getIdPart()).execute()).isInstanceOf(ResourceNotFoundException.class);
		assertThat(other.search().forResource(CarePlan.class).returnBundle(Bundle.class).execute().getTotal()).isZero();
		assertThat(other.search().forResource(CarePlan.class).where(CarePlan.PATIENT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute()
			.getTotal()).isZero();
		assertThat(other.search().forResource(Task.class).where(Task.PATIENT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute()
			.getEntry()).isEmpty();
		assertThatThrownBy(() -> other.search().forResource(Patient.class).where(Patient.NAME.matches().value(birthName)).returnBundle(Bundle.class)
			.execute()).as("no search by name, in or out of a circle").isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> circle.search().forResource(Patient.class).where(Patient.NAME.matches().value(birthName)).returnBundle(Bundle.class)
			.execute()).isInstanceOf(InvalidRequestException.class);
	}
}
