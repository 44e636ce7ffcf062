package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates CPTS and people the way a coordinator would: through the API, e-mail and invitation links. */
public final class People {

	private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]+)");

	private People() {
	}

	public static String newCpts(Api admin) {
		String slug = TestData.unique("cpts");
		Api.Response r = admin.post("/api/v1/cpts", Map.of("name", "CPTS " + slug, "siret", TestData.VALID_SIRET,
				"address", "1 place de la Mairie", "email", "contact@" + slug + ".fr", "phone", "0400000000", "slug", slug));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asString();
	}

	/** The secret of the latest invitation e-mailed to this address. */
	public static String invitationSecret(String email) {
		var messages = Mail.to(email);
		assertThat(messages).as("invitation e-mail to " + email).isNotEmpty();
		try {
			MimeMessage last = messages.getLast();
			Matcher m = LINK.matcher(String.valueOf(last.getContent()));
			assertThat(m.find()).isTrue();
			return m.group(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Person(String email, String password) {
	}

	/** Invites someone into a CPTS and accepts the e-mailed invitation (through the service; the browser tests use the page). */
	public static Person invite(Api admin, String cptsId, String role) {
		String email = TestData.unique(role.toLowerCase()) + "@maillage.test";
		Api.Response invited = admin.post("/api/v1/cpts/" + cptsId + "/invitations", Map.of("email", email, "role", role));
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(invited.json().get("mailed").asBoolean()).isTrue();
		String secret = invitationSecret(email);
		String password = "Mot-de-passe-" + secret.substring(5, 12);
		Invitations.accept(secret, "Personne " + role, password);
		return new Person(email, password);
	}

	public static String token(int port, Person p) {
		Api.Response token = new Api(port, null).post("/api/v1/auth/token", Map.of("email", p.email(), "password", p.password()));
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		return token.json().get("token").asString();
	}

	/** Invites someone into a CPTS, accepts the invitation, and returns an API token of theirs. */
	public static String join(Api admin, int port, String cptsId, String role) {
		Person p = invite(admin, cptsId, role);
		Api.Response token = new Api(port, null).post("/api/v1/auth/token", Map.of("email", p.email(), "password", p.password()));
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		return token.json().get("token").asString();
	}

	/** Imported by the test context: hands the accounts facade to {@link Invitations}. */
	@org.springframework.boot.test.context.TestConfiguration
	public static class Wiring {
		Wiring(fr.maillage.accounts.Accounts accounts) {
			Invitations.use(accounts);
		}
	}

	/** Bridge to the accounts facade, set by the test context. */
	public static final class Invitations {
		static fr.maillage.accounts.Accounts accounts;

		public static void use(fr.maillage.accounts.Accounts a) {
			accounts = a;
		}

		static void accept(String secret, String name, String password) {
			assertThat(accounts.acceptInvitation(secret, name, password)).isPresent();
		}
	}
}
