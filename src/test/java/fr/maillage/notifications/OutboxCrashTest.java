package fr.maillage.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.notifications.internal.OutboxDispatcher;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives a crash: an announcement to N professionals (500 here, 5,000 with
 * {@code -Dmaillage.crash.recipients=5000} in the benchmark) is delivered by a second application
 * process sharing the database, killed with SIGKILL in the middle of the batch, then started
 * again: every recipient gets the e-mail, and the only duplicates are the messages in flight at
 * the kill (at most one per delivery thread), with the same Message-ID as the first copy.
 */
@IntegrationTest
class OutboxCrashTest {

	static final int RECIPIENTS = Integer.getInteger("maillage.crash.recipients", 500);
	static final int WORKERS = 4;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	OutboxDispatcher dispatcher;

	@Test
	void killedInTheMiddleOfABatchAndRestartedEveryoneGetsTheEmailOnce() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = fr.maillage.support.People.newCpts(admin);
		assertThat(admin.put("/api/v1/cpts/" + cpts + "/territory", List.of("04006")).status()).isEqualTo(200);
		String domain = TestData.unique("crash").toLowerCase() + ".mssante.fr";
		jdbc.sql("""
				with p as (
				  insert into practitioner (id, last_name, profession_code, profession_label, mssante, source, search_text)
				  select gen_random_uuid(), 'CRASH' || n, '60', 'Infirmier', 'ide' || n || '@' || :d, 'MANUAL', 'crash'
				  from generate_series(1, :n) n returning id)
				insert into practitioner_activity (id, practitioner_id, activity_key, commune_code, commune_name, content_hash)
				select gen_random_uuid(), id, 'CRASH|' || id, '04006', 'Allos', '' from p""")
			.param("d", domain).param("n", RECIPIENTS).update();

		dispatcher.stop(); // this test process must not deliver: the child processes do
		fr.maillage.support.SecondNode child = null;
		try {
			Api.Response sent = admin.post("/api/v1/cpts/" + cpts + "/announcements", Map.of("title", "Alerte canicule " + domain,
					"body", "Plan canicule déclenché.", "audience", "outreach"));
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			assertThat(sent.json().get("recipients").asLong()).isEqualTo(RECIPIENTS);

			child = fr.maillage.support.SecondNode.start(dataSource, "crash-child", "crash-first", "--maillage.notifications.workers=" + WORKERS);
			long deadline = System.currentTimeMillis() + 120_000;
			while (received(domain).size() < RECIPIENTS / 5 && System.currentTimeMillis() < deadline) {
				Thread.sleep(20);
			}
			child.kill(); // SIGKILL: no graceful stop
			int atKill = received(domain).size();
			assertThat(atKill).as("killed in the middle of the batch").isBetween(1, RECIPIENTS - 1);

			child = fr.maillage.support.SecondNode.start(dataSource, "crash-child", "crash-second", "--maillage.notifications.workers=" + WORKERS);
			while (recipients(domain).size() < RECIPIENTS && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			List<MimeMessage> all = received(domain);
			Map<String, List<String>> idsByRecipient = new HashMap<>();
			for (MimeMessage m : all) {
				idsByRecipient.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new ArrayList<>()).add(m.getMessageID());
			}
			assertThat(idsByRecipient).as("every recipient got the e-mail").hasSize(RECIPIENTS);
			int duplicates = all.size() - RECIPIENTS;
			assertThat(duplicates).as("only what was in flight at the kill is sent twice").isLessThanOrEqualTo(WORKERS);
			idsByRecipient.values().forEach(ids -> assertThat(Set.copyOf(ids)).as("a copy keeps its Message-ID").hasSize(1));
			System.out.printf("outbox crash test: %d recipients, %d delivered before the kill, %d duplicate(s)%n", RECIPIENTS, atKill, duplicates);
		}
		finally {
			if (child != null) {
				child.kill();
			}
			dispatcher.start();
		}
	}

	private static List<MimeMessage> received(String domain) {
		return Arrays.stream(Mail.server().getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().endsWith("@" + domain);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private static Set<String> recipients(String domain) {
		return received(domain).stream().map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				return "";
			}
		}).collect(Collectors.toSet());
	}
}
