package fr.maillage.unscheduledcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.SecondNode;
import fr.maillage.support.TestData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every effect of a committed change survives a crash: a node killed right after a booking commits,
 * before anything else runs, and started again; the slot's owner is notified once, in the
 * application and by e-mail.
 */
@IntegrationTest
class BookingCrashTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Test
	void aNodeKilledBetweenTheCommitOfABookingAndItsNotificationStillNotifiesOnce() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04070"));
		People.Person staffPerson = People.invite(admin, cpts, "MEMBER");
		UUID staffUser = accounts.userIdByEmail(staffPerson.email()).orElseThrow();
		UUID msp = fr.maillage.support.Gps.msp(jdbc, "MSP " + TestData.unique("crash"), "04070", "Digne-les-Bains", staffUser);
		Api staff = new Api(port, People.token(port, staffPerson));
		String pharmacistToken = People.join(admin, port, cpts, "MEMBER");
		LocalDate day = LocalDate.now().plusDays(1);
		while (fr.maillage.reference.PublicHolidays.isHoliday(day, false)) {
			day = day.plusDays(1);
		}
		Api.Response published = staff.post("/api/v1/slots", Map.ofEntries(Map.entry("cptsId", cpts),
				Map.entry("organizationId", msp.toString()), Map.entry("kind", "CABINET"), Map.entry("profession", "médecin"),
				Map.entry("siteLabel", "Salle de soins"), Map.entry("days", List.of(day.getDayOfWeek().name())), Map.entry("dayStart", "08:00"),
				Map.entry("dayEnd", "09:00"), Map.entry("slotMinutes", 20), Map.entry("validFrom", day.toString()),
				Map.entry("validUntil", day.toString())));
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		String slot = jdbc.sql("select id::text from snp_slot where organization_id = :o order by starts_at limit 1")
			.param("o", msp).query(String.class).single();

		try (SecondNode node = SecondNode.start(dataSource, "booking-crash", "booking-crash-first",
				List.of("-Dmaillage.crash-at=snp.booking.committed"))) {
			Api pharmacist = new Api(node.port(), pharmacistToken);
			assertThatThrownBy(() -> pharmacist.post("/api/v1/slots/" + slot + "/booking", Map.of("patientName", "Jeanne Martin",
					"patientBirthDate", "1958-04-02", "patientPhone", "06 11 22 33 44", "reason", "Fièvre", "consent", true)))
				.as("the node halts once the booking has committed").isInstanceOf(java.io.UncheckedIOException.class);
			assertThat(node.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		assertThat(jdbc.sql("select count(*) from snp_booking where slot_id = :s::uuid and cancelled_at is null").param("s", slot)
			.query(Long.class).single()).as("the booking was committed").isEqualTo(1);

		try (SecondNode restarted = SecondNode.start(dataSource, "booking-crash", "booking-crash-second")) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Mail.to(staffPerson.email()).stream()
				.filter(m -> Mail.text(m).contains("/soins-non-programmes/mes-creneaux")).count()).isEqualTo(1)); // about a patient: signalled, without content (no MSSanté address)
			assertThat(jdbc.sql("select count(*) from notification where user_id = :u and kind = :k").param("u", staffUser)
				.param("k", Bookings.KIND_BOOKED).query(Long.class).single()).as("notified once in the application").isEqualTo(1);
		}
	}
}
