package fr.maillage.accounts.internal;

import dev.samstevens.totp.code.CodeVerifier;
import fr.maillage.accounts.CurrentUser;
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
 * for {@code POST /api/v1/auth/token} alike. Throttled per e-mail and per address: after too
 * many failures in a window, even a right password is refused until the window passes.
 */
@Component
public class LoginGuard implements AuthenticationProvider {

	static final int MAX_FAILURES_PER_EMAIL = 5;
	static final int MAX_FAILURES_PER_ADDRESS = 30;
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

	/** Form details carrying the TOTP code typed beside the password. */
	public static class Details extends WebAuthenticationDetails {
		private final @Nullable String totp;

		public Details(HttpServletRequest request) {
			super(request);
			this.totp = request.getParameter("totp");
		}

		public Details(String remoteAddress, @Nullable String totp) {
			super(remoteAddress, null);
			this.totp = totp;
		}

		public @Nullable String totp() {
			return totp;
		}
	}

	private final AccountStore store;
	private final PasswordEncoder passwords;
	private final CodeVerifier codes;

	LoginGuard(AccountStore store, PasswordEncoder passwords, CodeVerifier codes) {
		this.store = store;
		this.passwords = passwords;
		this.codes = codes;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = String.valueOf(authentication.getName()).strip().toLowerCase(java.util.Locale.ROOT);
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
				? d.getRemoteAddress() : "?";
		String totp = authentication.getDetails() instanceof Details d ? d.totp() : null;
		String emailKey = "email:" + email;
		String addressKey = "ip:" + address;
		if (store.recentFailures(emailKey, WINDOW_MINUTES) >= MAX_FAILURES_PER_EMAIL
				|| store.recentFailures(addressKey, WINDOW_MINUTES) >= MAX_FAILURES_PER_ADDRESS) {
			throw new ThrottledException();
		}
		CurrentUser user = store.loadByEmail(email).orElse(null);
		String hash = user == null || user.getPassword() == null ? dummyHash() : user.getPassword();
		boolean passwordOk = passwords.matches(password, hash) && user != null;
		if (!passwordOk) {
			store.recordFailure(emailKey);
			store.recordFailure(addressKey);
			throw new BadCredentialsException("bad credentials");
		}
		if (!user.isEnabled()) {
			throw new DisabledException("disabled");
		}
		if (user.totpEnabled()) {
			String secret = store.totpSecret(email).orElse(null);
			if (totp == null || secret == null || !codes.isValidCode(secret, totp.replaceAll("\\s", ""))) {
				store.recordFailure(emailKey);
				throw new SecondFactorException();
			}
		}
		store.clearFailures(emailKey);
		user.eraseCredentials();
		var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
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
