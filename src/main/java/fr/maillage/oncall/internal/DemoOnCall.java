package fr.maillage.oncall.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.directory.OrganizationForm;
import fr.maillage.directory.Organizations;
import fr.maillage.oncall.RosterKind;
import fr.maillage.oncall.RosterPattern;
import fr.maillage.oncall.Rosters;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MAILLAGE_DEMO=true: seed 002's rotas for this month and the next, built as a coordinator would:
 * pharmacies on 24-hour turns (three more invented pharmacies join the demo one), nurses by the
 * week, doctors on Sundays and public holidays (PDSA); one pharmacy turn in three days is left
 * empty, so the planning shows a gap and the morning job announces it.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoOnCall {

	private static final Logger log = LoggerFactory.getLogger(DemoOnCall.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Rosters rosters;
	private final Organizations organizations;
	private final TransactionTemplate tx;

	DemoOnCall(JdbcClient jdbc, Accounts accounts, Rosters rosters, Organizations organizations, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.rosters = rosters;
		this.organizations = organizations;
		this.tx = tx;
	}

	/** After the demo directory and unscheduled care. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(220)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(UUID.class).optional();
		if (coordinator.isEmpty() || cpts.isEmpty()
				|| jdbc.sql("select exists (select 1 from oncall_roster where cpts_id = :c)").param("c", cpts.get()).query(Boolean.class).single()) {
			return;
		}
		String[][] pharmacies = {{"Pharmacie du Cours (démo)", "12 boulevard du Temps perdu", "04112", "04 92 00 10 01"},
				{"Pharmacie de Forcalquier (démo)", "3 place du Bourguet", "04088", "04 92 00 10 02"},
				{"Pharmacie de Sainte-Tulle (démo)", "8 avenue de la Libération", "04197", "04 92 00 10 03"}};
		YearMonth now = YearMonth.now(RosterPattern.PARIS);
		int[] turns = new int[1];
		accounts.runAs(coordinator.get(), () -> tx.executeWithoutResult(s -> {
			for (String[] p : pharmacies) {
				organizations.create(new OrganizationForm("PHARMACIE", p[0], "", "", p[1], p[2], p[3], "", "", "", "Du lundi au samedi, 8 h 30 – 19 h 30",
						true));
			}
			Rosters.Roster pharmacy = rosters.create(cpts.get(), new Rosters.RosterForm(RosterKind.PHARMACIE, "Pharmacies de garde", null,
					RosterPattern.DAILY, LocalTime.of(9, 0), LocalTime.of(9, 0), "3237",
					"La nuit, sonnez à la pharmacie ; une ordonnance peut être demandée."));
			Rosters.Roster nurses = rosters.create(cpts.get(), new Rosters.RosterForm(RosterKind.INFIRMIER, "Infirmiers – semaine de garde", null,
					RosterPattern.WEEKLY, LocalTime.of(8, 0), LocalTime.of(8, 0), null, null));
			Rosters.Roster doctors = rosters.create(cpts.get(), new Rosters.RosterForm(RosterKind.MEDECIN, "Médecins – dimanches et jours fériés (PDSA)",
					null, RosterPattern.SUNDAYS_HOLIDAYS, LocalTime.of(8, 0), LocalTime.of(20, 0), "116 117",
					"Avant de vous déplacer, appelez le 116 117 (médecin de garde)."));
			for (Rosters.Roster r : java.util.List.of(pharmacy, nurses, doctors)) {
				for (YearMonth m = now; !m.isAfter(now.plusMonths(1)); m = m.plusMonths(1)) {
					turns[0] += rosters.prepareMonth(r.id(), m);
					rosters.fillInTurn(r.id(), m);
				}
			}
			UUID gap = jdbc.sql("select id from oncall_shift where roster_id = :r and starts_at > now() + interval '3 days' order by starts_at limit 1")
				.param("r", pharmacy.id()).query(UUID.class).single();
			rosters.assign(gap, null);
		}));
		log.info("Démonstration : 3 tableaux de garde, {} gardes sur deux mois (une garde de pharmacie laissée vide)", turns[0]);
	}
}
