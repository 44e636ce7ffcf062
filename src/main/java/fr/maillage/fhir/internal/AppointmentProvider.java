package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.platform.Problems;
import fr.maillage.unscheduledcare.Bookings;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A booking made by a regulator (the SAS) on a slot: one slot, the patient contained with the
 * minimum the owner needs (name, birth date, phone), the reason. The application's guarantee holds:
 * one booking per slot, a second one answers 409. The regulation is what stands for the patient's
 * agreement the application's form asks for. Read by the booker, the slot's owner and the
 * coordinators, audited as in the application.
 */
@Component
class AppointmentProvider implements IResourceProvider {

	private final Bookings bookings;
	private final SlotResources resources;

	AppointmentProvider(Bookings bookings, SlotResources resources) {
		this.bookings = bookings;
		this.resources = resources;
	}

	@Override
	public Class<Appointment> getResourceType() {
		return Appointment.class;
	}

	@Read
	public Appointment read(@IdParam IdType id) {
		return resources.appointment(bookings.get(Ids.uuid(id)));
	}

	@Create
	public MethodOutcome create(@ResourceParam Appointment appointment) {
		Problems problems = new Problems();
		if (appointment.getStatus() != null && appointment.getStatus() != Appointment.AppointmentStatus.BOOKED
				&& appointment.getStatus() != Appointment.AppointmentStatus.PROPOSED) {
			problems.reject("status", "fhir.appointment.status");
		}
		UUID slot = null;
		if (appointment.getSlot().size() != 1) {
			problems.reject("slot", "fhir.appointment.slot.one");
		} else {
			Reference ref = appointment.getSlotFirstRep();
			slot = "Slot".equals(ref.getReferenceElement().getResourceType()) ? Ids.uuidOrNull(ref.getReferenceElement().getIdPart()) : null;
			if (slot == null) {
				problems.reject("slot", "fhir.appointment.slot.unknown");
			}
		}
		Patient patient = patient(appointment);
		if (patient == null) {
			problems.reject("patient", "fhir.appointment.patient");
		}
		problems.throwIfAny();
		String reason = appointment.hasDescription() ? appointment.getDescription()
				: appointment.getReasonCode().stream().map(c -> c.getText()).filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
		String phone = patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE).map(ContactPoint::getValue)
			.findFirst().orElse(null);
		LocalDate birth = patient.hasBirthDate() && patient.getBirthDateElement().getValueAsString().length() == 10
				? LocalDate.parse(patient.getBirthDateElement().getValueAsString()) : null;
		Bookings.Booking booking = bookings.book(slot, new Bookings.BookingForm(name(patient), birth, phone, reason, true));
		MethodOutcome outcome = new MethodOutcome(new IdType("Appointment", booking.id().toString()), true);
		outcome.setResource(resources.appointment(booking));
		return outcome;
	}

	/** The patient the participants point to, contained in the appointment. */
	private static @Nullable Patient patient(Appointment appointment) {
		for (Resource r : appointment.getContained()) {
			if (r instanceof Patient p) {
				return p;
			}
		}
		return null;
	}

	private static @Nullable String name(Patient p) {
		if (p.getName().isEmpty()) {
			return null;
		}
		var n = p.getNameFirstRep();
		if (n.hasText()) {
			return n.getText();
		}
		String given = String.join(" ", n.getGiven().stream().map(g -> g.getValue()).toList());
		String full = (given + " " + (n.getFamily() == null ? "" : n.getFamily())).strip();
		return full.isEmpty() ? null : full;
	}
}
