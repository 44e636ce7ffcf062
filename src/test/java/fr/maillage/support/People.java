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

	/** Invites someone into a CPTS, accepts the e-mailed invitation, and returns an API token of theirs. */
	public static String join(Api admin, int port, String cptsId, String role) {
		String email = TestData.unique(role.toLowerCase()) + "@maillage.test";
		Api.Response invited = admin.post("/api/v1/cpts/" + cptsId + "/invitations", Map.of("email", email, "role", role));
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(invited.json().get("mailed").asBoolean()).isTrue();
		String secret = invitationSecret(email);
		Api anonymous = new Api(port, null);
		String password = "Mot-de-passe-" + secret.substring(5, 12);
		// Accepting goes through the page form, as a person would (see the browser tests); here through the service.
		Invitations.accept(secret, "Personne " + role, password);
		Api.Response token = anonymous.post("/api/v1/auth/token", Map.of("email", email, "password", password));
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		return token.json().get("token").asString();
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
