package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees what of the directory: anonymous people only the public structures of a CPTS's public
 * page; a member of one CPTS the whole installation's directory, but the partnership notes of
 * their own CPTS only.
 */
@IntegrationTest
class DirectoryAccessIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Partnerships partnerships;

	@Test
	void anonymousSeeOnlyPublicStructuresAndMembersSeeOnlyTheirOwnPartnershipNotes() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cptsA = People.newCpts(admin);
		String cptsB = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cptsA + "/territory", List.of("04070"));
		String word = TestData.unique("").substring(1).toUpperCase();
		UUID open = organization("Pharmacie publique " + word, true);
		UUID closed = organization("CMP adultes " + word, false);
		UUID practitioner = UUID.randomUUID();
		jdbc.sql("insert into practitioner (id, last_name, phone, source, search_text) values (:id, :l, '06 00 00 00 01', 'MANUAL', lower(:l))")
			.param("id", practitioner).param("l", "PRIVE" + word).update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, commune_code, commune_name, content_hash)
				values (:a, :p, :k, '04070', 'Digne-les-Bains', '')""").param("a", UUID.randomUUID()).param("p", practitioner)
			.param("k", "T|" + practitioner).update();
		jdbc.sql("insert into partnership (id, cpts_id, organization_id, status, notes) values (:id, :c, :o, 'RENCONTRE', :n)")
			.param("id", UUID.randomUUID()).param("c", UUID.fromString(cptsA)).param("o", closed).param("n", "Notes internes " + word).update();

		Api anonymous = new Api(port, null);
		assertThat(anonymous.get("/api/v1/practitioners?q=" + word).status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/organizations?q=" + word).status()).isEqualTo(401);
		String slug = admin.get("/api/v1/cpts/" + cptsA).json().get("slug").asString();
		String publicPage = anonymous.get("/" + slug).body();
		assertThat(publicPage).contains("Pharmacie publique " + word).doesNotContain("CMP adultes " + word).doesNotContain("PRIVE" + word)
			.doesNotContain("06 00 00 00 01");

		People.Person memberOfB = People.invite(admin, cptsB, "MEMBER");
		Api b = new Api(port, People.token(port, memberOfB));
		assertThat(b.get("/api/v1/practitioners?q=prive" + word.toLowerCase()).json().get("total").asLong())
			.as("the directory is the installation's").isEqualTo(1);
		assertThat(b.get("/api/v1/organizations/" + closed).status()).isEqualTo(200);
		UUID userB = accounts.userIdByEmail(memberOfB.email()).orElseThrow();
		accounts.runAs(userB, () -> assertThatThrownBy(() -> partnerships.of(UUID.fromString(cptsA)))
			.isInstanceOf(CptsAccess.NotVisibleException.class));
		People.Person memberOfA = People.invite(admin, cptsA, "MEMBER");
		UUID userA = accounts.userIdByEmail(memberOfA.email()).orElseThrow();
		accounts.runAs(userA, () -> assertThat(partnerships.of(UUID.fromString(cptsA))).singleElement()
			.satisfies(p -> assertThat(p.notes()).isEqualTo("Notes internes " + word)));
	}

	@Test
	void nationalIdentifiersAreSearchableAsTheNationalConventionsWriteThem() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String rpps = "49" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
		String adeli = "2A" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
		jdbc.sql("insert into practitioner (id, national_id, id_kind, last_name, source, search_text) values (:id, :n, 'RPPS', 'PAOLI', 'RPPS', 'paoli')")
			.param("id", UUID.randomUUID()).param("n", "8" + rpps).update();
		jdbc.sql("insert into practitioner (id, national_id, id_kind, last_name, source, search_text) values (:id, :n, 'ADELI', 'SANTONI', 'MANUAL', 'santoni')")
			.param("id", UUID.randomUUID()).param("n", "0" + adeli).update();
		for (String typed : List.of(rpps, "8" + rpps, rpps.substring(0, 4) + " " + rpps.substring(4))) {
			var found = admin.get("/api/v1/practitioners?q=" + typed.replace(" ", "%20")).json();
			assertThat(found.get("total").asLong()).as(typed).isEqualTo(1);
			assertThat(found.get("items").get(0).get("nationalId").asString()).isEqualTo("8" + rpps);
		}
		assertThat(admin.get("/api/v1/practitioners?q=" + adeli.toLowerCase()).json().get("items").get(0).get("lastName").asString()).isEqualTo("SANTONI");

		String finess = "04" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
		for (int k = 0; k < 10; k++) {
			if (fr.maillage.shared.Luhn.isValid(finess + k)) {
				finess = finess + k;
				break;
			}
		}
		UUID id = organization("Centre de santé " + finess, false);
		jdbc.sql("update organization set finess = :f where id = :id").param("f", finess).param("id", id).update();
		assertThat(admin.get("/api/v1/organizations?q=1" + finess).json().get("items").get(0).get("id").asString()).isEqualTo(id.toString());
		assertThat(admin.get("/api/v1/organizations?q=" + finess).json().get("total").asLong()).isEqualTo(1);
	}

	private UUID organization(String name, boolean listed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into organization (id, kind, name, commune_code, commune_name, public_listing, search_text)
				values (:id, 'AUTRE', :n, '04070', 'Digne-les-Bains', :p, lower(:n))""").param("id", id).param("n", name).param("p", listed).update();
		return id;
	}
}
