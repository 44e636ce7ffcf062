package fr.maillage.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** General practitioners in the directory, and their link to an account, written as the RPPS import and a validated claim would. */
public final class Gps {

	private Gps() {
	}

	/** A GP (profession 10, general-medicine skill SM54) practising in one commune. */
	public static UUID create(JdbcClient jdbc, String lastName, String communeCode, String communeName) {
		return practitioner(jdbc, lastName, "10", "Médecin", "SM54", communeCode, communeName);
	}

	public static UUID practitioner(JdbcClient jdbc, String lastName, String professionCode, String professionLabel, String skill,
			String communeCode, String communeName) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into practitioner (id, last_name, first_name, profession_code, profession_label, source, search_text)
				values (:id, :l, 'Claire', :code, :label, 'MANUAL', lower(:l))""")
			.param("id", id).param("l", lastName).param("code", professionCode).param("label", professionLabel).update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, skill_code, site_name, address, postcode, commune_code,
				  commune_name, phone, content_hash)
				values (:a, :p, :k, :skill, 'Cabinet médical', '2 rue des Écoles', '04000', :code, :name, '04 92 00 00 00', '')""")
			.param("a", UUID.randomUUID()).param("p", id).param("k", "T|" + id).param("skill", skill).param("code", communeCode)
			.param("name", communeName).update();
		return id;
	}

	/** A structure (an MSP) in one commune, and an account that acts for it, as a coordinator's link makes it. */
	public static UUID msp(JdbcClient jdbc, String name, String communeCode, String communeName, UUID staffUser) {
		return structure(jdbc, "MSP", name, communeCode, communeName, staffUser);
	}

	/** A structure of a kind (a pharmacy, say) with an address and a phone, and an account acting for it when one is given. */
	public static UUID structure(JdbcClient jdbc, String kind, String name, String communeCode, String communeName, @org.jspecify.annotations.Nullable UUID staffUser) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into organization (id, kind, name, address, postcode, commune_code, commune_name, phone, search_text)
				values (:id, :k, :n, '1 place de la République', '04000', :c, :cn, '04 92 11 22 33', :s)""")
			.param("id", id).param("k", kind).param("n", name).param("c", communeCode).param("cn", communeName).param("s", name.toLowerCase()).update();
		if (staffUser != null) {
			jdbc.sql("""
					insert into account_link_directory (id, user_id, organization_id, status, origin, created_by)
					values (:id, :u, :o, 'ACTIVE', 'COORDINATOR', :u)""").param("id", UUID.randomUUID()).param("u", staffUser).param("o", id).update();
		}
		return id;
	}

	/** Links an account to a professional, as a coordinator's validated link does. */
	public static void link(JdbcClient jdbc, UUID userId, UUID practitionerId) {
		jdbc.sql("""
				insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by)
				values (:id, :u, :p, 'ACTIVE', 'COORDINATOR', :u)""")
			.param("id", UUID.randomUUID()).param("u", userId).param("p", practitionerId).update();
	}
}
