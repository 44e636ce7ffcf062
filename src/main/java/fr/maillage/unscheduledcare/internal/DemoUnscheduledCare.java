package fr.maillage.unscheduledcare.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.unscheduledcare.Bookings;
import fr.maillage.unscheduledcare.SlotKind;
import fr.maillage.unscheduledcare.Slots;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
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
 * MAILLAGE_DEMO=true: the demo MSPs offer unscheduled-care slots (seed 002's "10 plages par jour"
 * on weekdays, Saturday mornings at the other), and the demo member, a GP who also acts for the
 * first MSP, has booked two of the other's for patients (invented).
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoUnscheduledCare {

	private static final Logger log = LoggerFactory.getLogger(DemoUnscheduledCare.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Slots slots;
	private final Bookings bookings;
	private final TransactionTemplate tx;

	DemoUnscheduledCare(JdbcClient jdbc, Accounts accounts, Slots slots, Bookings bookings, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.slots = slots;
		this.bookings = bookings;
		this.tx = tx;
	}

	/** After the demo directory (its MSPs). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(210)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var member = accounts.userIdByEmail("membre@demo.maillage.fr");
		var cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(UUID.class).optional();
		if (coordinator.isEmpty() || member.isEmpty() || cpts.isEmpty()
				|| jdbc.sql("select exists (select 1 from snp_rule where cpts_id = :c)").param("c", cpts.get()).query(Boolean.class).single()) {
			return;
		}
		List<UUID> msps = jdbc.sql("select id from organization where kind = 'MSP' and name like '%(démo)' order by name").query(UUID.class).list();
		if (msps.size() < 2) {
			return;
		}
		LocalDate tomorrow = LocalDate.now(Slots.PARIS).plusDays(1);
		int[] made = new int[1];
		accounts.runAs(coordinator.get(), () -> tx.executeWithoutResult(s -> {
			made[0] += slots.publish(new Slots.RuleForm(cpts.get(), new Slots.Owner(null, msps.get(0)), SlotKind.CABINET, "10",
					"Salle de soins non programmés", null, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(19, 0),
					20, 10, tomorrow, null, true)).count();
			made[0] += slots.publish(new Slots.RuleForm(cpts.get(), new Slots.Owner(null, msps.get(1)), SlotKind.CABINET, "10", null, null,
					EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(12, 0), 30, null, tomorrow, null, true)).count();
		}));
		accounts.runAs(member.get(), () -> tx.executeWithoutResult(s -> {
			List<UUID> first = jdbc.sql("select id from snp_slot where organization_id = :o and not booked order by starts_at limit 2")
				.param("o", msps.get(1)).query(UUID.class).list();
			String[][] patients = {{"Lucienne Arnaud (démo)", "1941-03-09", "06 00 00 00 01", "Plaie à surveiller, pansement"},
					{"Théo Blanc (démo)", "2016-06-21", "06 00 00 00 02", "Otite, fièvre depuis hier"}};
			for (int k = 0; k < first.size(); k++) {
				bookings.book(first.get(k), new Bookings.BookingForm(patients[k][0], LocalDate.parse(patients[k][1]), patients[k][2], patients[k][3],
						true));
			}
		}));
		log.info("Démonstration : {} créneaux de soins non programmés, 2 réservations", made[0]);
	}
}
