package fr.maillage.directory.internal;

import fr.maillage.shared.FrenchText;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * MAILLAGE_DEMO=true: a fictional but realistic directory for the demo CPTS (professionals of
 * seven professions in its communes, the structures the seeds name, a few partnerships). All
 * names are invented; the RPPS numbers are in a range no real professional has (9xxxxxxxxxx).
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoDirectory {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);
	private static final String DEMO_SLUG = "demo-luberon-durance";
	private static final List<String> LAST = List.of("AUBERT", "BARRAL", "CHABAUD", "DAUMAS", "ESTIENNE", "FABRE", "GIRAUD", "ISNARD",
			"JOURDAN", "LAUGIER", "MAUREL", "NICOLAS", "OLIVE", "PELLEGRIN", "REYNAUD", "SILVESTRE", "TOURNIAIRE", "VIAL", "ARNAUD", "BLANC");
	private static final List<String> FIRST = List.of("Amandine", "Bastien", "Clémence", "Damien", "Élise", "Florian", "Gaëlle", "Hugo",
			"Inès", "Julien", "Laure", "Mathis", "Noémie", "Olivier", "Pauline", "Rémi", "Sophie", "Thibault", "Valérie", "Yanis");
	private static final String[][] PROFESSIONS = { { "10", "Médecin", "SM54", "Médecine Générale" }, { "60", "Infirmier", "", "" },
			{ "21", "Pharmacien", "", "" }, { "70", "Masseur-Kinésithérapeute", "", "" }, { "50", "Sage-Femme", "", "" },
			{ "40", "Chirurgien-Dentiste", "", "" }, { "91", "Orthophoniste", "", "" } };
	private static final String[][] STRUCTURES = { { "MSP", "Maison de santé pluriprofessionnelle de Forcalquier (démo)", "04088", "true" },
			{ "MSP", "MSP de Sainte-Tulle (démo)", "04197", "true" }, { "HOPITAL", "Centre hospitalier de Manosque (démo)", "04112", "true" },
			{ "SSIAD", "SSIAD du pays de Forcalquier (démo)", "04088", "false" }, { "EHPAD", "EHPAD Les Oliviers (démo)", "04143", "false" },
			{ "PHARMACIE", "Pharmacie de la Place (démo)", "04112", "true" }, { "CMP", "CMP adultes de Manosque (démo)", "04112", "false" } };

	private final JdbcClient jdbc;
	private final fr.maillage.accounts.Accounts accounts;

	DemoDirectory(JdbcClient jdbc, fr.maillage.accounts.Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** Before the modules whose demo data need the directory (GP access). */
	@EventListener(ApplicationReadyEvent.class)
	@org.springframework.core.annotation.Order(100)
	@Transactional
	public void seed() {
		var cpts = jdbc.sql("select id from cpts where slug = :s").param("s", DEMO_SLUG).query(UUID.class).optional();
		if (cpts.isEmpty() || jdbc.sql("select exists (select 1 from organization where name like '%(démo)')").query(Boolean.class).single()) {
			return;
		}
		List<String[]> communes = jdbc.sql("""
				select c.insee_code, c.name, coalesce(c.postcodes[1], '') from cpts_commune t join commune c on c.insee_code = t.insee_code
				where t.cpts_id = :c order by c.population desc""").param("c", cpts.get())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
		Random random = new Random(4);
		java.util.Set<String> named = new java.util.HashSet<>();
		for (int i = 0; i < 120; i++) {
			String[] commune = communes.get(Math.min(communes.size() - 1, (int) Math.abs(random.nextGaussian() * communes.size() / 3)));
			String[] prof = PROFESSIONS[random.nextInt(PROFESSIONS.length)];
			int l = random.nextInt(LAST.size());
			int f = random.nextInt(FIRST.size());
			// no two professionals of the demo share a name: the next first name when the pair is taken (then the next last name)
			for (int tried = 1; !named.add(LAST.get(l) + " " + FIRST.get(f)) && tried < FIRST.size() * LAST.size(); tried++) {
				f = (f + 1) % FIRST.size();
				l = f == 0 ? (l + 1) % LAST.size() : l;
			}
			String last = LAST.get(l);
			String first = FIRST.get(f);
			UUID id = UUID.randomUUID();
			String nationalId = "89" + String.format("%010d", 1000 + i);
			jdbc.sql("""
					insert into practitioner (id, national_id, id_kind, civility, last_name, first_name, profession_code, profession_label, source,
					  search_text, takes_new_patients)
					values (:id, :n, 'RPPS', :civ, :l, :f, :pc, :pl, 'MANUAL', :s, :t)""")
				.param("id", id).param("n", nationalId).param("civ", prof[0].equals("10") || prof[0].equals("40") ? "Docteur" : null)
				.param("l", last).param("f", first).param("pc", prof[0]).param("pl", prof[1])
				.param("s", FrenchText.normalize(last + " " + first + " " + prof[1]).toLowerCase(Locale.ROOT))
				.param("t", prof[0].equals("10") ? (Boolean) random.nextBoolean() : null).update();
			jdbc.sql("""
					insert into practitioner_activity (id, practitioner_id, activity_key, mode_label, skill_code, skill_label, site_name,
					  address, postcode, commune_code, commune_name, phone, content_hash, source)
					values (:a, :id, :k, 'Libéral', :sc, :sl, :site, :addr, :pc, :cc, :cn, :ph, '', 'MANUAL')""")
				.param("a", UUID.randomUUID()).param("id", id).param("k", "DEMO|" + nationalId).param("sc", prof[2].isEmpty() ? null : prof[2])
				.param("sl", prof[3].isEmpty() ? null : prof[3]).param("site", "Cabinet " + last).param("addr", (random.nextInt(80) + 1) + " avenue de la Libération")
				.param("pc", commune[2]).param("cc", commune[0]).param("cn", commune[1]).param("ph", String.format("04 92 %02d %02d %02d",
						random.nextInt(100), random.nextInt(100), random.nextInt(100)))
				.update();
		}
		for (String[] s : STRUCTURES) {
			UUID id = UUID.randomUUID();
			String[] commune = communes.stream().filter(c -> c[0].equals(s[2])).findFirst().orElse(communes.getFirst());
			jdbc.sql("""
					insert into organization (id, kind, name, address, postcode, commune_code, commune_name, phone, public_listing, search_text,
					  services, opening_hours)
					values (:id, :k, :n, 'Place de la Mairie', :pc, :cc, :cn, '04 92 00 00 00', :p, :s, :sv, :h)""")
				.param("id", id).param("k", s[0]).param("n", s[1]).param("pc", commune[2]).param("cc", commune[0]).param("cn", commune[1])
				.param("p", Boolean.parseBoolean(s[3])).param("s", FrenchText.normalize(s[1] + " " + commune[1]).toLowerCase(Locale.ROOT))
				.param("sv", s[0].equals("MSP") ? "Soins non programmés : 10 plages par jour" : null)
				.param("h", s[0].equals("MSP") || s[0].equals("PHARMACIE") ? "Du lundi au vendredi, 8 h – 19 h ; samedi 8 h – 12 h" : null).update();
			if (!s[0].equals("PHARMACIE")) {
				String status = s[0].equals("HOPITAL") || s[0].equals("MSP") ? "SIGNE" : s[0].equals("EHPAD") ? "A_SIGNER" : "RENCONTRE";
				jdbc.sql("""
						insert into partnership (id, cpts_id, organization_id, status, representative, signed_on, governance, notes)
						values (:id, :c, :o, :s, :r, :d, :g, :n)""")
					.param("id", UUID.randomUUID()).param("c", cpts.get()).param("o", id).param("s", status)
					.param("r", "Direction (démo)").param("d", status.equals("SIGNE") ? java.time.LocalDate.of(2026, 3, 12) : null)
					.param("g", s[0].equals("MSP")).param("n", "Partenariat fictif de démonstration").update();
			}
		}
		// how the demo professionals stand with the CPTS: most solicited, a fifth members, a few on the board
		jdbc.sql("""
				insert into cpts_engagement (cpts_id, practitioner_id, solicited_on, project, member, governance)
				select :c, id, date '2025-11-15', n % 9 = 0, n % 5 = 0, n % 15 = 0
				from (select id, row_number() over (order by national_id) as n from practitioner where national_id like '89%') p
				where n % 3 <> 0""").param("c", cpts.get()).update();
		// the demo member is the first GP of the directory, and acts for the first MSP (as its secretary would)
		accounts.userIdByEmail("membre@demo.maillage.fr").ifPresent(member -> {
			UUID gp = jdbc.sql("select id from practitioner where national_id like '89%' and profession_code = '10' order by national_id limit 1")
				.query(UUID.class).single();
			UUID msp = jdbc.sql("select id from organization where kind = 'MSP' and name like '%(démo)' order by name limit 1").query(UUID.class).single();
			for (String[] target : new String[][] { { gp.toString(), null }, { null, msp.toString() } }) {
				jdbc.sql("""
						insert into account_link_directory (id, user_id, practitioner_id, organization_id, cpts_id, status, origin, created_by)
						values (:id, :u, cast(:p as uuid), cast(:o as uuid), :c, 'ACTIVE', 'COORDINATOR', :u)""")
					.param("id", UUID.randomUUID()).param("u", member).param("p", target[0]).param("o", target[1]).param("c", cpts.get()).update();
			}
		});
		log.info("Démonstration : annuaire fictif de 120 professionnels et {} structures créé", STRUCTURES.length);
	}
}
