package fr.maillage.fhir.internal;

import fr.maillage.pathways.Enrolments;
import fr.maillage.patients.Identity;
import fr.maillage.platform.Messages;
import java.sql.Date;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A patient's pathway in FHIR: the enrolment is a CarePlan (its circle a contained CareTeam, its
 * steps Tasks), each step a Task for the patient, based on the plan. The patient carries what the
 * circle needs to reach them; the NIR, not a qualified INS here, is never sent.
 */
@Component
class PathwayResources {

	private final Messages messages;

	PathwayResources(Messages messages) {
		this.messages = messages;
	}

	Patient patient(fr.maillage.patients.Patient p) {
		Patient r = new Patient();
		r.setId(p.id().toString());
		Identity i = p.identity();
		HumanName official = r.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(i.birthName());
		if (i.firstNames() != null) {
			for (String given : i.firstNames().strip().split("\\s+")) {
				official.addGiven(given);
			}
		}
		if (i.usedName() != null && !i.usedName().isBlank()) {
			r.addName().setUse(HumanName.NameUse.USUAL).setFamily(i.usedName());
		}
		if (i.birthDate() != null) {
			r.setBirthDate(Date.valueOf(i.birthDate()));
		}
		r.setGender(i.sex() == null ? Enumerations.AdministrativeGender.UNKNOWN : switch (i.sex()) {
			case "F" -> Enumerations.AdministrativeGender.FEMALE;
			case "M" -> Enumerations.AdministrativeGender.MALE;
			default -> Enumerations.AdministrativeGender.OTHER;
		});
		if (p.contact().phone() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.contact().phone());
		}
		if (p.contact().email() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.contact().email());
		}
		if (p.contact().address() != null) {
			r.addAddress(new Address().setUse(Address.AddressUse.HOME).addLine(p.contact().address()).setCountry("FR"));
		}
		return r;
	}

	CarePlan carePlan(Enrolments.Enrolment e) {
		CarePlan c = new CarePlan();
		c.setId(e.id().toString());
		c.setStatus("ACTIVE".equals(e.status()) ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.COMPLETED);
		c.setIntent(CarePlan.CarePlanIntent.PLAN);
		c.setTitle(e.templateName());
		c.setSubject(new Reference("Patient/" + e.patientId()).setDisplay(e.patientName()));
		c.setPeriod(new Period().setStart(Date.valueOf(e.startDate())).setEnd(Date.valueOf(e.horizon())));
		CareTeam team = new CareTeam();
		team.setId("cercle");
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.setName(messages.get("fhir.careplan.circle"));
		team.setSubject(new Reference("Patient/" + e.patientId()));
		for (Enrolments.Member m : e.circle()) {
			String ref = m.practitionerId() != null ? "Practitioner/" + m.practitionerId() : "Organization/" + m.organizationId();
			team.addParticipant().setMember(new Reference(ref).setDisplay(m.label()))
				.addRole(new CodeableConcept().setText(messages.get(m.role().labelKey())));
		}
		c.addContained(team);
		c.addCareTeam(new Reference("#cercle"));
		for (Enrolments.Step s : e.steps()) {
			c.addActivity().setReference(new Reference("Task/" + s.id()).setDisplay(s.title()));
		}
		return c;
	}

	Task task(Enrolments.Enrolment e, Enrolments.Step s) {
		Task t = new Task();
		t.setId(s.id().toString());
		t.setStatus(switch (s.status()) {
			case DUE, OVERDUE -> Task.TaskStatus.REQUESTED;
			case DONE -> Task.TaskStatus.COMPLETED;
			case CANCELLED -> Task.TaskStatus.CANCELLED;
		});
		if (s.status() == Enrolments.Status.OVERDUE) {
			t.setBusinessStatus(new CodeableConcept().setText(messages.get("fhir.task.overdue")));
		}
		t.setIntent(Task.TaskIntent.PLAN);
		t.setPriority(Task.TaskPriority.ROUTINE);
		t.setDescription(s.title());
		t.setCode(new CodeableConcept().setText(s.title()));
		t.setFor(new Reference("Patient/" + e.patientId()).setDisplay(e.patientName()));
		t.addBasedOn(new Reference("CarePlan/" + e.id()).setDisplay(e.templateName()));
		t.setAuthoredOn(Date.valueOf(e.startDate()));
		t.getRestriction().setPeriod(new Period().setEnd(Date.valueOf(s.dueDate().plusDays(s.graceDays()))));
		t.addPerformerType(new CodeableConcept().setText(messages.get(s.role().labelKey())));
		LocalDate done = s.doneDate();
		if (done != null) {
			t.setExecutionPeriod(new Period().setEnd(Date.valueOf(done)));
		}
		@Nullable String note = s.doneNote();
		if (note != null && !note.isBlank()) {
			t.addNote().setText(note);
		}
		return t;
	}
}
