package fr.maillage.association.internal;

import fr.maillage.accounts.Accounts;
import fr.maillage.association.Fees;
import fr.maillage.association.Governance;
import fr.maillage.association.Meetings;
import fr.maillage.association.Members;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MAILLAGE_DEMO=true: the demo CPTS as an association, as seed 002 describes one: the professionals
 * the directory marks as members are registered in their colleges (one retired doctor an honorary
 * member), this year's fees are set and most are paid, a council renewed by thirds and a bureau are
 * formed, last spring's general assembly was held (attendance, a resolution, minutes published) and
 * the next council is being prepared. No e-mail is sent: the past is written as it happened.
 */
@Component
@ConditionalOnBooleanProperty("maillage.demo")
class DemoAssociation {

	private static final Logger log = LoggerFactory.getLogger(DemoAssociation.class);
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Members members;
	private final Fees fees;
	private final Governance governance;
	private final Meetings meetings;
	private final TransactionTemplate tx;

	DemoAssociation(JdbcClient jdbc, Accounts accounts, Members members, Fees fees, Governance governance, Meetings meetings, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.members = members;
		this.fees = fees;
		this.governance = governance;
		this.meetings = meetings;
		this.tx = tx;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(240)
	public void seed() {
		var coordinator = accounts.userIdByEmail("coordination@demo.maillage.fr");
		var cpts = jdbc.sql("select id from cpts where slug = 'demo-luberon-durance'").query(UUID.class).optional();
		if (coordinator.isEmpty() || cpts.isEmpty()
				|| jdbc.sql("select exists (select 1 from member where cpts_id = :c)").param("c", cpts.get()).query(Boolean.class).single()) {
			return;
		}
		UUID c = cpts.get();
		LocalDate today = LocalDate.now(PARIS);
		int year = today.getYear();
		int[] counts = new int[2];
		accounts.runAs(coordinator.get(), () -> tx.executeWithoutResult(s -> {
			// the members the directory's demo marks, and the demo member's GP; the first retired-looking one honorary
			List<UUID> pros = new ArrayList<>(jdbc.sql("""
					select e.practitioner_id from cpts_engagement e join practitioner p on p.id = e.practitioner_id
					where e.cpts_id = :c and (e.member or e.governance) order by p.national_id""").param("c", c).query(UUID.class).list());
			jdbc.sql("select practitioner_id from account_link_directory l join user_account u on u.id = l.user_id where u.email = 'membre@demo.maillage.fr'"
					+ " and practitioner_id is not null").query(UUID.class).optional().filter(p -> !pros.contains(p)).ifPresent(p -> pros.addFirst(p));
			List<Members.Member> registered = new ArrayList<>();
			for (int i = 0; i < pros.size(); i++) {
				LocalDate since = LocalDate.of(year - 2 + i % 3, 1 + i % 12, 1);
				registered.add(members.register(c, new Members.MemberForm(pros.get(i), null, null, since.isAfter(today) ? today.withDayOfMonth(1) : since,
						i == pros.size() - 1)));
			}
			counts[0] = registered.size();
			Map<String, String> rates = new java.util.HashMap<>();
			jdbc.sql("select id, name from college where cpts_id = :c").param("c", c)
				.query((rs, n) -> rates.put(rs.getString(1), switch (rs.getString(2)) {
					case "Médecins" -> "50";
					case "Structures" -> "100";
					default -> "30";
				})).list();
			rates.put("honorary", "20");
			fees.setRates(c, year, rates);
			// three members in four paid, weeks ago (written as they happened: no receipt e-mailed today)
			int number = 0;
			for (int i = 0; i < registered.size(); i++) {
				Members.Member m = registered.get(i);
				if (i % 4 == 3 || m.honorary()) {
					continue;
				}
				long due = jdbc.sql("select amount_cents from fee_rate where cpts_id = :c and year = :y and college_id = :college").param("c", c)
					.param("y", year).param("college", m.collegeId()).query(Long.class).optional().orElse(0L);
				if (due > 0) {
					jdbc.sql("""
							insert into fee_payment (id, cpts_id, member_id, year, amount_cents, paid_on, method, receipt_number, recorded_by)
							values (:id, :c, :m, :y, :a, :d, :method, :n, :by)""")
						.param("id", UUID.randomUUID()).param("c", c).param("m", m.id()).param("y", year).param("a", due)
						.param("d", today.minusDays(20 + i)).param("method", (i % 2 == 0 ? Fees.Method.VIREMENT : Fees.Method.CHEQUE).name())
						.param("n", ++number).param("by", coordinator.get()).update();
					counts[1]++;
				}
			}
			// the council (renewed by thirds) and the bureau drawn from it
			Governance.Body council = governance.createBody(c, new Governance.BodyForm("Conseil d'administration", Governance.Kind.CONSEIL, true, 1, 2,
					true, 1));
			Governance.Body bureau = governance.createBody(c, new Governance.BodyForm("Bureau", Governance.Kind.BUREAU, false, 1, 2, true, 1));
			Governance.Position[] offices = {Governance.Position.PRESIDENT, Governance.Position.VICE_PRESIDENT, Governance.Position.SECRETAIRE,
					Governance.Position.TRESORIER};
			List<Members.Member> voting = registered.stream().filter(Members.Member::votes).toList();
			for (int i = 0; i < Math.min(9, voting.size()); i++) {
				LocalDate from = today.minusYears(1 + i % 3).withDayOfMonth(1);
				governance.appoint(council.id(), new Governance.MandateForm(voting.get(i).id(), Governance.Position.MEMBRE, from, null));
				if (i < offices.length) {
					governance.appoint(bureau.id(), new Governance.MandateForm(voting.get(i).id(), offices[i], from, null));
				}
			}
			// last spring's general assembly, held, with its minutes; the next council in preparation
			Meetings.Meeting ag = meetings.create(c, new Meetings.MeetingForm(Meetings.Kind.AG, null, "Assemblée générale annuelle",
					LocalDateTime.of(year, 4, 10, 19, 0).isBefore(LocalDateTime.now(PARIS)) ? LocalDateTime.of(year, 4, 10, 19, 0)
							: LocalDateTime.of(year - 1, 4, 10, 19, 0), 120, "Salle des fêtes, Manosque", null,
					"1. Rapport moral et d'activité\n2. Rapport financier\n3. Renouvellement du conseil par tiers", 1, 4));
			meetings.invite(ag.id(), new Meetings.Invitees(null, null, true, List.of()));
			jdbc.sql("update meeting set status = 'CONVENED', convened_at = starts_at - interval '21 days' where id = :id").param("id", ag.id()).update();
			List<Meetings.Invitee> invited = meetings.invitees(ag.id());
			List<UUID> present = invited.stream().filter(x -> Math.abs(x.memberId().hashCode()) % 3 != 0).map(Meetings.Invitee::memberId).toList();
			meetings.takeAttendance(ag.id(), present);
			Meetings.Resolution r = meetings.addResolution(ag.id(), "L'assemblée approuve les comptes de l'exercice et le rapport d'activité.");
			invited.stream().filter(x -> x.voting() && present.contains(x.memberId()))
				.forEach(x -> meetings.vote(r.id(), x.memberId(), Math.abs(x.memberId().hashCode()) % 7 == 0 ? Meetings.Choice.ABSTENTION : Meetings.Choice.POUR));
			meetings.saveMinutes(ag.id(), "L'assemblée générale s'est tenue à Manosque.\n\nLe rapport moral et le rapport financier ont été présentés "
					+ "puis approuvés. Un tiers du conseil a été renouvelé.");
			jdbc.sql("update meeting set minutes_published_at = starts_at + interval '10 days' where id = :id").param("id", ag.id()).update();
			meetings.create(c, new Meetings.MeetingForm(Meetings.Kind.CA, council.id(), "Conseil d'administration",
					today.plusDays(12).atTime(20, 0), 90, "Maison de santé, Manosque", "https://visio.example.org/cpts-demo", "1. Budget\n2. Fiches-actions",
					null, null));
		}));
		log.info("Démonstration : {} adhérents, {} cotisations payées, conseil, bureau, une AG tenue et un conseil en préparation", counts[0], counts[1]);
	}
}
