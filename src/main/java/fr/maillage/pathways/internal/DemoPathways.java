package fr.maillage.pathways.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.pathways.Enrolments;
import fr.maillage.pathways.PathwayRole;
import fr.maillage.pathways.PathwayTemplates;
import fr.maillage.pathways.Ruptures;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import java.time.LocalDate;
import java.util.List;
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
 * MAILLAGE_DEMO=true: the example pathways, and invented patients the demo member (a GP) follows
 * with a nurse and a pharmacist of the demo directory: three on the mental-health pathway, three
 * after a hospital discharge, with steps done, due and overdue; the morning job has run once.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoPathways {

	private static final Logger log = LoggerFactory.getLogger(DemoPathways.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final PathwayTemplates templates;
	private final Enrolments enrolments;
	private final Ruptures ruptures;
	private final TransactionTemplate tx;

	DemoPathways(JdbcClient jdbc, Accounts accounts, PathwayTemplates templates, Enrolments enrolments, Ruptures ruptures, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.templates = templates;
		this.enrolments = enrolments;
		this.ruptures = ruptures;
		this.tx = tx;
	}

	private record Demo(String birthName, String firstNames, String birthDate, String sex, String commune, int startedDaysAgo, boolean mentalHealth,
			int doneSteps) {
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(230)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var member = accounts.userIdByEmail("membre@demo.maillage.fr");
		var cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(UUID.class).optional();
		if (coordinator.isEmpty() || member.isEmpty() || cpts.isEmpty()
				|| jdbc.sql("select exists (select 1 from pathway_template where cpts_id = :c)").param("c", cpts.get()).query(Boolean.class).single()) {
			return;
		}
		List<PathwayTemplates.Template> examples = new java.util.ArrayList<>();
		accounts.runAs(coordinator.get(), () -> tx.executeWithoutResult(s -> examples.addAll(templates.installExamples(cpts.get()))));
		UUID mental = examples.stream().filter(t -> t.name().startsWith("Santé mentale")).findFirst().orElseThrow().id();
		UUID discharge = examples.stream().filter(t -> t.name().startsWith("Sortie")).findFirst().orElseThrow().id();
		UUID nurse = jdbc.sql("select id from practitioner where profession_code = '60' and national_id like '8%' order by national_id limit 1")
			.query(UUID.class).single();
		UUID pharmacist = jdbc.sql("select id from practitioner where profession_code = '21' and national_id like '8%' order by national_id limit 1")
			.query(UUID.class).single();
		List<Demo> demos = List.of(new Demo("ROUX", "Camille", "1987-05-14", "F", "04112", 430, true, 4),
				new Demo("MARTINEZ", "Hugo", "1975-11-02", "M", "04088", 240, true, 1), new Demo("CHABERT", "Inès", "1999-02-21", "F", "04112", 60, true, 1),
				new Demo("AUBERT", "Marcel", "1936-08-30", "M", "04112", 10, false, 1), new Demo("BERNARD", "Yvette", "1940-12-12", "F", "04088", 2, false, 0),
				new Demo("GARCIN", "Henri", "1944-04-04", "M", "04197", 25, false, 3));
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		accounts.runAs(member.get(), () -> {
			for (Demo d : demos) {
				tx.executeWithoutResult(s -> {
					UUID id = enrolments.enrol(new Enrolments.EnrolmentForm(cpts.get(), d.mentalHealth() ? mental : discharge, today.minusDays(d.startedDaysAgo()),
							new Identity(d.birthName() + " (démo)", d.firstNames(), null, LocalDate.parse(d.birthDate()), d.sex(), null, null),
							new Contact(null, "06 00 00 00 00", null, d.commune()), Consent.How.ORAL, true,
							List.of(new Enrolments.MemberForm(nurse, null, d.mentalHealth() ? PathwayRole.IPA : PathwayRole.INFIRMIER, null),
									new Enrolments.MemberForm(pharmacist, null, null, null))));
					// the earliest steps done on their due date, the rest left as they are
					List<Enrolments.Step> steps = enrolments.get(id).steps().stream().filter(x -> !x.dueDate().isAfter(today)).limit(d.doneSteps()).toList();
					for (Enrolments.Step step : steps) {
						enrolments.markDone(step.id(), step.dueDate(), null);
					}
				});
			}
		});
		Ruptures.Run run = ruptures.run();
		log.info("Démonstration : parcours d'exemple, {} patients suivis, {} étapes en rupture", demos.size(), run.marked());
	}
}
