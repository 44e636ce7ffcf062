package fr.maillage.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * HAPI matches a search to a provider by its named parameters but lets the "_" ones through: only
 * those we honour pass ({@code _has}, {@code _filter}, {@code _sort}… are refused, they would read
 * across what the caller may see or cost what we do not promise). Named parameters and chains are
 * whitelisted by the providers' own declarations.
 */
@Component
@Interceptor
class ParameterWhitelist {

	static final Set<String> ALLOWED = Set.of("_count", "_offset", "_include", "_include:iterate", "_format", "_pretty");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request) {
		for (String name : request.getParameters().keySet()) {
			if (name.startsWith("_") && !ALLOWED.contains(name)) {
				throw new InvalidRequestException("paramètre " + name + " non pris en charge (acceptés : " + String.join(", ", ALLOWED.stream().sorted().toList()) + ")");
			}
		}
		return true;
	}
}
