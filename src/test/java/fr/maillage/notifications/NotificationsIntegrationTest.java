package fr.maillage.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.internal.Digests;
import fr.maillage.notifications.internal.Outbox;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.SmsStub;
import fr.maillage.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Notifications through the outbox: e-mail with its fixed Message-ID, choices per kind, digests, SMS, retries. */
@IntegrationTest
class NotificationsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@Autowired
	Digests digests;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	record Someone(People.Person person, UUID id, Api api) {
	}

	Someone someone(Api admin, String cpts) {
		People.Person p = People.invite(admin, cpts, "MEMBER");
		return new Someone(p, accounts.userIdByEmail(p.email()).orElseThrow(), new Api(port, People.token(port, p)));
	}

	List<UUID> send(Notice... notices) {
		return tx.execute(s -> notifications.send(List.of(notices)));
	}

	@Test
	void anImmediateNotificationIsInTheAppAndInTheMailboxWithTheOutboxMessageId() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Someone nurse = someone(admin, cpts);
		UUID id = send(Notice.of(nurse.id(), UUID.fromString(cpts), AccountLinks.KIND, "Nouvelle demande", "Texte <b>brut</b>", "/annuaire")).getFirst();

		MimeMessage mail = Mail.awaitSubject(nurse.person().email(), "Nouvelle demande");
		assertThat(Mail.text(mail)).contains("Texte <b>brut</b>").contains("/annuaire");
		String messageId = jdbc.sql("select message_id from outbox_message where notification_id = :n").param("n", id).query(String.class).single();
		assertThat(mail.getMessageID()).isEqualTo(messageId);
		assertThat(jdbc.sql("select status from outbox_message where notification_id = :n").param("n", id).query(String.class).single())
			.isEqualTo("SENT");

		var mine = nurse.api().get("/api/v1/me/notifications").json();
		assertThat(mine.get("unread").asLong()).isEqualTo(1);
		assertThat(mine.get("items").get(0).get("title").asString()).isEqualTo("Nouvelle demande");
		assertThat(nurse.api().post("/api/v1/me/notifications/" + id + "/read", "").status()).isEqualTo(204);
		assertThat(nurse.api().get("/api/v1/me/notifications").json().get("unread").asLong()).isZero();
		Someone other = someone(admin, cpts);
		assertThat(other.api().post("/api/v1/me/notifications/" + id + "/read", "").status()).as("someone else's").isEqualTo(404);
	}

	@Test
	void choicesPerKindAppOnlyAndDailyDigest() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Someone quiet = someone(admin, cpts);
		Someone digest = someone(admin, cpts);
		accounts.runAs(quiet.id(), () -> notifications.choose(AccountLinks.KIND, DeliveryMode.APP_ONLY));
		accounts.runAs(digest.id(), () -> notifications.choose(AccountLinks.KIND, DeliveryMode.DIGEST));
		UUID appOnly = send(Notice.of(quiet.id(), null, AccountLinks.KIND, "Dans l'application seulement", "…", null)).getFirst();
		send(Notice.of(digest.id(), null, AccountLinks.KIND, "Première du jour", "un", null),
				Notice.of(digest.id(), null, AccountLinks.KIND, "Seconde du jour", "deux", null));
		assertThat(jdbc.sql("select count(*) from outbox_message where notification_id = :n").param("n", appOnly).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r").param("r", digest.person().email()).query(Long.class).single())
			.as("nothing at once for a digest").isZero();

		assertThat(digests.run()).isPositive();
		MimeMessage summary = Mail.awaitSubject(digest.person().email(), "résumé du jour (2 notification(s))");
		assertThat(Mail.text(summary)).contains("Première du jour").contains("Seconde du jour");
		digests.run();
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r").param("r", digest.person().email()).query(Long.class).single())
			.as("a notification goes in one digest only").isEqualTo(1);
		assertThat(quiet.api().get("/api/v1/me/notifications").json().get("unread").asLong()).isEqualTo(1);
	}

	@Test
	void urgentOnesGoAtOnceAndBySmsAndAFailingGatewayIsRetriedWithBackoff() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Someone gp = someone(admin, cpts);
		Someone unlucky = someone(admin, cpts);
		String mobile = "06 " + String.format("%02d %02d %02d", ThreadLocalRandom.current().nextInt(100), ThreadLocalRandom.current().nextInt(100),
				ThreadLocalRandom.current().nextInt(100)) + " 12";
		link(gp.id(), mobile);
		link(unlucky.id(), "07 00 00 00 99");
		accounts.runAs(gp.id(), () -> notifications.choose(AccountLinks.KIND, DeliveryMode.APP_ONLY));
		send(new Notice(gp.id(), null, AccountLinks.KIND, "Demande d'avis urgente", "Patient en décompensation", "/", true),
				new Notice(unlucky.id(), null, AccountLinks.KIND, "Alerte", "Texte", "/", true));

		Mail.awaitSubject(gp.person().email(), "[URGENT]");
		String international = "+33" + mobile.replace(" ", "").substring(1);
		assertThat(SmsStub.to(international)).singleElement().asString().contains("Demande d'avis urgente");

		long deadline = System.currentTimeMillis() + 10_000;
		while (outbox.troubled(500).stream().noneMatch(r -> r.recipient().equals("07 00 00 00 99")) && System.currentTimeMillis() < deadline) {
			Thread.onSpinWait();
		}
		Outbox.Row failing = outbox.troubled(500).stream().filter(r -> r.recipient().equals("07 00 00 00 99")).findFirst().orElseThrow();
		assertThat(failing.status()).isEqualTo("PENDING");
		assertThat(failing.attempts()).isEqualTo(1);
		assertThat(failing.lastError()).contains("HTTP 500");
		assertThat(failing.nextAttemptAt()).isAfter(java.time.Instant.now().plusSeconds(20));
	}

	@Test
	void apiClientsFollowTheirLiveStreamWithTheirToken() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Someone nurse = someone(admin, cpts);
		String token = People.token(port, nurse.person());
		List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
		var http = java.net.http.HttpClient.newHttpClient();
		var stream = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/live"))
			.header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
				java.net.http.HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
					@Override
					public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
						s.request(Long.MAX_VALUE);
					}

					@Override
					public void onNext(String item) {
						lines.add(item);
					}

					@Override
					public void onError(Throwable t) {
					}

					@Override
					public void onComplete() {
					}
				}));
		long deadline = System.currentTimeMillis() + 5000;
		while (lines.isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertThat(lines).as("the stream opens").isNotEmpty();
		send(Notice.of(nurse.id(), null, AccountLinks.KIND, "En direct", "…", null));
		while (!lines.contains("event:notification") && System.currentTimeMillis() < deadline + 5000) {
			Thread.sleep(20);
		}
		assertThat(lines).contains("event:notification");
		stream.cancel(true);
		assertThat(new Api(port, null).get("/api/v1/live").status()).isEqualTo(401);
	}

	private void link(UUID user, String phone) {
		UUID practitioner = UUID.randomUUID();
		jdbc.sql("insert into practitioner (id, last_name, phone, source, search_text) values (:id, 'ALERTE', :p, 'MANUAL', 'alerte')")
			.param("id", practitioner).param("p", phone).update();
		jdbc.sql("""
				insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by)
				values (:id, :u, :p, 'ACTIVE', 'COORDINATOR', :u)""").param("id", UUID.randomUUID()).param("u", user).param("p", practitioner).update();
	}
}
