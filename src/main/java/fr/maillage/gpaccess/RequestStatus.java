package fr.maillage.gpaccess;

/**
 * Where a request stands: waiting (new, or re-queued after a refusal), proposed to a GP, accepted
 * by the GP, médecin traitant declared (the end), or withdrawn (found elsewhere, moved away…).
 */
public enum RequestStatus {
	PENDING, PROPOSED, ACCEPTED, DECLARED, WITHDRAWN;

	public String labelKey() {
		return "gpaccess.status." + name();
	}
}
