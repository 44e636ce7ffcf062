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
 * is logged by HAPI as an error, and a caller's mistake is not one). Answers come in JSON or XML:
 * a request for another format (Turtle) is refused with 406.
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
				return refuse(response, HttpServletResponse.SC_BAD_REQUEST, OperationOutcome.IssueType.NOTSUPPORTED,
						messages.get("fhir.error.badRequest") + " " + messages.get("fhir.error.parameter", name,
								String.join(", ", ALLOWED.stream().sorted().toList())));
			}
		}
		// JSON and XML only: the RDF (Turtle) writer is not shipped
		String[] formats = request.getParameters().get("_format");
		String asked = formats != null && formats.length > 0 ? formats[0] : null;
		String accept = servletRequest.getHeader("Accept");
		if (asked != null ? rdf(asked) : accept != null && rdf(accept) && !served(accept)) {
			return refuse(response, HttpServletResponse.SC_NOT_ACCEPTABLE, OperationOutcome.IssueType.NOTSUPPORTED,
					messages.get("fhir.error.format", asked != null ? asked : accept));
		}
		return true;
	}

	private static boolean rdf(String format) {
		String f = format.toLowerCase(java.util.Locale.ROOT);
		return f.contains("ttl") || f.contains("turtle") || f.contains("rdf") || f.contains("triples");
	}

	private static boolean served(String format) {
		String f = format.toLowerCase(java.util.Locale.ROOT);
		return f.contains("json") || f.contains("xml") || f.contains("html");
	}

	private boolean refuse(HttpServletResponse response, int status, OperationOutcome.IssueType type, String diagnostics) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		response.setStatus(status);
		response.setContentType("application/fhir+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
		return false;
	}
}
