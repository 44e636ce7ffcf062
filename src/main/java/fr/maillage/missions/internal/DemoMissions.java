package fr.maillage.missions.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.ActionSheetForm;
import fr.maillage.missions.ActionSheets;
import fr.maillage.missions.BudgetLineForm;
import fr.maillage.missions.Budgets;
import fr.maillage.missions.ContractTerms;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.FecMapping;
import fr.maillage.missions.IndicatorForm;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Indicators;
import fr.maillage.missions.Mission;
import fr.maillage.missions.ProofFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MAILLAGE_DEMO=true: the demo CPTS's ACI contract, signed twenty months ago with the four socle
 * missions; indicators computed by Maillage with their weights and targets, one entered by hand
 * with its proof; the past months snapshotted; an action sheet per socle mission (two running, one
 * validated, one draft) and an own mission; this year's budget with the accountant's mapping.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoMissions {

	private static final Logger log = LoggerFactory.getLogger(DemoMissions.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Contracts contracts;
	private final Indicators indicators;
	private final ActionSheets sheets;
	private final Budgets budgets;
	private final IndicatorSnapshots snapshots;

	DemoMissions(JdbcClient jdbc, Accounts accounts, Contracts contracts, Indicators indicators, ActionSheets sheets, Budgets budgets,
			IndicatorSnapshots snapshots) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.contracts = contracts;
		this.indicators = indicators;
		this.sheets = sheets;
		this.budgets = budgets;
		this.snapshots = snapshots;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(250)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(UUID.class).optional();
		if (coordinator.isEmpty() || cpts.isEmpty() || contracts.contractOf(cpts.get()).isPresent()) {
			return;
		}
		UUID c = cpts.get();
		LocalDate today = LocalDate.now(IndicatorSource.PARIS);
		LocalDate signedOn = today.withDayOfMonth(1).minusMonths(20);
		accounts.runAs(coordinator.get(), () -> {
			contracts.save(c, new ContractTerms(signedOn, null, null, null, null,
					List.of(mission(Mission.ACCESS), mission(Mission.PATHWAYS), mission(Mission.PREVENTION), mission(Mission.CRISIS)), null));
			Map<Integer, IndicatorForm.Target> slots = targets(80, 200);
			UUID opened = indicators.create(c, computed("snp.opened", 50, slots)).id();
			indicators.create(c, computed("gpaccess.found", 50, targets(20, 40)));
			UUID pathways = indicators.create(c, computed("pathways.enrolled", 100, targets(5, 10))).id();
			indicators.create(c, computed("oncall.coverage", 0, Map.of()));
			indicators.create(c, computed("messaging.acknowledged", 0, Map.of()));
			UUID vaccination = indicators.create(c, new IndicatorForm("PREVENTION", null, "Personnes vaccinées contre la grippe lors des journées de la CPTS",
					fr.maillage.missions.Indicator.Kind.RESULT, "Comptées sur les feuilles d'émargement des journées de vaccination.",
					fr.maillage.missions.Indicator.Unit.PATIENTS, fr.maillage.missions.Indicator.Aggregation.SUM, "Feuilles d'émargement", null, null,
					new BigDecimal(100), false, targets(150, 250))).id();
			indicators.enterValue(c, vaccination, today.withDayOfMonth(1).minusMonths(2), new BigDecimal(96), null, "Deux journées en mairie",
					new ProofFile("emargement-vaccination.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
			snapshots.snapshot(c, signedOn, today);
			int year = today.getYear();
			var own = sheets.addOwnMission(c, "Maison des aidants", "Accueil et répit des aidants familiaux du territoire", "Appel à projets ARS 2025");
			UUID access = sheet(c, year, "ACCESS", "Créneaux de soins non programmés partagés entre MSP", List.of(opened), ActionSheet.Transition.START);
			sheet(c, year, "PATHWAYS", "Parcours santé mentale : psychiatre référent pour les médecins", List.of(pathways), ActionSheet.Transition.START);
			sheet(c, year, "PREVENTION", "Journées de vaccination antigrippale en mairie", List.of(vaccination), null);
			sheets.create(c, new ActionSheetForm(year, "CRISIS", "Plan de réponse aux situations sanitaires exceptionnelles", "Canicules récurrentes.",
					null, null, null, null, List.of(), List.of(), List.of(), List.of(), null));
			sheets.create(c, new ActionSheetForm(year, own.id().toString(), "Permanence d'accueil des aidants", null, "Un lieu d'écoute par semaine",
					"Aidants familiaux", "Permanence hebdomadaire", null, List.of(), List.of(), List.of(), List.of(), null));
			budgets.saveLine(c, null, new BudgetLineForm(year, "FUNCTIONING", null, "ACI_FUNCTIONING", "ACI : fonctionnement", 9_100_000L, 6_825_000L));
			budgets.saveLine(c, null, new BudgetLineForm(year, "FUNCTIONING", null, "SALARIES", "Coordinatrice (0,8 ETP)", 4_200_000L, 3_650_000L));
			budgets.saveLine(c, null, new BudgetLineForm(year, "ACCESS", access, "TOOLS", "Agenda partagé des créneaux", 300_000L, 420_000L));
			budgets.saveLine(c, null, new BudgetLineForm(year, "PREVENTION", null, "EVENTS", "Journées de vaccination", 150_000L, 80_000L));
			budgets.saveLine(c, null, new BudgetLineForm(year, own.id().toString(), null, "CALL_FOR_PROJECTS", "Subvention ARS", 1_500_000L, 1_500_000L));
			budgets.saveMapping(c, FecMapping.Kind.ACCOUNT, "641", "FUNCTIONING", "SALARIES");
			budgets.saveMapping(c, FecMapping.Kind.ACCOUNT, "741", "FUNCTIONING", "ACI_FUNCTIONING");
		});
		log.info("Démo : contrat ACI, indicateurs, fiches-actions et budget de la CPTS de démonstration");
	}

	private UUID sheet(UUID c, int year, String mission, String title, List<UUID> indicatorIds, ActionSheet.@org.jspecify.annotations.Nullable Transition then) {
		UUID pilot = sheets.people(c).stream().findFirst().map(ActionSheet.Person::memberId).orElse(null);
		List<UUID> partners = sheets.partners(c).stream().limit(2).map(p -> p.organization().id()).toList();
		ActionSheet s = sheets.create(c, new ActionSheetForm(year, mission, title, "Diagnostic partagé lors de l'assemblée générale.",
				"Répondre aux besoins identifiés dans le projet de santé.", "Patients du territoire", "Réunions de travail, outil partagé, bilan à six mois.",
				pilot, List.of(), partners, List.of(new ActionSheet.Milestone(LocalDate.of(year, 3, 31), "Groupe de travail constitué", true),
						new ActionSheet.Milestone(LocalDate.of(year, 11, 30), "Bilan", false)), indicatorIds, null));
		if (pilot != null) {
			sheets.move(c, s.id(), ActionSheet.Transition.VALIDATE);
			if (then != null) {
				sheets.move(c, s.id(), then);
			}
		}
		return s.id();
	}

	private static ContractTerms.MissionTerms mission(Mission m) {
		return new ContractTerms.MissionTerms(m, null, null, null, null, null, null, null);
	}

	private static IndicatorForm computed(String code, int weight, Map<Integer, IndicatorForm.Target> targets) {
		return new IndicatorForm(null, code, null, null, null, null, null, null, null, null, new BigDecimal(weight), false, targets);
	}

	private static Map<Integer, IndicatorForm.Target> targets(int first, int second) {
		return Map.of(1, new IndicatorForm.Target(new BigDecimal(first), null), 2, new IndicatorForm.Target(new BigDecimal(second), null));
	}
}
