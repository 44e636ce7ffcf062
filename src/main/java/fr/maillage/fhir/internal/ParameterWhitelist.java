package fr.maillage.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.maillage.platform.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * HAPI matches a search to a provider by its named parameters but lets the "_" ones through: only
 * those we honour pass ({@code _has}, {@code _filter}, {@code _sort}… are refused, they would read
 * across what the caller may see or cost what we do not promise). Named parameters and chains are
 * whitelisted by the providers' own declarations. The refusal is written here (a hook that throws
 * is logged by HAPI as an error, and a caller's mistake is not one).
 */
@Component
@Interceptor
class ParameterWhitelist {

	static final Set<String> ALLOWED = Set.of("_count", "_offset", "_include", "_include:iterate", "_format", "_pretty");

	private final Messages messages;

	ParameterWhitelist(Messages messages) {
		this.messages = messages;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request, HttpServletRequest servletRequest, HttpServletResponse response) throws IOException {
		for (String name : request.getParameters().keySet()) {
			if (name.startsWith("_") && !ALLOWED.contains(name)) {
				OperationOutcome outcome = new OperationOutcome();
				outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.NOTSUPPORTED)
					.setDiagnostics(messages.get("fhir.error.badRequest") + " " + messages.get("fhir.error.parameter", name,
							String.join(", ", ALLOWED.stream().sorted().toList())));
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				response.setContentType("application/fhir+json");
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
				return false;
			}
		}
		return true;
	}
}
