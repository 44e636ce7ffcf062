package fr.maillage.notifications;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a user is reached besides their account's e-mail, supplied by the module that knows
 * (the directory: the MSSanté address and mobile of the professional an account is linked to).
 */
public interface ContactPoints {

	/** A secure health messaging address to prefer over the account's e-mail. */
	Optional<String> mssante(UUID userId);

	/** A mobile number for urgent alerts by SMS. */
	Optional<String> mobile(UUID userId);
}
