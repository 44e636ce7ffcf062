package fr.maillage.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Back to the login form with the reason and the e-mail typed (never the password). */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String reason = switch (ex) {
			case LoginGuard.ThrottledException t -> "trop";
			case LoginGuard.SecondFactorException s -> "totp";
			default -> "erreur";
		};
		String email = request.getParameter("username");
		response.sendRedirect(request.getContextPath() + "/connexion?" + reason
				+ (email == null ? "" : "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)));
	}
}
