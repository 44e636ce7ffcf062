package fr.maillage.fhir.internal;

import fr.maillage.unscheduledcare.Bookings;
import fr.maillage.unscheduledcare.Professions;
import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Unscheduled care as the SAS platform reads it (guide "Service d'accès aux soins", CPTS case): an
 * owner's agenda is a Schedule (its id is the professional's or the structure's), each slot a Slot
 * of type CPTS and SNP pointing to the CPTS's unscheduled-care service, a booking an Appointment.
 */
@Component
class SlotResources {

	private final String baseUrl;

	SlotResources(@Value("${maillage.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	Schedule schedule(java.util.UUID owner, boolean practitioner, String label) {
		Schedule s = new Schedule();
		s.setId(owner.toString());
		s.getMeta().addProfile(Systems.SAS_SCHEDULE);
		s.setActive(true);
		s.addActor(new Reference((practitioner ? "Practitioner/" : "HealthcareService/") + owner).setDisplay(label));
		return s;
	}

	Slot slot(Bookings.Slot s, boolean withdrawn) {
		Slot r = new Slot();
		r.setId(s.id().toString());
		r.getMeta().addProfile(Systems.SAS_SLOT);
		r.getMeta().addSecurity(new Coding(Systems.SLOT_TYPE, "CPTS", "Créneau accessible par une structure de type CPTS"));
		r.getMeta().addSecurity(new Coding(Systems.SLOT_TYPE, "SNP", "Créneau accessible par les régulateurs et OSNP"));
		r.setSchedule(new Reference("Schedule/" + owner(s)));
		r.setStatus(withdrawn ? Slot.SlotStatus.BUSYUNAVAILABLE : s.booked() ? Slot.SlotStatus.BUSY : Slot.SlotStatus.FREE);
		r.setStart(Date.from(s.startsAt()));
		r.setEnd(Date.from(s.endsAt()));
		r.addServiceType(new CodeableConcept(switch (s.kind()) {
			case CABINET -> new Coding(Systems.ACT_CODE, "AMB", "ambulatory");
			case DOMICILE -> new Coding(Systems.ACT_CODE, "HH", "home health");
			case TELECONSULTATION -> new Coding(Systems.ACT_CODE, "VR", "virtual");
		}));
		CodeableConcept cpts = new CodeableConcept(new Coding(Systems.ESTABLISHMENT_CATEGORY, Systems.CPTS_CATEGORY, null));
		cpts.addExtension(new Extension(Systems.SLOT_SERVICE_TYPE_R5, new Reference("HealthcareService/" + s.cptsId())));
		r.addServiceType(cpts);
		String profession = Professions.LABELS.getOrDefault(s.professionCode(), s.professionCode());
		r.addSpecialty(DirectoryResources.concept(Systems.PROFESSION, s.professionCode(), profession));
		r.setAppointmentType(new CodeableConcept(new Coding(Systems.APPOINTMENT_REASON, "ROUTINE", "Routine appointment")));
		r.setComment(baseUrl + "/soins-non-programmes/creneaux/" + s.id() + "/reserver");
		return r;
	}

	static java.util.UUID owner(Bookings.Slot s) {
		return s.practitionerId() != null ? s.practitionerId() : java.util.Objects.requireNonNull(s.organizationId());
	}

	/** A booking with its patient contained (the minimum the slot's owner needs), for those who may see it. */
	Appointment appointment(Bookings.Booking b) {
		Appointment a = new Appointment();
		a.setId(b.id().toString());
		a.addIdentifier().setSystem(Systems.BOOKING).setValue(b.id().toString());
		a.setStatus(b.cancelledAt() == null ? Appointment.AppointmentStatus.BOOKED : Appointment.AppointmentStatus.CANCELLED);
		a.setStart(Date.from(b.slot().startsAt()));
		a.setEnd(Date.from(b.slot().endsAt()));
		a.setCreated(Date.from(b.bookedAt()));
		a.addSlot(new Reference("Slot/" + b.slot().id()));
		a.setDescription(b.reason());
		if (b.cancelReason() != null) {
			a.setCancelationReason(new CodeableConcept().setText(b.cancelReason()));
		}
		Patient p = new Patient();
		p.setId("patient");
		p.addName().setText(b.patientName());
		p.setBirthDate(java.sql.Date.valueOf(b.patientBirthDate()));
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(b.patientPhone());
		a.addContained(p);
		a.addParticipant().setActor(new Reference("#patient").setDisplay(b.patientName()))
			.setStatus(Appointment.ParticipationStatus.ACCEPTED).setRequired(Appointment.ParticipantRequired.REQUIRED);
		String owner = b.slot().practitionerId() != null ? "Practitioner/" + b.slot().practitionerId() : "HealthcareService/" + owner(b.slot());
		a.addParticipant().setActor(new Reference(owner).setDisplay(b.slot().ownerLabel()))
			.setStatus(Appointment.ParticipationStatus.ACCEPTED).setRequired(Appointment.ParticipantRequired.REQUIRED);
		return a;
	}
}
