package fr.maillage.messaging;

import java.util.Set;
import java.util.UUID;

/**
 * Supplies the participants of the conversations of one kind, from what another module owns:
 * the pathways module answers with a patient's care circle, the association module with the
 * members of a body. Asked at every access, so leaving the circle removes access at once.
 */
public interface ParticipantSource {

	/** The conversation kind this source answers for (e.g. "pathway-circle"). */
	String kind();

	/** The users who take part today in the conversation known to the source as {@code ref}. */
	Set<UUID> participants(String ref);

	/** Whether its conversations are about a patient (a care circle's): then their notices leave with content only through MSSanté. */
	default boolean aboutPatients() {
		return false;
	}
}
