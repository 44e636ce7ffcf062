package fr.maillage.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local OpenID Connect provider standing for Pro Santé Connect in tests (the application's
 * {@code maillage.psc.issuer} points here): discovery, an authorization endpoint that signs in
 * whoever the test says (national id, assurance level, an expired ID token), a token endpoint that
 * checks the client secret and the PKCE verifier, userinfo with {@code SubjectNameID}, its keys, and
 * an end-session endpoint. It records what it was asked.
 */
public final class OidcProvider {

	public static final int PORT = 3927;
	public static final String ISSUER = "http://127.0.0.1:" + PORT + "/auth/realms/esante-wallet";
	public static final String CLIENT_ID = "maillage-test";
	public static final String CLIENT_SECRET = "secret-de-test-psc";

	/** Who the next login will be. */
	public record Identity(String nationalId, String acr, boolean expiredIdToken) {
	}

	private static volatile Identity next = new Identity("800000000000", "eidas1", false);
	public static final List<Map<String, String>> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
	public static final List<Map<String, String>> LOGOUTS = new CopyOnWriteArrayList<>();
	private static final Map<String, Map<String, String>> CODES = new ConcurrentHashMap<>();
	private static final Map<String, Identity> ACCESS = new ConcurrentHashMap<>();
	private static final RSAKey KEY = key();
	private static final HttpServer SERVER = start();

	private OidcProvider() {
	}

	public static void nextLogin(Identity identity) {
		next = identity;
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("psc-test").generate();
		} catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
			String base = "/auth/realms/esante-wallet";
			server.createContext(base + "/.well-known/openid-configuration", ex -> json(ex, 200, """
					{"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth","token_endpoint":"%1$s/protocol/openid-connect/token",
					 "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo","jwks_uri":"%1$s/protocol/openid-connect/certs",
					 "end_session_endpoint":"%1$s/protocol/openid-connect/logout","response_types_supported":["code"],
					 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
					 "scopes_supported":["openid","scope_all"],"code_challenge_methods_supported":["S256"],
					 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(ISSUER)));
			server.createContext(base + "/protocol/openid-connect/auth", OidcProvider::authorize);
			server.createContext(base + "/protocol/openid-connect/token", OidcProvider::token);
			server.createContext(base + "/protocol/openid-connect/userinfo", ex -> {
				String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
				Identity who = auth.startsWith("Bearer ") ? ACCESS.get(auth.substring(7)) : null;
				if (who == null) {
					json(ex, 401, "{\"error\":\"invalid_token\"}");
					return;
				}
				json(ex, 200, "{\"sub\":\"f:550dc1c8:" + who.nationalId() + "\",\"SubjectNameID\":\"" + who.nationalId()
						+ "\",\"preferred_username\":\"" + who.nationalId() + "\",\"given_name\":\"PIERRE\",\"family_name\":\"FORET\"}");
			});
			server.createContext(base + "/protocol/openid-connect/certs", ex -> json(ex, 200, new JWKSet(KEY.toPublicJWK()).toString()));
			server.createContext(base + "/protocol/openid-connect/logout", ex -> {
				Map<String, String> q = query(ex.getRequestURI().getRawQuery());
				LOGOUTS.add(q);
				ex.getResponseHeaders().add("Location", q.getOrDefault("post_logout_redirect_uri", "/"));
				ex.sendResponseHeaders(302, -1);
				ex.close();
			});
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void authorize(HttpExchange ex) throws IOException {
		Map<String, String> q = query(ex.getRequestURI().getRawQuery());
		AUTHORIZATIONS.add(q);
		String code = UUID.randomUUID().toString();
		Map<String, String> grant = new LinkedHashMap<>(q);
		grant.put("identity", next.nationalId() + "|" + next.acr() + "|" + next.expiredIdToken());
		CODES.put(code, grant);
		ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state=" + enc(q.get("state")));
		ex.sendResponseHeaders(302, -1);
		ex.close();
	}

	private static void token(HttpExchange ex) throws IOException {
		Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
			json(ex, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		Map<String, String> grant = CODES.remove(form.getOrDefault("code", ""));
		if (grant == null || !"authorization_code".equals(form.get("grant_type")) || form.get("code_verifier") == null
				|| !s256(form.get("code_verifier")).equals(grant.get("code_challenge"))) {
			json(ex, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		String[] who = grant.get("identity").split("\\|");
		Identity identity = new Identity(who[0], who[1], Boolean.parseBoolean(who[2]));
		Instant now = Instant.now();
		Instant issued = identity.expiredIdToken() ? now.minus(Duration.ofHours(2)) : now;
		try {
			SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), new JWTClaimsSet.Builder()
				.issuer(ISSUER).subject("f:550dc1c8:" + identity.nationalId()).audience(CLIENT_ID).issueTime(Date.from(issued))
				.expirationTime(Date.from(issued.plus(Duration.ofMinutes(5)))).claim("nonce", grant.get("nonce")).claim("acr", identity.acr())
				.claim("SubjectNameID", identity.nationalId()).build());
			idToken.sign(new RSASSASigner(KEY));
			String access = UUID.randomUUID().toString();
			ACCESS.put(access, identity);
			json(ex, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid scope_all\",\"id_token\":\""
					+ idToken.serialize() + "\"}");
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String s256(String verifier) {
		try {
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void json(HttpExchange ex, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().add("Content-Type", "application/json");
		ex.sendResponseHeaders(status, bytes.length);
		ex.getResponseBody().write(bytes);
		ex.close();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> out = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return out;
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** Imported by the test context so the provider runs before the application discovers it. */
	@org.springframework.boot.test.context.TestConfiguration
	public static class Started {
		@org.springframework.context.annotation.Bean
		HttpServer oidcProvider() {
			return SERVER;
		}
	}
}
