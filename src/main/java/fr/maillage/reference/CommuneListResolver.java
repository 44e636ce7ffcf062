package fr.maillage.reference;

/** Resolves lists of communes typed by people (see {@link ListResolution}). */
public interface CommuneListResolver {

	/** Largest list accepted in one go, in lines. */
	int MAX_LINES = 20_000;

	ListResolution resolve(String text);

	/**
	 * One commune typed in a form field: an INSEE code, or a name (or postcode) that resolves to a
	 * single commune without doubt. Empty when unknown or ambiguous.
	 */
	default java.util.Optional<Commune> resolveOne(String typed) {
		var line = resolve(typed.strip()).lines().stream().findFirst();
		return line.filter(l -> l.status() == ListResolution.Status.RESOLVED).map(l -> l.match().commune());
	}

	/**
	 * The INSEE code of the commune typed in a form field, or what was typed when it does not
	 * resolve (the form's check then reports it as unknown, with the person's own words); null when
	 * nothing was typed.
	 */
	default @org.jspecify.annotations.Nullable String codeOrTyped(@org.jspecify.annotations.Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return resolveOne(typed.strip()).map(Commune::inseeCode).orElse(typed.strip());
	}
}
