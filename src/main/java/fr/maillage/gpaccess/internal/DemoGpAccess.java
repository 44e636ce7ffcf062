package fr.maillage.gpaccess.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.gpaccess.GpCapacities;
import fr.maillage.gpaccess.GpIndicators;
import fr.maillage.gpaccess.GpRequests;
import fr.maillage.gpaccess.Orientation;
import fr.maillage.gpaccess.RequestForm;
import fr.maillage.gpaccess.Situation;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
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
 * MAILLAGE_DEMO=true: the demo CPTS's registry of requests for a médecin traitant (invented
 * people): capacities declared by eight GPs, requests waiting for months, médecins traitants found
 * over the past year, a first orientation sent (the demo member, a GP, has proposals to answer),
 * and the CPAM baseline.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoGpAccess {

	private static final Logger log = LoggerFactory.getLogger(DemoGpAccess.class);
	private static final List<String> LAST = List.of("ALLEMAND", "BERNARDI", "COLOMB", "DURBEC", "EYSSERIC", "FERAUD", "GARCIN", "HONORAT",
			"IMBERT", "JAUFFRET", "LIONS", "MARTINEL", "NOYER", "ORCEL", "PAUL", "QUEYREL", "ROUX", "SAUVAIRE", "TRON", "VILLECROZE");
	private static final List<String> FIRST_F = List.of("Jeanne", "Marcelle", "Odette", "Sylvie", "Nathalie", "Camille", "Léa", "Yvette");
	private static final List<String> FIRST_M = List.of("Marcel", "Henri", "Gérard", "Patrick", "Thierry", "Kevin", "Lucas", "Raymond");

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final GpRequests requests;
	private final GpCapacities capacities;
	private final Orientation orientation;
	private final GpIndicators indicators;
	private final TransactionTemplate tx;

	DemoGpAccess(JdbcClient jdbc, Accounts accounts, GpRequests requests, GpCapacities capacities, Orientation orientation,
			GpIndicators indicators, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.requests = requests;
		this.capacities = capacities;
		this.orientation = orientation;
		this.indicators = indicators;
		this.tx = tx;
	}

	/** After the demo directory (whose GPs it needs). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(200)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(UUID.class).optional();
		if (coordinator.isEmpty() || cpts.isEmpty()
				|| jdbc.sql("select exists (select 1 from gp_request where cpts_id = :c)").param("c", cpts.get()).query(Boolean.class).single()) {
			return;
		}
		UUID c = cpts.get();
		List<UUID> gps = jdbc.sql("select id from practitioner where national_id like '89%' and profession_code = '10' order by national_id limit 8")
			.query(UUID.class).list();
		List<String> communes = jdbc.sql("select insee_code from cpts_commune where cpts_id = :c order by insee_code").param("c", c)
			.query(String.class).list();
		if (gps.isEmpty() || communes.isEmpty()) {
			return;
		}
		Random random = new Random(5);
		accounts.runAs(coordinator.get(), () -> tx.executeWithoutResult(s -> {
			for (int g = 0; g < gps.size(); g++) {
				capacities.put(c, gps.get(g), new GpCapacities.Form(1 + g % 4, g % 3 == 0 ? GpCapacities.Period.QUARTER : GpCapacities.Period.MONTH,
						10.0 + 5 * (g % 4), List.of(), g % 2 == 0, null, null, "Capacité fictive de démonstration"));
			}
			Instant now = Instant.now();
			// requests solved in the past were proposed before this quarter: they never use up this month's or
			// quarter's capacity, so the demo GP always has proposals to answer, whatever the day
			LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
			Instant quarterStart = today.withMonth(1 + (today.getMonthValue() - 1) / 3 * 3).withDayOfMonth(1)
				.atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant();
			java.util.Set<String> named = new java.util.HashSet<>();
			for (int i = 0; i < 90; i++) {
				boolean woman = random.nextBoolean();
				LocalDate birth = LocalDate.of(1932 + random.nextInt(75), 1 + random.nextInt(12), 1 + random.nextInt(28));
				List<String> firsts = woman ? FIRST_F : FIRST_M;
				int f = random.nextInt(8);
				boolean ald = random.nextInt(4) == 0;
				int l = random.nextInt(LAST.size());
				// no two patients of the demo share a name: the next first name when the pair is taken (then the next last name)
				for (int tried = 1; !named.add(LAST.get(l) + " " + firsts.get(f)) && tried < firsts.size() * LAST.size(); tried++) {
					f = (f + 1) % firsts.size();
					l = f == 0 ? (l + 1) % LAST.size() : l;
				}
				String last = LAST.get(l);
				String first = firsts.get(f);
				RequestForm form = new RequestForm(
						new Identity(last, first, null, birth, woman ? "F" : "M", null, null),
						new Contact(null, String.format("06 %02d %02d %02d %02d", random.nextInt(100), random.nextInt(100), random.nextInt(100),
								random.nextInt(100)), null, communes.get(Math.min(communes.size() - 1, (int) Math.abs(random.nextGaussian() * communes.size() / 3)))),
						ald, ald && random.nextBoolean() ? 1 + random.nextInt(32) : null, random.nextInt(9) == 0,
						Situation.values()[random.nextInt(Situation.values().length)], random.nextInt(12) == 0, null, null, true);
				GpRequests.Filed filed = requests.file(c, form, true);
				Instant filedAt = i < 35 ? quarterStart.minus(25 + random.nextInt(300), ChronoUnit.DAYS)
						: now.minus(20 + random.nextInt(330), ChronoUnit.DAYS);
				jdbc.sql("update gp_request set filed_at = :at where id = :id").param("at", Timestamp.from(filedAt)).param("id", filed.id()).update();
				jdbc.sql("update gp_request_event set at = :at where request_id = :id").param("at", Timestamp.from(filedAt)).param("id", filed.id())
					.update();
				if (i < 35) {
					// found a médecin traitant before this month: proposed, accepted, declared
					UUID gp = gps.get(random.nextInt(gps.size()));
					long waited = 5 + random.nextInt(15);
					Instant proposed = filedAt.plus(waited, ChronoUnit.DAYS);
					Instant declared = proposed.plus(3 + random.nextInt(10), ChronoUnit.DAYS);
					jdbc.sql("""
							update gp_request set status = 'DECLARED', practitioner_id = :p, proposed_at = :pr, answered_at = :pr, declared_at = :d,
							  proposal_reason = 'Proposition de démonstration' where id = :id""")
						.param("p", gp).param("pr", Timestamp.from(proposed)).param("d", Timestamp.from(declared)).param("id", filed.id()).update();
					for (Object[] e : new Object[][] { { "PROPOSED", proposed }, { "ACCEPTED", proposed }, { "DECLARED", declared } }) {
						jdbc.sql("insert into gp_request_event (request_id, at, kind, practitioner_id, actor_id) values (:r, :at, :k, :p, :a)")
							.param("r", filed.id()).param("at", Timestamp.from((Instant) e[1])).param("k", e[0]).param("p", gp)
							.param("a", coordinator.get()).update();
					}
				}
			}
			indicators.saveBaseline(c, LocalDate.now().withDayOfYear(1), 1210, 240, 310, 95, 5.0);
			orientation.commit(c, null);
		}));
		log.info("Démonstration : 90 demandes de médecin traitant fictives, capacités de {} médecins", gps.size());
	}
}
