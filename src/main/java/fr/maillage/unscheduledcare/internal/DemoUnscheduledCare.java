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

	/**
	 * Six past weeks at the first MSP, so that the indicators have something to say: its weekday
	 * slots, nearly half of them booked by the demo member's practice, most consultations held, a
	 * few missed or sent elsewhere (invented patients, deterministic from the slot's time).
	 */
	int past(UUID cpts, UUID msp, UUID member) {
		return tx.execute(s -> {
			var like = jdbc.sql("select owner_label, commune_code from snp_slot where organization_id = :o limit 1").param("o", msp).query().singleRow();
			jdbc.sql("""
					insert into snp_slot (id, cpts_id, organization_id, owner_label, kind, profession_code, site_label, commune_code, starts_at, ends_at,
					  booked, created_at)
					select gen_random_uuid(), :c, :o, :label, 'CABINET', '10', 'Salle de soins non programmés', :commune, t at time zone 'Europe/Paris',
					  (t + interval '20 minutes') at time zone 'Europe/Paris', (extract(epoch from t)::bigint / 1200) % 9 < 4, t - interval '14 days'
					from generate_series(date_trunc('day', now() at time zone 'Europe/Paris') - interval '42 days',
					  date_trunc('day', now() at time zone 'Europe/Paris') - interval '1 day', interval '20 minutes') t
					where extract(isodow from t) <= 5 and t::time >= time '08:00' and t::time < time '19:00'""")
				.param("c", cpts).param("o", msp).param("label", like.get("owner_label")).param("commune", like.get("commune_code")).update();
			return jdbc.sql("""
					insert into snp_booking (id, slot_id, booked_by, booked_at, patient_name, patient_birth_date, patient_phone, reason, outcome, outcome_at)
					select gen_random_uuid(), s.id, :m, s.starts_at - interval '3 hours',
					  (array['Martine Roux (démo)', 'Karim Benali (démo)', 'Inès Garcia (démo)', 'Paul Girard (démo)', 'Léa Fontaine (démo)'])[1 + n % 5],
					  date '1950-01-01' + (n % 25000)::int, '06 00 00 00 ' || lpad((n % 100)::text, 2, '0'),
					  (array['Entorse de la cheville', 'Fièvre depuis deux jours', 'Douleur d''oreille', 'Plaie à suturer', 'Toux persistante'])[1 + n % 5],
					  case when n % 13 = 0 then 'NON_HONORE' when n % 11 = 0 then 'REORIENTE' else 'HONORE' end, s.ends_at
					from (select id, starts_at, ends_at, (extract(epoch from starts_at)::bigint / 1200) as n from snp_slot
					      where organization_id = :o and booked and starts_at < now()) s""")
				.param("m", member).param("o", msp).update();
		});
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
		int past = past(cpts.get(), msps.get(0), member.get());
		log.info("Démonstration : {} créneaux de soins non programmés, 2 réservations ; {} consultations passées", made[0], past);
	}
}
