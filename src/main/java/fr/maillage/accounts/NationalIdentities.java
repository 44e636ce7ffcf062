package fr.maillage.accounts;

import java.util.Optional;
import java.util.UUID;

/**
 * Who holds an account for a professional's national id ("8" + RPPS): what a Pro Santé Connect
 * login needs. The directory, which owns the links between accounts and professionals, answers.
 */
public interface NationalIdentities {

	/** The account linked (actively) to the professional with this national id, if any. */
	Optional<UUID> accountOf(String nationalId);

	/** Whether the directory has a professional with this national id (to link an account to). */
	boolean known(String nationalId);

	/** Links the account to the professional with this national id, actively: PSC vouched for it. */
	void link(UUID userId, String nationalId);
}
