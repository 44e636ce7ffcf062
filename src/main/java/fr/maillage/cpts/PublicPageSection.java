package fr.maillage.cpts;

import java.util.Map;

/**
 * A section other modules add to the public page of a CPTS (the directory's public structures,
 * later on-call duty, prevention events). Implementations must only show what is public.
 */
public interface PublicPageSection {

	/** Sections appear in this order, lowest first. */
	int order();

	/** A Thymeleaf fragment, as "template :: fragment". */
	String fragment();

	/** What the fragment needs, or an empty map to leave the section out. */
	Map<String, Object> model(Cpts cpts, Territory territory);
}
