package fr.maillage.accounts.internal;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.NationalIdentities;
import fr.maillage.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Login with Pro Santé Connect (OpenID Connect, authorization code with PKCE, scope
 * {@code openid scope_all}, {@code acr_values=eidas1}); the issuer is configured, production or
 * the test environment ("bas"), and read lazily so that Maillage starts when PSC is unreachable.
 * The identity's {@code SubjectNameID} ("8" + RPPS) names the professional of the directory, whose
 * linked account is signed in; an unknown professional or a weaker assurance level is refused with
 * its reason. Logging out of Maillage ends the PSC session too.
 */
@Component
public class ProSanteConnect {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProSanteConnect.class);

	public static final String REGISTRATION = "psc";
	/** Where the login page's button sends: Spring's authorization redirect for the registration. */
	public static final String START = "/connexion/oauth2/" + REGISTRATION;
	static final String AUTHORIZATION_BASE = "/connexion/oauth2";
	static final String CALLBACK = "/connexion/oauth2/retour/*";
	/** The session attribute telling how the person signed in (PSC or not). */
	public static final String METHOD = "maillage.login.method";
	static final String ID_TOKEN = "maillage.psc.idToken";
	private static final String LOGOUT_TARGET = "maillage.psc.logoutTarget";
	/** The secret of the invitation being accepted with the card, kept in the session across the round trip to PSC. */
	public static final String PENDING_INVITATION = "maillage.psc.invitation";

	private final @Nullable String issuer;
	private final @Nullable String clientId;
	private final @Nullable String clientSecret;
	private final String acr;
	private final String authMethod;
	private final ObjectProvider<NationalIdentities> identities;
	private final AccountStore store;
	private final AuditLog audit;
	private final ObjectProvider<fr.maillage.accounts.Accounts> accounts;
	private volatile @Nullable ClientRegistration registration;

	ProSanteConnect(@Value("${maillage.psc.issuer:}") @Nullable String issuer, @Value("${maillage.psc.client-id:}") @Nullable String clientId,
			@Value("${maillage.psc.client-secret:}") @Nullable String clientSecret, @Value("${maillage.psc.acr:eidas1}") String acr,
			@Value("${maillage.psc.client-auth:client_secret_basic}") String authMethod, ObjectProvider<NationalIdentities> identities,
			AccountStore store, AuditLog audit, ObjectProvider<fr.maillage.accounts.Accounts> accounts) {
		this.accounts = accounts;
		this.issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
		this.clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
		this.clientSecret = clientSecret;
		this.acr = acr;
		this.authMethod = authMethod;
		this.identities = identities;
		this.store = store;
		this.audit = audit;
	}

	/** Whether PSC is configured (an issuer and a client id): the login page shows its button then. */
	public boolean enabled() {
		return issuer != null && clientId != null;
	}

	/** The one registration, discovered from the issuer at its first use. */
	ClientRegistrationRepository registrations() {
		return id -> REGISTRATION.equals(id) && enabled() ? registration() : null;
	}

	private ClientRegistration registration() {
		ClientRegistration r = registration;
		if (r == null) {
			synchronized (this) {
				if (registration == null) {
					registration = ClientRegistrations.fromIssuerLocation(issuer).registrationId(REGISTRATION).clientId(clientId)
						.clientSecret(clientSecret).clientAuthenticationMethod(new ClientAuthenticationMethod(authMethod))
						.scope("openid", "scope_all").redirectUri("{baseUrl}/connexion/oauth2/retour/{registrationId}").userNameAttributeName("sub")
						.clientName("Pro Santé Connect").build();
				}
				r = registration;
			}
		}
		return r;
	}

	/** PKCE always (even for a confidential client), and the assurance level PSC is asked for. */
	OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository repository) {
		var resolver = new DefaultOAuth2AuthorizationRequestResolver(repository, AUTHORIZATION_BASE);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen(b -> b.additionalParameters(p -> p.put("acr_values", acr))));
		return resolver;
	}

	/** Signs in the account linked to the professional PSC vouches for, at the assurance level asked; refuses otherwise. */
	AuthenticationSuccessHandler success() {
		var contexts = new HttpSessionSecurityContextRepository();
		return (request, response, authentication) -> {
			OidcUser oidc = (OidcUser) authentication.getPrincipal();
			String nationalId = nationalId(oidc);
			if (!acr.equals(oidc.getIdToken().getClaimAsString("acr"))) {
				refuse(request, response, "acr", nationalId, "acr " + oidc.getIdToken().getClaimAsString("acr"));
				return;
			}
			Optional<CurrentUser> user = nationalId == null ? Optional.empty()
					: identities.getObject().accountOf(nationalId).flatMap(store::loadById).filter(CurrentUser::isEnabled);
			if (user.isEmpty() && nationalId != null && request.getSession(false) != null
					&& request.getSession(false).getAttribute(PENDING_INVITATION) instanceof String secret) {
				request.getSession(false).removeAttribute(PENDING_INVITATION);
				if (!identities.getObject().known(nationalId)) {
					refuse(request, response, "hors-annuaire", nationalId, "invitation acceptée par carte, RPPS absent de l'annuaire");
					return;
				}
				user = accept(secret, oidc, nationalId);
			}
			if (user.isEmpty()) {
				refuse(request, response, "inconnu", nationalId, "aucun compte rattaché");
				return;
			}
			CurrentUser u = user.get();
			u.eraseCredentials();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			HttpSession session = request.getSession();
			session.setAttribute(METHOD, "PSC");
			session.setAttribute(ID_TOKEN, oidc.getIdToken().getTokenValue());
			audit.event(u.id(), u.email(), "account.login", "user", u.id().toString(), null, "Pro Santé Connect " + nationalId);
			response.sendRedirect(request.getContextPath() + "/");
		};
	}

	/** An invitation accepted with the card: the account, named as PSC names the person, linked to their entry of the directory. */
	private Optional<CurrentUser> accept(String secret, OidcUser oidc, String nationalId) {
		String name = (capitalized(oidc.getGivenName()) + " " + capitalized(oidc.getFamilyName())).strip();
		Optional<java.util.UUID> account = accounts.getObject().acceptInvitationWithCard(secret, name.isEmpty() ? nationalId : name);
		account.ifPresent(id -> identities.getObject().link(id, nationalId));
		return account.flatMap(store::loadById).filter(CurrentUser::isEnabled);
	}

	private static String capitalized(@Nullable String upper) {
		if (upper == null || upper.isBlank()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		boolean start = true;
		for (char c : upper.strip().toLowerCase(java.util.Locale.FRENCH).toCharArray()) {
			out.append(start ? Character.toUpperCase(c) : c);
			start = c == ' ' || c == '-' || c == '\'';
		}
		return out.toString();
	}

	/** A refused or failed PSC login goes back to the login page saying why (an expired token, a state already used…). */
	AuthenticationFailureHandler failure() {
		return (request, response, ex) -> {
			log.info("Connexion Pro Santé Connect refusée : {}", ex.getMessage());
			audit.event(null, "Pro Santé Connect", "account.login.failed", "user", null, null, "PSC : " + ex.getMessage());
			response.sendRedirect(request.getContextPath() + "/connexion?psc=echec");
		};
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String why, @Nullable String nationalId, String detail)
			throws IOException {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		audit.event(null, nationalId == null ? "Pro Santé Connect" : nationalId, "account.login.failed", "user", null, null, "PSC : " + detail);
		response.sendRedirect(request.getContextPath() + "/connexion?psc=" + why);
	}

	private static @Nullable String nationalId(OidcUser oidc) {
		Object id = oidc.getClaims().get("SubjectNameID");
		if (id == null) {
			id = oidc.getClaims().get("preferred_username");
		}
		return id == null ? null : id.toString().strip();
	}

	/** Before the session ends: where PSC's own logout is, with the id token as hint. */
	LogoutHandler remember() {
		return (request, response, authentication) -> {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(ID_TOKEN) instanceof String idToken && enabled()) {
				Object endpoint = registration().getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
				if (endpoint != null) {
					String back = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
						.path("/connexion").query("deconnecte").build().toUriString();
					request.setAttribute(LOGOUT_TARGET, endpoint + "?id_token_hint=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
							+ "&post_logout_redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
				}
			}
		};
	}

	/** After: to PSC's logout for a PSC session, to the login page otherwise. */
	LogoutSuccessHandler logoutSuccess() {
		return (request, response, authentication) -> {
			Object target = request.getAttribute(LOGOUT_TARGET);
			response.sendRedirect(target instanceof String t ? t : request.getContextPath() + "/connexion?deconnecte");
		};
	}

	public static boolean isPsc(@Nullable HttpSession session) {
		return session != null && "PSC".equals(session.getAttribute(METHOD));
	}
}
