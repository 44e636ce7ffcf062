package fr.maillage.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login form with the reason; the e-mail typed waits in the session for the form (an
 * address in a URL ends up in proxy logs and browser history), never the password.
 */
public class LoginFailureHandler implements AuthenticationFailureHandler {

	/** The session attribute holding the e-mail typed, read once by the login page. */
	public static final String TYPED_EMAIL = "maillage.login.email";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String reason = switch (ex) {
			case LoginGuard.ThrottledException t -> "trop";
			case LoginGuard.SecondFactorException s -> "totp";
			default -> "erreur";
		};
		String email = request.getParameter("username");
		if (email != null) {
			request.getSession().setAttribute(TYPED_EMAIL, email.length() > 320 ? email.substring(0, 320) : email);
		}
		response.sendRedirect(request.getContextPath() + "/connexion?" + reason);
	}
}
