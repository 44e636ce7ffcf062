package fr.maillage.accounts.internal;

import dev.samstevens.totp.code.CodeVerifier;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Unlocks;
import fr.maillage.shared.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks e-mail, password and (when the user enabled it) the TOTP code, for the login form and
 * for {@code POST /api/v1/auth/token} alike. Throttled per (e-mail, address), per address and, far
 * higher, per e-mail: after too many failures in a window, even a right password is refused from
 * there until the window passes. Each failure is counted once, and every success, failure and
 * refusal is written to the audit log.
 */
@Component
public class LoginGuard implements AuthenticationProvider {

	/** From one address on one account: a stranger who guesses locks out the stranger, not the owner. */
	static final int MAX_FAILURES_PER_EMAIL_AND_ADDRESS = 5;
	static final int MAX_FAILURES_PER_ADDRESS = 30;
	/** On one account from every address together: only a distributed guessing reaches it. */
	static final int MAX_FAILURES_PER_EMAIL = 100;
	static final int WINDOW_MINUTES = 15;
	/** A hash to compare against when the e-mail is unknown, so timing does not tell which e-mails exist. */
	private volatile @Nullable String dummyHash;

	/** Thrown when too many failures came from this e-mail or address. */
	public static class ThrottledException extends AuthenticationException {
		public ThrottledException() {
			super("too many failed attempts");
		}
	}

	/** Thrown when the password is right but the second factor is missing or wrong. */
	public static class SecondFactorException extends AuthenticationException {
		public SecondFactorException() {
			super("second factor required");
		}
	}

	/** Form details carrying the TOTP code typed beside the password and the trusted-device cookie. */
	public static class Details extends WebAuthenticationDetails {
		private final @Nullable String totp;
		private final @Nullable String device;

		public Details(HttpServletRequest request) {
			super(request);
			this.totp = request.getParameter("totp");
			this.device = deviceCookie(request);
		}

		public Details(String remoteAddress, @Nullable String totp, @Nullable String device) {
			super(remoteAddress, null);
			this.totp = totp;
			this.device = device;
		}

		public @Nullable String totp() {
			return totp;
		}

		public @Nullable String device() {
			return device;
		}

		public static @Nullable String deviceCookie(HttpServletRequest request) {
			if (request.getCookies() != null) {
				for (var c : request.getCookies()) {
					if (Unlocks.DEVICE_COOKIE.equals(c.getName())) {
						return c.getValue();
					}
				}
			}
			return null;
		}
	}

	private final AccountStore store;
	private final PasswordEncoder passwords;
	private final CodeVerifier codes;
	private final fr.maillage.audit.AuditLog audit;
	private final Unlocks unlocks;

	LoginGuard(AccountStore store, PasswordEncoder passwords, CodeVerifier codes, fr.maillage.audit.AuditLog audit, Unlocks unlocks) {
		this.unlocks = unlocks;
		this.store = store;
		this.passwords = passwords;
		this.codes = codes;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = String.valueOf(authentication.getName()).strip().toLowerCase(java.util.Locale.ROOT);
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
				? d.getRemoteAddress() : "?";
		String totp = authentication.getDetails() instanceof Details d ? d.totp() : null;
		String device = authentication.getDetails() instanceof Details d ? d.device() : null;
		if (email.length() > 320 || password.length() > 1024) {
			// no account has such an e-mail (RFC 5321: 320 characters); an index key could not hold it
			store.recordFailure("ip:" + address);
			throw new BadCredentialsException("bad credentials");
		}
		String addressKey = "ip:" + address;
		CurrentUser user = store.loadByEmail(email).orElse(null);
		java.util.UUID userId = user == null ? null : user.id();
		// A browser its owner trusted by an unlock link is counted on its own, apart from the account's failures.
		String deviceKey = userId == null ? null : unlocks.deviceKey(device, userId);
		String emailKey = deviceKey != null ? deviceKey : "email:" + email;
		String pairKey = deviceKey != null ? deviceKey : "email-ip:" + email + "|" + address;
		int maxOnAccount = deviceKey != null ? MAX_FAILURES_PER_EMAIL_AND_ADDRESS : MAX_FAILURES_PER_EMAIL;
		// an unknown e-mail is not written down: people type passwords into the wrong field
		String label = user == null ? "?" : user.email();
		if (store.recentFailures(pairKey, WINDOW_MINUTES) >= MAX_FAILURES_PER_EMAIL_AND_ADDRESS
				|| store.recentFailures(addressKey, WINDOW_MINUTES) >= MAX_FAILURES_PER_ADDRESS
				|| store.recentFailures(emailKey, WINDOW_MINUTES) >= maxOnAccount) {
			audit.event(userId, label, "account.login.throttled", "user", userId == null ? null : userId.toString(), null, null);
			throw new ThrottledException();
		}
		String hash = user == null || user.getPassword() == null ? dummyHash() : user.getPassword();
		boolean passwordOk = passwords.matches(password, hash) && user != null;
		if (!passwordOk) {
			fail(userId, label, emailKey, pairKey, addressKey, "password");
			throw new BadCredentialsException("bad credentials");
		}
		if (!user.isEnabled()) {
			audit.event(userId, label, "account.login.failed", "user", userId.toString(), null, "disabled");
			throw new DisabledException("disabled");
		}
		if (user.totpEnabled()) {
			String secret = store.totpSecret(email).orElse(null);
			if (totp == null || secret == null || !codes.isValidCode(secret, totp.replaceAll("\\s", ""))) {
				fail(userId, label, emailKey, pairKey, null, "totp");
				throw new SecondFactorException();
			}
		}
		store.clearFailures(pairKey);
		audit.event(userId, user.email(), "account.login", "user", userId.toString(), null, null);
		user.eraseCredentials();
		var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	/** One failure, counted once under each key, and audited (the account's id when the e-mail is known, never the password). */
	private void fail(java.util.@Nullable UUID userId, String label, String emailKey, String pairKey, @Nullable String addressKey, String why) {
		store.recordFailure(emailKey);
		if (!pairKey.equals(emailKey)) {
			store.recordFailure(pairKey);
		}
		if (addressKey != null) {
			store.recordFailure(addressKey);
		}
		audit.event(userId, label, "account.login.failed", "user", userId == null ? null : userId.toString(), null, why);
	}

	private String dummyHash() {
		String h = dummyHash;
		if (h == null) {
			h = passwords.encode(Secrets.newToken());
			dummyHash = h;
		}
		return h;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
