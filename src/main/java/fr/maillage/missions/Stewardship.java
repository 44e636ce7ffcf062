package fr.maillage.missions;

import java.util.UUID;

/**
 * Who, beyond the coordinators, steers the contract: the association says (a current mandate in its
 * bureau or council). A contribution, so that this module never depends on the association's.
 */
public interface Stewardship {

	boolean stewards(UUID userId, UUID cptsId);
}
