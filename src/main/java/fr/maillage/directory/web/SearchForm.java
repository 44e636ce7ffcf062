package fr.maillage.directory.web;

import fr.maillage.directory.DirectorySearch;
import org.jspecify.annotations.Nullable;

/**
 * The directory's search criteria as they arrive in a page's query string, shared by the search,
 * its exports and the coordinator's bulk actions so that all of them act on the same people.
 * {@code view} is "cartes" for cards, anything else for the table.
 */
public record SearchForm(@Nullable String q, @Nullable String profession, @Nullable String skill, @Nullable String structure,
		@Nullable String commune, @Nullable String near, @Nullable Double radiusKm, @Nullable String view) {

	public DirectorySearch.Query query(int page, int size) {
		return new DirectorySearch.Query(q, profession, skill, structure, commune, near, radiusKm, page, size);
	}

	/** The same search with the communes as the reference knows them. */
	public SearchForm withCommunes(@Nullable String communeCode, @Nullable String nearCode) {
		return new SearchForm(q, profession, skill, structure, communeCode, nearCode, radiusKm, view);
	}

	public boolean cards() {
		return "cartes".equals(view);
	}

	/** The results as a map: how many practitioners in each commune. */
	public boolean map() {
		return "carte".equals(view);
	}
}
