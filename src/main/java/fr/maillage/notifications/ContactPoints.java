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

	/** The MSSanté addresses of many users at once (an announcement to a region); override with one query. */
	default java.util.Map<UUID, String> mssante(java.util.Collection<UUID> userIds) {
		java.util.Map<UUID, String> out = new java.util.HashMap<>();
		userIds.forEach(id -> mssante(id).ifPresent(a -> out.put(id, a)));
		return out;
	}

	/** The mobile numbers of many users at once; override with one query. */
	default java.util.Map<UUID, String> mobiles(java.util.Collection<UUID> userIds) {
		java.util.Map<UUID, String> out = new java.util.HashMap<>();
		userIds.forEach(id -> mobile(id).ifPresent(a -> out.put(id, a)));
		return out;
	}
}
