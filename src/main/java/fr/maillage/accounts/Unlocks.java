package fr.maillage.accounts;

import fr.maillage.accounts.internal.AccountStore;
import fr.maillage.audit.AuditLog;
import fr.maillage.shared.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's way back in when other people's failures lock their account: a one-time link sent to
 * the account's e-mail forgets the account's failures and trusts the browser that follows it. A
 * trusted browser's logins are then counted on their own (five failures, as anyone else's), so
 * strangers guessing from elsewhere can no longer keep the owner out.
 */
@Service
public class Unlocks {

	/** The browser cookie naming a trusted device. */
	public static final String DEVICE_COOKIE = "maillage-appareil";
	public static final Duration LINK_VALIDITY = Duration.ofHours(1);
	public static final Duration DEVICE_TRUST = Duration.ofDays(90);
	static final int MAX_LINKS_PER_HOUR = 3;

	private final AccountStore store;
	private final AuditLog audit;

	Unlocks(AccountStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/** A link to send to the account's owner; empty when no such account or enough links were sent this hour (the caller answers the same). */
	@Transactional
	public Optional<Accounts.Link> request(String email) {
		String normalized = Accounts.normalizeEmail(email);
		Optional<UUID> userId = store.userIdByEmail(normalized);
		if (userId.isEmpty() || store.recentLinks(normalized, "UNLOCK", 60) >= MAX_LINKS_PER_HOUR) {
			return Optional.empty();
		}
		String secret = Secrets.newToken();
		UUID id = UUID.randomUUID();
		store.insertLink(id, "UNLOCK", Secrets.sha256(secret), normalized, null, null, null, Instant.now().plus(LINK_VALIDITY));
		audit.changeAs(userId.get(), normalized, "account.unlock.requested", "user", userId.get().toString(), null, null);
		return Optional.of(new Accounts.Link(id, secret, normalized));
	}

	/** Uses the link: the account's failures are forgotten; returns the device secret to set in the browser, or empty when the link is unknown, used or expired. */
	@Transactional
	public Optional<String> unlock(String secret) {
		var link = store.validLink(Secrets.sha256(secret), "UNLOCK");
		if (link.isEmpty() || !store.markLinkUsed(link.get().id())) {
			return Optional.empty();
		}
		String email = link.get().email();
		UUID userId = store.userIdByEmail(email).orElseThrow();
		store.clearFailuresOfEmail(email);
		String device = Secrets.newToken();
		store.trustDevice(Secrets.sha256(device), userId, Instant.now().plus(DEVICE_TRUST));
		audit.changeAs(userId, email, "account.unlock", "user", userId.toString(), null, null);
		return Optional.of(device);
	}

	/** The throttling key of a browser trusted for this account, or null when it is not. */
	public @Nullable String deviceKey(@Nullable String device, UUID userId) {
		if (device == null || device.isBlank() || device.length() > 200) {
			return null;
		}
		byte[] hash = Secrets.sha256(device);
		return store.trustedDeviceOwner(hash).filter(userId::equals).map(u -> "device:" + HexFormat.of().formatHex(hash)).orElse(null);
	}
}
