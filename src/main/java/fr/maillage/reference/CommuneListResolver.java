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
}
