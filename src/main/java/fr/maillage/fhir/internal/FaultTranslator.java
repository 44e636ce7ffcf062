package fr.maillage.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.unscheduledcare.Bookings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Every error leaves as an OperationOutcome in French: a refused form by field (the FHIR path of the
 * field named), what the caller may not see as "not found", a taken slot as 409, HAPI's own
 * refusals (an unknown parameter, a chain not allowed) with a French lead.
 */
@Component
@Interceptor
class FaultTranslator {

	/** Where a booking form's fields sit in an Appointment. */
	private static final Map<String, String> PATHS = Map.of("patientName", "Appointment.contained.ofType(Patient).name",
			"patientBirthDate", "Appointment.contained.ofType(Patient).birthDate", "patientPhone", "Appointment.contained.ofType(Patient).telecom",
			"patient", "Appointment.contained", "reason", "Appointment.description", "slot", "Appointment.slot", "status", "Appointment.status",
			"start", "Slot.start", "schedule", "Slot.schedule");

	private final Messages messages;

	FaultTranslator(Messages messages) {
		this.messages = messages;
	}

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public @Nullable BaseServerResponseException translate(RequestDetails request, Throwable thrown, HttpServletRequest servletRequest,
			HttpServletResponse servletResponse) {
		Throwable t = known(thrown);
		if (t instanceof Problems.RejectedException rejected) {
			OperationOutcome outcome = new OperationOutcome();
			for (Problems.Problem p : rejected.problems().all()) {
				var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
					.setDiagnostics(messages.get(p));
				issue.addExpression(PATHS.getOrDefault(p.field(), p.field()));
			}
			return new UnprocessableEntityException(messages.get("fhir.error.invalid"), outcome);
		}
		if (t instanceof Bookings.SlotTakenException) {
			return conflict(messages.get("snp.booking.taken"));
		}
		if (t instanceof NotFoundException) {
			return notFound(messages.get("fhir.error.notFound"));
		}
		if (t instanceof AccessDeniedException) {
			return new ForbiddenOperationException(messages.get("error.forbidden"), outcome(OperationOutcome.IssueType.FORBIDDEN, messages.get("error.forbidden")));
		}
		if (t instanceof ResourceNotFoundException r) {
			return notFound(messages.get("fhir.error.notFound") + " (" + r.getMessage() + ")");
		}
		if (t instanceof InvalidRequestException r) {
			return new InvalidRequestException(messages.get("fhir.error.badRequest") + " " + r.getMessage(),
					outcome(OperationOutcome.IssueType.INVALID, messages.get("fhir.error.badRequest") + " " + r.getMessage()));
		}
		return null;
	}

	/** Our own exception under HAPI's wrappers (an invoked provider method), or the thrown one. */
	private static Throwable known(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof Problems.RejectedException || t instanceof Bookings.SlotTakenException || t instanceof NotFoundException
					|| t instanceof AccessDeniedException) {
				return t;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return thrown;
	}

	private ResourceNotFoundException notFound(String message) {
		return new ResourceNotFoundException(message, outcome(OperationOutcome.IssueType.NOTFOUND, message));
	}

	private static ResourceVersionConflictException conflict(String message) {
		return new ResourceVersionConflictException(message, outcome(OperationOutcome.IssueType.CONFLICT, message));
	}

	private static OperationOutcome outcome(OperationOutcome.IssueType type, String message) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
		return outcome;
	}
}
