package fr.maillage.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Events and registrations through the API: bad input told in French; the capacity exact and the
 * waiting list in order under a crowd of simultaneous registrations; a cancellation by the
 * person's link gives the place to the first one waiting, who is told by e-mail (real SMTP) with
 * an invitation; a reused or forged link refused; registrants seen by the organisers only.
 */
@IntegrationTest
class EventRegistrationIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Map<String, Object> event(String title, String capacity) {
		LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(19).withMinute(30).withSecond(0).withNano(0);
		return new HashMap<>(Map.of("title", title, "audience", "PUBLIC", "startsAt", start.toString(), "endsAt", start.plusHours(3).toString(),
				"place", "Salle des fêtes", "address", "Place de la Mairie, Forcalquier", "capacity", capacity));
	}

	static Map<String, Object> person(String name, String email) {
		return Map.of("name", name, "email", email, "consent", true);
	}

	@Test
	void registrationsWaitingListCancellationAndMails() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		Api member = new Api(port, People.token(port, People.invite(admin, cpts, "MEMBER")));
		Api anyone = new Api(port, null);

		// bad input, each told
		Map<String, Object> backwards = event("Soirée", "30");
		backwards.put("endsAt", LocalDateTime.now().plusDays(9).toString().substring(0, 16));
		assertThat(coordinator.post("/api/v1/cpts/" + cpts + "/events", backwards).field("endsAt")).contains("ne peut pas finir avant de commencer");
		assertThat(coordinator.post("/api/v1/cpts/" + cpts + "/events", event("Soirée", "0")).field("capacity")).contains("va de 1 à 100 000");
		assertThat(coordinator.post("/api/v1/cpts/" + cpts + "/events", event("Soirée", "dix")).field("capacity")).contains("en chiffres");
		assertThat(member.post("/api/v1/cpts/" + cpts + "/events", event("Soirée", "3")).status()).isEqualTo(403);

		Api.Response created = coordinator.post("/api/v1/cpts/" + cpts + "/events", event("Rencontre et débat projet de santé", "2"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String eventId = created.json().get("id").asString();
		String registrations = "/api/v1/events/" + eventId + "/registrations";
		String tag = TestData.unique("").substring(1, 7);
		assertThat(anyone.post(registrations, Map.of("name", "Anne", "email", "anne@", "consent", true)).field("email")).contains("nom@domaine.fr");
		assertThat(anyone.post(registrations, Map.of("name", "Anne", "email", "anne@ex.fr", "consent", false)).field("consent")).contains("Cochez");

		JsonNode first = anyone.post(registrations, person("Anne Martin", "anne." + tag + "@exemple.fr")).json();
		JsonNode second = anyone.post(registrations, person("Bruno Petit", "bruno." + tag + "@exemple.fr")).json();
		JsonNode third = anyone.post(registrations, person("Chloé Roux", "chloe." + tag + "@exemple.fr")).json();
		assertThat(first.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(second.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(third.get("status").asString()).isEqualTo("WAITING");
		assertThat(anyone.post(registrations, person("Anne M.", "ANNE." + tag + "@exemple.fr")).field("email")).contains("déjà inscrite");

		// the confirmation carries an invitation for the calendar
		MimeMessage confirmation = Mail.awaitSubject("anne." + tag + "@exemple.fr", "Inscription confirmée");
		assertThat(Mail.text(confirmation)).contains("Salle des fêtes").contains("/inscriptions/" + first.get("id").asString() + "?jeton=");
		assertThat(((Multipart) confirmation.getContent()).getBodyPart(1).getContentType()).startsWith("text/calendar");
		assertThat(Mail.text(Mail.awaitSubject("chloe." + tag + "@exemple.fr", "Liste d'attente"))).contains("position 1");

		// registrants: for the organisers only
		assertThat(member.get(registrations).status()).isEqualTo(403);
		assertThat(anyone.get(registrations).status()).isEqualTo(401);
		assertThat(coordinator.get(registrations).json().size()).isEqualTo(3);

		// Anne cancels with her link: Chloé gets the place and is told; the link used again, or forged, is refused
		String cancel = registrations + "/" + first.get("id").asString() + "?token=";
		assertThat(anyone.delete(cancel + "mlg_forged").field("token")).contains("n'est pas valable");
		assertThat(anyone.delete(cancel + third.get("token").asString()).field("token")).as("another registration's token").contains("n'est pas valable");
		assertThat(anyone.delete(cancel + first.get("token").asString()).json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(anyone.delete(cancel + first.get("token").asString()).field("registration")).contains("déjà annulée");
		MimeMessage promoted = Mail.awaitSubject("chloe." + tag + "@exemple.fr", "Une place s'est libérée");
		assertThat(Mail.text(promoted)).contains("vous êtes inscrit(e)");
		JsonNode overview = coordinator.get("/api/v1/events/" + eventId).json();
		assertThat(overview.get("counts").get("registered").asLong()).isEqualTo(2);
		assertThat(overview.get("counts").get("waiting").asLong()).isZero();

		// attendance at the door: a registered person only
		assertThat(coordinator.post("/api/v1/events/" + eventId + "/attendance", Map.of("registrationId", third.get("id").asString(), "present", true))
			.json().get("attendedAt").isNull()).isFalse();
		assertThat(coordinator.post("/api/v1/events/" + eventId + "/attendance", Map.of("registrationId", first.get("id").asString(), "present", true))
			.field("registration")).contains("Seule une personne inscrite");
		// the public feed lists the event
		assertThat(new String(anyone.bytes("GET", "/api/v1/cpts/" + cpts + "/events.ics"), java.nio.charset.StandardCharsets.UTF_8)).contains("SUMMARY:Rencontre et débat projet de santé");
	}

	/** Many people at once for few places: exactly the capacity registered, the rest waiting in order, none lost nor twice. */
	@Test
	void aCrowdGetsExactlyTheCapacity() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		String eventId = coordinator.post("/api/v1/cpts/" + cpts + "/events", event("Journée de dépistage", "10")).json().get("id").asString();
		Api anyone = new Api(port, null);
		int crowd = 40;
		String tag = TestData.unique("").substring(1, 7);
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < crowd; i++) {
			int n = i;
			calls.add(() -> anyone.from("192.0.2." + (n + 1)).post("/api/v1/events/" + eventId + "/registrations",
					person("Personne " + n, "p" + n + "." + tag + "@exemple.fr")));
		}
		List<Api.Response> answers = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(crowd)) {
			for (var f : pool.invokeAll(calls)) {
				answers.add(f.get());
			}
		}
		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
		assertThat(answers.stream().filter(a -> a.json().get("status").asString().equals("REGISTERED"))).hasSize(10);
		List<String> rows = jdbc.sql("select status from event_registration where event_id = :e order by position")
			.param("e", UUID.fromString(eventId)).query(String.class).list();
		assertThat(rows).hasSize(crowd);
		assertThat(rows.subList(0, 10)).containsOnly("REGISTERED");
		assertThat(rows.subList(10, crowd)).containsOnly("WAITING");
		// each waiting person knows their place: 1, 2, 3… in the order of arrival
		List<Long> ahead = answers.stream().filter(a -> a.json().get("status").asString().equals("WAITING")).map(a -> a.json().get("ahead").asLong())
			.sorted().toList();
		assertThat(ahead).isEqualTo(java.util.stream.LongStream.range(0, crowd - 10).boxed().toList());
	}
}
