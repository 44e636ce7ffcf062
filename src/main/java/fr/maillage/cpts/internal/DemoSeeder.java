package fr.maillage.cpts.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsForm;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.TerritoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * MAILLAGE_DEMO=true: a fictional CPTS with documented demo accounts (README, "Démonstration"),
 * created at start when absent, so anyone can look around in a minute. Never for production.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoSeeder implements SmartInitializingSingleton {

	static final String SLUG = "demo-luberon-durance";
	static final String ADMIN = "admin@demo.maillage.fr";
	static final String COORDINATOR = "coordination@demo.maillage.fr";
	static final String MEMBER = "membre@demo.maillage.fr";
	/** Demo passwords, published in the README on purpose: demo data only. */
	static final String ADMIN_PASSWORD = "demo-maillage-admin";
	static final String COORDINATOR_PASSWORD = "demo-maillage-coordination";
	static final String MEMBER_PASSWORD = "demo-maillage-membre";

	/** The communes of the Sud 04 health project (seed 002), with its zone flags: a real territory for a fictional CPTS. */
	private static final String TERRITORY = """
			04018 ZIP, 04035, 04045, 04012 ZIP, 04063, 04065 ZIP, 04068 ZIP, 04077, 04087 ZIP, 04088 ZIP, 04095 ZIP, 04034 ZAC,
			04169 ZIP, 04101 ZIP, 04041, 04104 ZIP, 04106 ZAC, 04111 ZIP, 04112 QPV, 04128, 04129, 04130 ZIP, 04132 ZIP,
			04138 ZIP, 04141 ZIP, 04142, 04143, 04151 ZIP, 04152, 04156, 04159 ZIP, 04160, 04164 ZIP, 04162 ZIP, 04163 ZIP,
			04178 ZIP, 04188 ZIP, 04190, 04192 ZIP, 04175, 04197, 04201 ZIP, 04206 ZIP, 04208 ZIP, 04227 ZIP, 04241,
			04242 ZAC, 04245""";

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final Accounts accounts;
	private final CptsService cpts;
	private final CptsStore store;

	DemoSeeder(Accounts accounts, CptsService cpts, CptsStore store) {
		this.accounts = accounts;
		this.cpts = cpts;
		this.store = store;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (store.findBySlug(SLUG).isPresent()) {
			return;
		}
		UUID admin = accounts.userIdByEmail(ADMIN).orElseGet(() -> accounts.createFirstAdministrator(ADMIN, "Administration démo", ADMIN_PASSWORD)
			.orElse(null));
		if (admin == null) {
			log.warn("MAILLAGE_DEMO : un autre administrateur existe déjà ; CPTS de démonstration non créée");
			return;
		}
		accounts.runAs(admin, () -> {
			Cpts demo = cpts.create(new CptsForm("CPTS Démo Luberon-Durance (fictive)", "ASSOCIATION_1901", "89273929300017",
					"1 place de la Mairie, 04100 Manosque", "contact@demo.maillage.fr", "04 00 00 00 00", SLUG));
			List<TerritoryEntry> entries = new ArrayList<>();
			for (String item : TERRITORY.split(",")) {
				String[] parts = item.strip().split(" ");
				String zone = parts.length > 1 ? parts[1] : "";
				entries.add(new TerritoryEntry(parts[0], zone.equals("QPV"), zone.equals("ZIP"), zone.equals("ZAC"), null));
			}
			cpts.replaceTerritory(demo.id(), entries);
			accounts.createUser(COORDINATOR, "Camille Coordination (démo)", COORDINATOR_PASSWORD)
				.ifPresent(id -> accounts.grant(id, demo.id(), Role.COORDINATOR));
			accounts.createUser(MEMBER, "Dominique Médecin (démo)", MEMBER_PASSWORD)
				.ifPresent(id -> accounts.grant(id, demo.id(), Role.MEMBER));
			log.info("Démonstration prête : {} ({} communes) ; comptes dans le README", demo.name(), entries.size());
		});
	}
}
