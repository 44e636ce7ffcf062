package fr.maillage.reference;

/** Resolves lists of communes typed by people (see {@link ListResolution}). */
public interface CommuneListResolver {

	/** Largest list accepted in one go, in lines. */
	int MAX_LINES = 20_000;

	ListResolution resolve(String text);
}
