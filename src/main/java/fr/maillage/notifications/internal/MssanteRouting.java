package fr.maillage.notifications.internal;

import fr.maillage.platform.MssanteTransport;

import fr.maillage.accounts.Accounts;
import fr.maillage.notifications.ContactPoints;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which way each e-mail goes. With the MSSanté transport configured, a user whose professional in
 * the directory has an MSSanté address is written to there, through MSSanté; everyone else at
 * their account's address, through the ordinary SMTP server. Only the first route may carry a
 * patient's information.
 */
@Component
public class MssanteRouting {

	/** Where a user's e-mails go, and whether that way is MSSanté. */
	public record Route(String address, boolean secure) {
	}

	private final MssanteTransport transport;
	private final List<ContactPoints> contactPoints;
	private final Accounts accounts;

	MssanteRouting(MssanteTransport transport, List<ContactPoints> contactPoints, Accounts accounts) {
		this.transport = transport;
		this.contactPoints = contactPoints;
		this.accounts = accounts;
	}

	public boolean available() {
		return transport.configured();
	}

	/** The route of each user's e-mails (users without any address are absent). */
	public Map<UUID, Route> of(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Route> out = new HashMap<>();
		accounts.deliveryAddresses(userIds).forEach((user, address) -> out.put(user, new Route(address, false)));
		if (transport.configured()) {
			contactPoints.forEach(c -> c.mssante(userIds).forEach((user, address) -> out.put(user, new Route(address, true))));
		}
		return out;
	}

	/** Those of these addresses that MSSanté reaches now (the transport is configured and the directory knows them as MSSanté), in lower case. */
	public Set<String> secure(Collection<String> addresses) {
		if (!transport.configured() || addresses.isEmpty()) {
			return Set.of();
		}
		Set<String> out = new HashSet<>();
		contactPoints.forEach(c -> out.addAll(c.mssanteAmong(addresses)));
		return out;
	}

	public boolean secure(String address) {
		return secure(List.of(address)).contains(address.toLowerCase(Locale.ROOT));
	}
}
