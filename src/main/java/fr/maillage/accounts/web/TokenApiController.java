package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.internal.LoginGuard;
import fr.maillage.platform.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tokens for scripts, and the list of users for administrators. */
@RestController
class TokenApiController {

	record TokenRequest(@Nullable String email, @Nullable String password, @Nullable String totp, @Nullable String name,
			@Nullable Integer expiresInDays) {
	}

	private final LoginGuard guard;
	private final Accounts accounts;
	private final Messages messages;

	private final fr.maillage.accounts.internal.TotpPolicy totpPolicy;

	private final fr.maillage.accounts.LoginPolicies policies;

	TokenApiController(LoginGuard guard, Accounts accounts, Messages messages, fr.maillage.accounts.internal.TotpPolicy totpPolicy,
			fr.maillage.accounts.LoginPolicies policies) {
		this.policies = policies;
		this.totpPolicy = totpPolicy;
		this.guard = guard;
		this.accounts = accounts;
		this.messages = messages;
	}

	private ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String key) {
		return ResponseEntity.status(status).body(Map.of("status", status.value(), "code", code, "message", messages.get(key)));
	}

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<Map<String, Object>> token(@RequestBody TokenRequest body, HttpServletRequest request) {
		if (body.email() == null || body.password() == null) {
			return error(HttpStatus.BAD_REQUEST, "invalide", "api.token.missingFields");
		}
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated(body.email(), body.password());
		attempt.setDetails(new LoginGuard.Details(request.getRemoteAddr(), body.totp(), LoginGuard.Details.deviceCookie(request)));
		try {
			var auth = guard.authenticate(attempt);
			CurrentUser user = (CurrentUser) auth.getPrincipal();
			if (totpPolicy.mustEnable(user)) {
				return error(HttpStatus.FORBIDDEN, "totp_obligatoire", "account.totp.required");
			}
			if (policies.pscRequiredFor(user)) {
				return error(HttpStatus.FORBIDDEN, "psc_obligatoire", "psc.policy.token");
			}
			SecurityContextHolder.getContext().setAuthentication(auth);
			int days = body.expiresInDays() == null ? Accounts.DEFAULT_TOKEN_DAYS : body.expiresInDays();
			String token = accounts.issueToken(user.id(), body.name() == null ? "API" : body.name(), days, false);
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", token, "type", "Bearer", "expiresInDays", days));
		}
		catch (LoginGuard.ThrottledException ex) {
			return error(HttpStatus.TOO_MANY_REQUESTS, "trop_de_tentatives", "api.token.throttled");
		}
		catch (LoginGuard.SecondFactorException ex) {
			return error(HttpStatus.UNAUTHORIZED, "totp_requis", "api.token.totp");
		}
		catch (AuthenticationException ex) {
			return error(HttpStatus.UNAUTHORIZED, "identifiants_invalides", "api.token.invalid");
		}
	}

	@GetMapping("/api/v1/users")
	List<Accounts.UserView> users() {
		return accounts.allUsers();
	}
}
