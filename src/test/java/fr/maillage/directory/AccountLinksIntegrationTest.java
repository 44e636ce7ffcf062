package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Claims, refusals and coordinators' links through the API, with the rules that keep one account per professional. */
@IntegrationTest
class AccountLinksIntegrationTest {

	private static final Pattern CONFIRMATION = Pattern.compile("/annuaire/rattachement/([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountLinks links;

	UUID practitioner(String rpps) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into practitioner (id, national_id, id_kind, last_name, profession_label, source, search_text)
				values (:id, :nid, 'RPPS', 'GIONO', 'Infirmier', 'RPPS', 'giono')""").param("id", id).param("nid", "8" + rpps).update();
		return id;
	}

	static String secretIn(String to, String subjectPart) throws Exception {
		var message = Mail.to(to).stream().filter(m -> {
			try {
				return m.getSubject().contains(subjectPart);
			}
			catch (Exception ex) {
				return false;
			}
		}).reduce((a, b) -> b).orElseThrow();
		Matcher m = CONFIRMATION.matcher(String.valueOf(message.getContent()));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void withoutADirectoryAddressTheAccountConfirmsAndARefusedClaimCanBeMadeAgain() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		People.Person nurse = People.invite(admin, cpts, "MEMBER");
		Api nurseApi = new Api(port, People.token(port, nurse));
		String rpps = "29" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		UUID entry = practitioner(rpps);

		Api.Response claim = nurseApi.post("/api/v1/me/directory/claims", Map.of("rpps", rpps));
		assertThat(claim.status()).as(claim.body()).isEqualTo(202);
		assertThat(claim.json().get("via").asString()).isEqualTo("ACCOUNT");
		assertThat(claim.json().get("sentTo").asString()).isEqualTo(nurse.email());
		assertThat(nurseApi.post("/api/v1/me/directory/claims", Map.of("rpps", rpps)).body()).contains("demande en cours");

		String secret = secretIn(nurse.email(), "confirmez");
		assertThat(coordinator.get("/api/v1/cpts/" + cpts + "/directory-claims").json().size()).as("unconfirmed claims wait").isZero();
		assertThat(links.confirm(secret)).isTrue();
		assertThat(links.confirm(secret)).as("a link serves once").isFalse();

		var pending = coordinator.get("/api/v1/cpts/" + cpts + "/directory-claims").json();
		assertThat(pending.size()).isEqualTo(1);
		assertThat(pending.get(0).get("link").get("confirmVia").asString()).isEqualTo("ACCOUNT");
		String linkId = pending.get(0).get("link").get("id").asString();
		assertThat(coordinator.post("/api/v1/cpts/" + cpts + "/directory-claims/" + linkId + "/refuse", Map.of("note", "Numéro d'un collègue"))
			.status()).isEqualTo(204);
		assertThat(Mail.text(Mail.awaitSubject(nurse.email(), "pas été validée"))).contains("Numéro d'un collègue");
		assertThat(nurseApi.get("/api/v1/me/directory").json().get("practitioner").isNull()).isTrue();
		assertThat(nurseApi.post("/api/v1/me/directory/claims", Map.of("rpps", rpps)).status()).as("refused: may claim again").isEqualTo(202);
		assertThat(links.accountOf(entry)).isEmpty();
	}

	@Test
	void aCoordinatorLinksOneAccountPerProfessionalAndOnlyInTheirCpts() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		People.Person first = People.invite(admin, cpts, "MEMBER");
		People.Person second = People.invite(admin, cpts, "MEMBER");
		People.Person elsewhere = People.invite(admin, People.newCpts(admin), "MEMBER");
		UUID entry = practitioner("39" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));

		Api.Response outsider = coordinator.put("/api/v1/practitioners/" + entry + "/account", Map.of("email", elsewhere.email()));
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.body()).contains("Aucun compte de votre CPTS");

		Api.Response linked = coordinator.put("/api/v1/practitioners/" + entry + "/account", Map.of("email", first.email()));
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		Api.Response again = coordinator.put("/api/v1/practitioners/" + entry + "/account", Map.of("email", second.email()));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("déjà rattachée");

		Api firstApi = new Api(port, People.token(port, first));
		assertThat(firstApi.get("/api/v1/me/directory").json().get("practitioner").get("link").get("practitionerId").asString())
			.isEqualTo(entry.toString());
		Api secondApi = new Api(port, People.token(port, second));
		String linkId = linked.json().get("id").asString();
		assertThat(secondApi.delete("/api/v1/account-links/" + linkId).status()).as("only a coordinator or the person").isEqualTo(403);
		assertThat(firstApi.delete("/api/v1/account-links/" + linkId).status()).isEqualTo(204);
		assertThat(links.accountOf(entry)).isEmpty();
		assertThat(jdbc.sql("select count(*) from account_link_directory where practitioner_id = :p").param("p", entry).query(Long.class).single())
			.as("nothing is deleted: the ended link stays as history").isEqualTo(1);
	}
}
