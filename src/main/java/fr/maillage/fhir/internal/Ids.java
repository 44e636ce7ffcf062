package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.jspecify.annotations.Nullable;

/** Our resource ids are UUIDs; national identifiers arrive as tokens. */
final class Ids {

	private Ids() {
	}

	/** The UUID of a resource id; anything else is a resource that does not exist. */
	static UUID uuid(IIdType id) {
		UUID found = uuidOrNull(id.getIdPart());
		if (found == null) {
			throw notFound(id);
		}
		return found;
	}

	static @Nullable UUID uuidOrNull(@Nullable String text) {
		if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			return null;
		}
		return UUID.fromString(text);
	}

	static ResourceNotFoundException notFound(IIdType id) {
		return new ResourceNotFoundException(id.getResourceType() + "/" + id.getIdPart());
	}

	/**
	 * The national ids these tokens name: under the national system (or none) as they are ("8" +
	 * RPPS, "0" + ADELI), under the RPPS system the RPPS number prefixed with 8.
	 */
	static Set<String> nationalIds(TokenOrListParam tokens) {
		Set<String> ids = new LinkedHashSet<>();
		for (TokenParam t : tokens.getValuesAsQueryTokens()) {
			String id = nationalId(t.getSystem(), t.getValue());
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** The token a chain to {@code identifier} carries ("system|value" or a bare value), added to {@code into}. */
	static void addToken(ca.uhn.fhir.rest.param.ReferenceParam chained, TokenOrListParam into) {
		String[] token = chained.getValue().split("\\|", 2);
		into.add(token.length == 2 ? token[0] : null, token.length == 2 ? token[1] : token[0]);
	}

	static @Nullable String nationalId(@Nullable String system, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		if (Systems.RPPS.equals(system)) {
			return v.matches("\\d{11}") ? "8" + v : null;
		}
		if (system == null || system.isEmpty() || Systems.IDNPS.equals(system)) {
			return v;
		}
		return null;
	}
}
