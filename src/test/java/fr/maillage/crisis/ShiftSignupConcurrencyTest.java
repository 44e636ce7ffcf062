package fr.maillage.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.accounts.Accounts;
import fr.maillage.crisis.internal.ShiftStore;
import fr.maillage.platform.Problems;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 100 nurses sign up at the same instant for a shift needing 4: exactly 4 are in, 96 are told it
 * is full, nobody twice; and a shift's bad input (ending before it starts, needs of −1) is refused.
 */
@IntegrationTest
class ShiftSignupConcurrencyTest {

	static final int NURSES = 100;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	CrisisPlans plans;

	@Autowired
	Crises crises;

	@Autowired
	Sites sites;

	@Test
	void aHundredSignUpsForFourPlacesGiveExactlyFour() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cptsText = People.newCpts(admin);
		UUID cpts = UUID.fromString(cptsText);
		UUID coordinator = accounts.userIdByEmail(People.invite(admin, cptsText, "COORDINATOR").email()).orElseThrow();
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		List<UUID> nurses = new ArrayList<>();
		for (int i = 0; i < NURSES; i++) {
			UUID u = accounts.userIdByEmail(People.invite(admin, cptsText, "MEMBER").email()).orElseThrow();
			Gps.link(jdbc, u, Gps.practitioner(jdbc, "IDE" + i + tag, "60", "Infirmier", "", "04112", "Manosque"));
			nurses.add(u);
		}
		AtomicReference<UUID> shift = new AtomicReference<>();
		accounts.runAs(coordinator, () -> {
			plans.save(cpts, new PlanForm(Map.of("cell0.user", coordinator.toString(), "cell0.role", "REFERENT")), null);
			Crisis c = crises.activate(cpts, new CrisisForms.ActivationForm("EMERGING_AGENT", "2", "true", "Vaccination exceptionnelle", ""));
			ShiftStore.Site site = sites.open(c.id(), "Centre de vaccination", "VACCINATION", null, null);
			Map<Shift.Role, String> bad = new EnumMap<>(Shift.Role.class);
			bad.put(Shift.Role.NURSE, "-1");
			assertThatThrownBy(() -> sites.addShifts(site.id(), LocalDate.now().plusDays(1), LocalTime.of(14, 0), LocalTime.of(9, 0), 1, bad))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKeys("end", "needNURSE"));
			Map<Shift.Role, String> needs = new HashMap<>(Map.of(Shift.Role.NURSE, "4"));
			sites.addShifts(site.id(), LocalDate.now().plusDays(1), LocalTime.of(9, 0), LocalTime.of(13, 0), 1, needs);
			shift.set(jdbc.sql("select id from crisis_shift where site_id = :s").param("s", site.id()).query(UUID.class).single());
		});

		ExecutorService pool = Executors.newFixedThreadPool(NURSES);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger full = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		List<Future<?>> done = new ArrayList<>();
		for (UUID nurse : nurses) {
			done.add(pool.submit(() -> {
				start.await();
				accounts.runAs(nurse, () -> {
					try {
						sites.signUp(shift.get());
					} catch (Problems.RejectedException ex) {
						(ex.problems().all().getFirst().key().equals("crisis.shift.full") ? full : other).incrementAndGet();
					}
				});
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();
		assertThat(jdbc.sql("select count(*) from crisis_shift_signup where shift_id = :s").param("s", shift.get()).query(Long.class).single())
			.isEqualTo(4);
		assertThat(full.get()).isEqualTo(NURSES - 4);
		assertThat(other.get()).isZero();

		// a swap: one of the four offers her place, a nurse not on the shift takes it, and is told she is in; nobody else can take it then
		List<UUID> in = jdbc.sql("select user_id from crisis_shift_signup where shift_id = :s").param("s", shift.get()).query(UUID.class).list();
		UUID leaving = in.getFirst();
		UUID taking = nurses.stream().filter(n -> !in.contains(n)).findFirst().orElseThrow();
		UUID late = nurses.stream().filter(n -> !in.contains(n) && !n.equals(taking)).findFirst().orElseThrow();
		accounts.runAs(taking, () -> assertThatThrownBy(() -> sites.take(shift.get(), leaving)).isInstanceOf(Problems.RejectedException.class));
		accounts.runAs(leaving, () -> sites.offer(shift.get(), true));
		accounts.runAs(taking, () -> sites.take(shift.get(), leaving));
		accounts.runAs(late, () -> assertThatThrownBy(() -> sites.take(shift.get(), leaving)).isInstanceOfSatisfying(Problems.RejectedException.class,
				ex -> assertThat(ex.problems().byField()).containsKey("swap")));
		assertThat(jdbc.sql("select user_id from crisis_shift_signup where shift_id = :s").param("s", shift.get()).query(UUID.class).list())
			.hasSize(4).contains(taking).doesNotContain(leaving);
		assertThat(jdbc.sql("select count(*) from notification where user_id = :u and kind = 'crisis.gap'").param("u", leaving).query(Long.class).single())
			.isEqualTo(1);

		// the day before, the four are reminded once
		java.time.Instant startsAt = jdbc.sql("select starts_at from crisis_shift where id = :s").param("s", shift.get()).query(java.sql.Timestamp.class)
			.single().toInstant();
		assertThat(reminders.remind(startsAt.minus(java.time.Duration.ofHours(2)))).isGreaterThanOrEqualTo(4);
		assertThat(reminders.remind(startsAt.minus(java.time.Duration.ofHours(1)))).isZero();
		assertThat(jdbc.sql("select count(*) from notification where kind = 'crisis.shift.reminder' and user_id = any(:u)")
			.param("u", jdbc.sql("select user_id from crisis_shift_signup where shift_id = :s").param("s", shift.get()).query(UUID.class).list()
				.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(4);
	}

	@Autowired
	fr.maillage.crisis.internal.ShiftReminders reminders;
}
