package fr.maillage.notifications;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who an announcement can be sent to. The notifications module offers "all the members of the
 * CPTS"; other modules add theirs (the directory: a profession, communes, the territory's
 * professionals who are not members; later a governance body, the circles of a pathway).
 */
public interface Audience {

	/** A recipient: an account, or an e-mail address alone for people without one. */
	record Recipient(@Nullable UUID userId, @Nullable String email, String label) {
	}

	/** Stable code, e.g. "members". */
	String code();

	/** Message key of its name in the form. */
	String labelKey();

	/** Message key of the help for its parameter, or null when it takes none. */
	@Nullable String parameterKey();

	/** How the dashboard names it, once resolved (e.g. "Infirmiers de la CPTS"). */
	String describe(UUID cptsId, @Nullable String parameter);

	/** The recipients, each once. Called by a coordinator of the CPTS, in their transaction. */
	List<Recipient> resolve(UUID cptsId, @Nullable String parameter);
}
