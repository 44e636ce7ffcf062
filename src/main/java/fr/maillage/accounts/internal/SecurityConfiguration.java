package fr.maillage.accounts.internal;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.time.SystemTimeProvider;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Route;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Three filter chains: the FHIR API (bearer tokens, stateless, its own rules), the JSON API
 * (bearer tokens, stateless, 401 without a token, never a redirect) and the web pages (form login,
 * session, CSRF). The last two authorise from the route table ({@link RouteTable});
 * RouteTableTest fails when a route is missing from it.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	CodeVerifier totpCodeVerifier() {
		var verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
		verifier.setAllowedTimePeriodDiscrepancy(1);
		return verifier;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountStore store, RouteTable routes, LoginGuard guard, Messages messages) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationManager(once(guard))
			.addFilterBefore(new BearerTokenFilter(store), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> json(res, HttpServletResponse.SC_UNAUTHORIZED,
						cardRequired(req) ? "psc_obligatoire" : "non_authentifie", unauthenticated(req, messages)))
				.accessDeniedHandler((req, res, ex) -> json(res, HttpServletResponse.SC_FORBIDDEN,
						"acces_refuse", messages.get("error.forbidden"))))
			.headers(SecurityConfiguration::privacyHeaders)
			.authorizeHttpRequests(a -> apply(a, routes.all()));
		return http.build();
	}

	private static boolean cardRequired(jakarta.servlet.http.HttpServletRequest request) {
		return request.getAttribute(BearerTokenFilter.CARD_REQUIRED) != null;
	}

	/** Why a call is not signed in: no valid token, or a password's token the CPTS no longer accepts for the holder's role. */
	private static String unauthenticated(jakarta.servlet.http.HttpServletRequest request, Messages messages) {
		return messages.get(cardRequired(request) ? "psc.policy.tokenRefused" : "error.unauthenticated");
	}

	/**
	 * The FHIR API (module fhir): the same bearer tokens, stateless, its capability statement open to
	 * anyone (as FHIR expects), everything else signed in; refusals as an OperationOutcome in French.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain fhir(HttpSecurity http, AccountStore store, LoginGuard guard, Messages messages) throws Exception {
		http.securityMatcher("/fhir/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationManager(once(guard))
			.addFilterBefore(new BearerTokenFilter(store), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> outcome(res, HttpServletResponse.SC_UNAUTHORIZED, "login", unauthenticated(req, messages)))
				.accessDeniedHandler((req, res, ex) -> outcome(res, HttpServletResponse.SC_FORBIDDEN, "forbidden", messages.get("error.forbidden"))))
			.headers(SecurityConfiguration::privacyHeaders)
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll().anyRequest().authenticated());
		return http.build();
	}

	private static void outcome(HttpServletResponse res, int status, String code, String message) throws java.io.IOException {
		res.setStatus(status);
		res.setContentType("application/fhir+json");
		res.setCharacterEncoding("UTF-8");
		res.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
				+ "\",\"diagnostics\":\"" + message.replace("\"", "'") + "\"}]}");
	}

	/** The origin of the configured map tiles (a {s} subdomain becomes *), allowed as an image source; nothing without tiles. */
	static String tileSource(String tilesUrl) {
		if (tilesUrl == null || tilesUrl.isBlank()) {
			return "";
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://[^/]+)").matcher(tilesUrl.strip().replace("{s}", "*"));
		return m.find() ? " " + m.group(1) : "";
	}

	/** No address leaks to other sites through the Referer; no browser feature a page does not use. */
	private static void privacyHeaders(HeadersConfigurer<HttpSecurity> h) {
		h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY));
	}

	static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()";

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, AccountStore store, RouteTable routes, LoginGuard guard, TotpPolicy totp, ProSanteConnect psc,
			fr.maillage.accounts.LoginPolicies policies,
			@org.springframework.beans.factory.annotation.Value("${maillage.map.tiles-url:}") String tilesUrl) throws Exception {
		http.authenticationManager(psc.enabled() ? withPsc(guard) : once(guard))
			.addFilterBefore(new BearerTokenFilter(store), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new FreshUserFilter(store), org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
			.addFilterAfter(totp.filter(), FreshUserFilter.class)
			.addFilterAfter(new PscPolicyFilter(policies), FreshUserFilter.class)
			.formLogin(f -> f.loginPage("/connexion").loginProcessingUrl("/connexion")
				.authenticationDetailsSource(LoginGuard.Details::new)
				.failureHandler(new LoginFailureHandler())
				.defaultSuccessUrl("/", false))
			.logout(l -> l.logoutUrl("/deconnexion").addLogoutHandler(psc.remember()).logoutSuccessHandler(psc.logoutSuccess()))
			.headers(h -> privacyHeaders(h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:" + tileSource(tilesUrl) + "; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'"))))
			.authorizeHttpRequests(a -> apply(a, routes.all()));
		if (psc.enabled()) {
			var registrations = psc.registrations();
			http.oauth2Login(o -> o.loginPage("/connexion").clientRegistrationRepository(registrations)
				.authorizationEndpoint(e -> e.authorizationRequestResolver(psc.resolver(registrations)))
				.loginProcessingUrl("/connexion/oauth2/retour/*").successHandler(psc.success()).failureHandler(psc.failure()));
		}
		return http.build();
	}

	/**
	 * The guard alone, without the global manager as parent: a provider registered on the chain is
	 * asked again by the parent after a failure, which counted every wrong password twice.
	 */
	/** The guard, and the OpenID Connect code flow of Pro Santé Connect (each answers only its own kind of login). */
	private static org.springframework.security.authentication.AuthenticationManager withPsc(LoginGuard guard) {
		var oidc = new org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider(
				new org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient(),
				new org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService());
		var manager = new org.springframework.security.authentication.ProviderManager(guard, oidc);
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	private static org.springframework.security.authentication.AuthenticationManager once(LoginGuard guard) {
		var manager = new org.springframework.security.authentication.ProviderManager(guard);
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a, List<Route> routes) {
		for (Route r : routes) {
			var matcher = "*".equals(r.method()) ? a.requestMatchers(r.pattern())
					: a.requestMatchers(HttpMethod.valueOf(r.method()), r.pattern());
			switch (r.access()) {
				case PUBLIC, SETUP -> matcher.permitAll();
				case ADMIN -> matcher.hasRole("ADMIN");
				case AUTHENTICATED, CPTS_MEMBER, CPTS_COORDINATOR -> matcher.authenticated();
			}
		}
		// Unknown paths answer 404 to signed-in users and 401 or the login page to others;
		// RouteTableTest fails the build when a real route is missing from the table.
		a.anyRequest().authenticated();
	}

	private static void json(HttpServletResponse res, int status, String code, String message) throws java.io.IOException {
		res.setStatus(status);
		res.setContentType(MediaType.APPLICATION_JSON_VALUE);
		res.setCharacterEncoding("UTF-8");
		res.getWriter().write("{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
	}
}
