package fr.maillage.notifications;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where users are reached besides their account's e-mail, supplied by the module that knows
 * (the directory: the MSSanté address and mobile of the professional an account is linked to).
 * Asked for many users at once (an announcement to a region): one query, not one per user.
 */
public interface ContactPoints {

	/** Secure health messaging addresses to prefer over the accounts' e-mails, by user. */
	Map<UUID, String> mssante(Collection<UUID> userIds);

	/** Those of these addresses that are known as MSSanté addresses, in lower case. */
	Set<String> mssanteAmong(Collection<String> addresses);

	/** Mobile numbers for urgent alerts by SMS, by user. */
	Map<UUID, String> mobiles(Collection<UUID> userIds);
}
