package fr.maillage.gpaccess;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One dated step in a request's history. */
public record RequestEvent(Instant at, String kind, @Nullable String practitionerName, @Nullable String actorName, @Nullable String note) {

	public String labelKey() {
		return "gpaccess.event." + kind;
	}
}
