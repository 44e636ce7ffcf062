package fr.maillage.association;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The association through the API, with real e-mails: members in their colleges, the year's fees in
 * exact cents, payments with numbered receipts sent as PDF, the statement; a council whose mandates
 * give board access (and take it back when they end); a council meeting convened with an
 * iCalendar invitation (parsed by ical4j), replies and a proxy, attendance, quorum, ballots and
 * the minutes sent to the invitees. Bad input is refused with its reason and leaves nothing behind.
 */
@IntegrationTest
class AssociationApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private record Pro(UUID practitionerId, People.Person person, Api api) {
	}

	private Pro pro(Api admin, String cpts, String name, String code, String label) {
		People.Person person = People.invite(admin, cpts, "MEMBER");
		UUID id = Gps.practitioner(jdbc, name, code, label, "", "04112", "Manosque");
		Gps.link(jdbc, accounts.userIdByEmail(person.email()).orElseThrow(), id);
		return new Pro(id, person, new Api(port, People.token(port, person)));
	}

	private String engagement(String cpts, UUID practitioner) {
		return jdbc.sql("select member || ' ' || governance from cpts_engagement where cpts_id = :c and practitioner_id = :p")
			.param("c", UUID.fromString(cpts)).param("p", practitioner).query(String.class).single();
	}


	private static byte[] attachment(MimeMessage message, String contentTypeStart) throws Exception {
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getContentType().toLowerCase().startsWith(contentTypeStart)) {
				try (InputStream in = part.getInputStream()) {
					return in.readAllBytes();
				}
			}
		}
		throw new AssertionError("no " + contentTypeStart + " attachment in « " + message.getSubject() + " »");
	}

	@Test
	void membersFeesCouncilAndAMeetingFromConvocationToMinutes() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Api coordinator = new Api(port, People.join(admin, port, cpts, "COORDINATOR"));
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		Pro gp1 = pro(admin, cpts, "ARNAUD" + tag, "10", "Médecin");
		Pro gp2 = pro(admin, cpts, "BLANC" + tag, "10", "Médecin");
		Pro nurse = pro(admin, cpts, "CHABERT" + tag, "60", "Infirmier");
		Pro retired = pro(admin, cpts, "DURAND" + tag, "10", "Médecin");
		String base = "/api/v1/cpts/" + cpts;
		int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

		// colleges by default; members registered in theirs; the same professional twice is refused
		JsonNode colleges = coordinator.get(base + "/colleges").json();
		assertThat(colleges.valueStream().map(c -> c.get("name").asString())).contains("Médecins", "Infirmiers", "Autres professionnels", "Structures");
		Map<String, String> collegeId = new HashMap<>();
		colleges.valueStream().forEach(c -> collegeId.put(c.get("name").asString(), c.get("id").asString()));
		Map<Pro, String> member = new HashMap<>();
		for (Pro p : List.of(gp1, gp2, nurse)) {
			Api.Response r = coordinator.post(base + "/members", Map.of("practitionerId", p.practitionerId().toString()));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			member.put(p, r.json().get("id").asString());
		}
		Api.Response honorary = coordinator.post(base + "/members", Map.of("practitionerId", retired.practitionerId().toString(), "honorary", true,
				"collegeId", collegeId.get("Autres professionnels")));
		assertThat(honorary.status()).isEqualTo(201);
		member.put(retired, honorary.json().get("id").asString());
		JsonNode list = coordinator.get(base + "/members").json();
		assertThat(list.valueStream().filter(m -> m.get("collegeName").asString().equals("Médecins")).count()).isEqualTo(2);
		assertThat(list.valueStream().filter(m -> m.get("collegeName").asString().equals("Infirmiers")).count()).isEqualTo(1);
		Api.Response twice = coordinator.post(base + "/members", Map.of("practitionerId", gp1.practitionerId().toString()));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("déjà adhérent");
		assertThat(gp1.api().post(base + "/members", Map.of("practitionerId", UUID.randomUUID().toString())).status()).as("not the board").isEqualTo(403);

		// the year's fees, exact to the cent; bad amounts refused, nothing saved
		Api.Response badRates = coordinator.put(base + "/fees/rates?year=" + year, Map.of(collegeId.get("Médecins"), "-10", collegeId.get("Infirmiers"), "dix"));
		assertThat(badRates.status()).isEqualTo(400);
		assertThat(badRates.body()).contains("négatif", "« dix » n'est pas un montant");
		assertThat(coordinator.get(base + "/fees/rates?year=" + year).json().valueStream().mapToLong(r -> r.get("amountCents").asLong()).sum()).isZero();
		Api.Response rates = coordinator.put(base + "/fees/rates?year=" + year, Map.of(collegeId.get("Médecins"), "50", collegeId.get("Infirmiers"),
				"30,10", "honorary", "20,00"));
		assertThat(rates.status()).as(rates.body()).isEqualTo(200);

		// payments: -10 € and 0 € refused (and the database refuses them too), then two receipts numbered in order
		String gp1Member = member.get(gp1);
		Map<String, Object> pay = new HashMap<>(Map.of("year", year, "amount", "-10", "paidOn", LocalDate.now().toString(), "method", "CHEQUE"));
		assertThat(coordinator.post("/api/v1/members/" + gp1Member + "/payments", pay).field("amount")).contains("négatif");
		pay.put("amount", "0");
		assertThat(coordinator.post("/api/v1/members/" + gp1Member + "/payments", pay).field("amount")).contains("0 €");
		pay.put("amount", "50");
		pay.put("paidOn", LocalDate.now().plusDays(3).toString());
		assertThat(coordinator.post("/api/v1/members/" + gp1Member + "/payments", pay).field("paidOn")).contains("futur");
		assertThat(jdbc.sql("select count(*) from fee_payment where member_id = :m").param("m", UUID.fromString(gp1Member)).query(Long.class).single()).isZero();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
				insert into fee_payment (id, cpts_id, member_id, year, amount_cents, paid_on, method, receipt_number)
				values (gen_random_uuid(), :c, :m, 2026, -1000, current_date, 'CHEQUE', 999)""").param("c", UUID.fromString(cpts))
			.param("m", UUID.fromString(gp1Member)).update()).hasMessageContaining("fee_payment_amount_cents_check");
		pay.put("paidOn", LocalDate.now().toString());
		pay.put("reference", "Chèque 1234567");
		Api.Response paid = coordinator.post("/api/v1/members/" + gp1Member + "/payments", pay);
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("receiptNumber").asString()).isEqualTo(year + "-0001");
		pay.put("amount", "30,10");
		pay.put("method", "VIREMENT");
		Api.Response paidNurse = coordinator.post("/api/v1/members/" + member.get(nurse) + "/payments", pay);
		assertThat(paidNurse.json().get("receiptNumber").asString()).isEqualTo(year + "-0002");
		assertThat(paidNurse.json().get("amountCents").asLong()).isEqualTo(3010);
		MimeMessage receiptMail = Mail.awaitSubject(gp1.person().email(), "Reçu de cotisation n° " + year + "-0001");
		String pdf = new String(attachment(receiptMail, "application/pdf"), StandardCharsets.ISO_8859_1);
		assertThat(pdf).startsWith("%PDF");

		// the statement: expected 50 + 50 + 30.10 + 20 (the honorary member's single fee, the year they join), collected 80.10
		JsonNode statement = coordinator.get(base + "/fees/statement?year=" + year).json();
		assertThat(statement.get("expectedCents").asLong()).isEqualTo(15010);
		assertThat(statement.get("collectedCents").asLong()).isEqualTo(8010);
		assertThat(statement.get("payments").asInt()).isEqualTo(2);
		JsonNode doctors = statement.get("colleges").valueStream().filter(l -> l.get("college").asString().equals("Médecins")).findFirst().orElseThrow();
		assertThat(doctors.get("members").asInt()).isEqualTo(2);
		assertThat(doctors.get("paidMembers").asInt()).isEqualTo(1);

		// reminders to those who owe (gp2, and the honorary member's single fee), once a week at most
		assertThat(coordinator.post(base + "/fees/reminders?year=" + year, Map.of()).json().get("reminded").asInt()).isEqualTo(2);
		assertThat(Mail.awaitSubject(gp2.person().email(), "Cotisation " + year).getContent().toString()).contains("50,00");
		assertThat(coordinator.post(base + "/fees/reminders?year=" + year, Map.of()).json().get("reminded").asInt()).as("not twice a week").isZero();

		// a payment recorded by mistake is cancelled with a reason, once; it no longer counts
		String nursePayment = "/api/v1/payments/" + paidNurse.json().get("id").asString() + "/cancel";
		assertThat(coordinator.post(nursePayment, Map.of("reason", " ")).field("reason")).contains("pourquoi");
		assertThat(coordinator.post(nursePayment, Map.of("reason", "Virement rejeté par la banque")).status()).isEqualTo(200);
		assertThat(coordinator.post(nursePayment, Map.of("reason", "encore")).field("reason")).contains("déjà annulé");
		assertThat(coordinator.get(base + "/fees/statement?year=" + year).json().get("collectedCents").asLong()).isEqualTo(5000);

		// only the board sees others' fees; a member sees their own
		assertThat(gp2.api().get(base + "/fees/statement?year=" + year).status()).isEqualTo(403);
		assertThat(gp2.api().get("/api/v1/members/" + gp1Member + "/payments").status()).isEqualTo(403);
		assertThat(gp1.api().get("/api/v1/members/" + gp1Member + "/payments").json().size()).isEqualTo(1);
		assertThat(gp1.api().get("/api/v1/payments/" + paid.json().get("id").asString() + "/receipt.pdf").status()).isEqualTo(200);
		assertThat(gp2.api().get("/api/v1/payments/" + paid.json().get("id").asString() + "/receipt.pdf").status()).isEqualTo(404);
		// reads of payments and receipts are audited; the refused one too
		assertThat(jdbc.sql("select action from audit_event where subject_id in (:p, :m) and action like 'association.fee.%read' order by id")
			.param("p", paid.json().get("id").asString()).param("m", gp1Member).query(String.class).list())
			.containsExactly("association.fee.payments.read", "association.fee.payment.read");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'access.denied' and subject_id = :s")
			.param("s", "GET /api/v1/payments/" + paid.json().get("id").asString() + "/receipt.pdf").query(Long.class).single()).isEqualTo(1);

		// the council: a president whose mandate gives board access; a mandate ending before it starts, a second president: refused
		Api.Response council = coordinator.post(base + "/bodies", Map.of("name", "Conseil d'administration", "kind", "CONSEIL", "renewsByThirds", true,
				"quorumNum", 1, "quorumDen", 2));
		assertThat(council.status()).as(council.body()).isEqualTo(201);
		String councilId = council.json().get("id").asString();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		Api.Response backwards = coordinator.post("/api/v1/bodies/" + councilId + "/mandates", Map.of("memberId", gp1Member, "position", "PRESIDENT",
				"startsOn", today.toString(), "endsOn", today.minusDays(1).toString()));
		assertThat(backwards.field("endsOn")).contains("ne peut pas finir avant de commencer");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
				insert into mandate (id, body_id, member_id, position, starts_on, ends_on) values (gen_random_uuid(), :b, :m, 'MEMBRE', '2026-06-01', '2026-05-01')""")
			.param("b", UUID.fromString(councilId)).param("m", UUID.fromString(gp1Member)).update()).hasMessageContaining("mandate_check");
		Api.Response president = coordinator.post("/api/v1/bodies/" + councilId + "/mandates", Map.of("memberId", gp1Member, "position", "PRESIDENT",
				"startsOn", today.minusYears(2).toString()));
		assertThat(president.status()).as(president.body()).isEqualTo(201);
		assertThat(coordinator.post("/api/v1/bodies/" + councilId + "/mandates", Map.of("memberId", member.get(gp2), "position", "PRESIDENT",
				"startsOn", today.toString())).field("position")).contains("déjà tenue");
		assertThat(coordinator.post("/api/v1/bodies/" + councilId + "/mandates", Map.of("memberId", member.get(nurse), "position", "TRESORIER",
				"startsOn", today.minusYears(1).toString())).status()).isEqualTo(201);
		assertThat(gp1.api().get(base + "/fees/statement?year=" + year).status()).as("the president sits on the council").isEqualTo(200);
		assertThat(engagement(cpts, gp1.practitionerId())).as("the table by profession: member, in governance").isEqualTo("true true");
		assertThat(engagement(cpts, gp2.practitionerId())).isEqualTo("true false");
		JsonNode renewal = coordinator.get("/api/v1/bodies/" + councilId + "/renewal?year=" + year).json();
		assertThat(renewal.get("seats").asInt()).isEqualTo(1);
		assertThat(renewal.get("proposed").get(0).get("memberId").asString()).as("longest held first").isEqualTo(gp1Member);

		// a council meeting tomorrow: its members invited with the body, the others by name, convened by e-mail with an invitation
		LocalDateTime start = today.plusDays(1).atTime(20, 30);
		Api.Response meeting = gp1.api().post(base + "/meetings", Map.of("kind", "CA", "bodyId", councilId, "title", "Conseil de rentrée",
				"startsAt", start.toString(), "durationMinutes", 90, "place", "Maison de santé, Manosque", "agenda", "1. Budget\n2. Fiches-actions"));
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		String meetingId = meeting.json().get("id").asString();
		JsonNode invitees = gp1.api().post("/api/v1/meetings/" + meetingId + "/invitees", Map.of("memberIds", List.of(member.get(gp2), member.get(retired))))
			.json();
		assertThat(invitees.size()).isEqualTo(4);
		assertThat(gp1.api().post("/api/v1/meetings/" + meetingId + "/convene", Map.of()).json().get("sent").asInt()).isEqualTo(4);
		MimeMessage convocation = Mail.awaitSubject(gp2.person().email(), "Conseil de rentrée");
		Calendar ics = new CalendarBuilder().build(new InputStreamReader(new java.io.ByteArrayInputStream(attachment(convocation, "text/calendar")),
				StandardCharsets.UTF_8));
		assertThat(ics.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = (VEvent) ics.getComponents(Component.VEVENT).getFirst();
		assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Conseil de rentrée");
		assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Maison de santé, Manosque");
		assertThat(ZonedDateTime.parse(event.getProperty(Property.DTSTART).orElseThrow().getValue(),
				java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).toInstant()).isEqualTo(start.atZone(ZoneId.of("Europe/Paris")).toInstant());
		assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualToIgnoringCase("mailto:" + gp2.person().email());

		// replies: present, present, a proxy; a proxy to someone not invited, from an honorary member: refused
		String r = "/api/v1/meetings/" + meetingId + "/replies";
		assertThat(gp2.api().post(r, Map.of("memberId", member.get(gp2), "reply", "PROXY", "proxyTo", UUID.randomUUID().toString())).field("proxyTo"))
			.contains("autre invité");
		assertThat(coordinator.post(r, Map.of("memberId", member.get(retired), "reply", "PROXY", "proxyTo", gp1Member)).field("proxyTo"))
			.contains("membre d'honneur");
		assertThat(gp2.api().post(r, Map.of("memberId", member.get(nurse), "reply", "PRESENT")).status()).as("not one's own reply").isEqualTo(404);
		assertThat(gp1.api().post(r, Map.of("memberId", gp1Member, "reply", "PRESENT")).status()).isEqualTo(200);
		assertThat(nurse.api().post(r, Map.of("memberId", member.get(nurse), "reply", "ABSENT")).status()).isEqualTo(200);
		assertThat(gp2.api().post(r, Map.of("memberId", member.get(gp2), "reply", "PROXY", "proxyTo", gp1Member)).status()).isEqualTo(200);

		// attendance: the president and the honorary member are there; quorum 1/2 of 3 voting: 1 present + 1 represented ≥ 2
		JsonNode attendance = gp1.api().post("/api/v1/meetings/" + meetingId + "/attendance", Map.of("present", List.of(gp1Member, member.get(retired))))
			.json();
		assertThat(attendance.get("quorum").get("voting").asInt()).isEqualTo(3);
		assertThat(attendance.get("quorum").get("present").asInt()).isEqualTo(1);
		assertThat(attendance.get("quorum").get("represented").asInt()).isEqualTo(1);
		assertThat(attendance.get("quorum").get("reached").asBoolean()).isTrue();
		assertThat(gp2.api().get("/api/v1/meetings/" + meetingId + "/attendance").status()).as("an invitee reads it").isEqualTo(200);
		assertThat(new Api(port, People.join(admin, port, cpts, "MEMBER")).get("/api/v1/meetings/" + meetingId + "/attendance").status())
			.as("a member not invited does not").isEqualTo(404);

		// a resolution: the president votes, and for gp2 by proxy; the nurse (absent) and the honorary member cannot; twice is refused
		String resolution = gp1.api().post("/api/v1/meetings/" + meetingId + "/resolutions", Map.of("text", "Le budget 2027 est adopté.")).json().get("id")
			.asString();
		String ballots = "/api/v1/resolutions/" + resolution + "/ballots";
		assertThat(gp1.api().post(ballots, Map.of("voterId", gp1Member, "choice", "POUR")).status()).isEqualTo(200);
		assertThat(gp1.api().post(ballots, Map.of("voterId", member.get(gp2), "choice", "CONTRE")).status()).isEqualTo(200);
		assertThat(gp1.api().post(ballots, Map.of("voterId", gp1Member, "choice", "CONTRE")).field("voterId")).contains("déjà comptée");
		assertThat(gp1.api().post(ballots, Map.of("voterId", member.get(nurse), "choice", "POUR")).field("voterId")).contains("absent");
		assertThat(gp1.api().post(ballots, Map.of("voterId", member.get(retired), "choice", "POUR")).field("voterId")).contains("membre d'honneur");
		JsonNode result = gp1.api().get("/api/v1/meetings/" + meetingId + "/resolutions").json().get(0);
		assertThat(List.of(result.get("pour").asLong(), result.get("contre").asLong(), result.get("abstention").asLong())).containsExactly(1L, 1L, 0L);
		assertThat(result.get("adopted").asBoolean()).isFalse();
		assertThat(jdbc.sql("select cast_by::text from ballot where resolution_id = :r and voter_id = :v").param("r", UUID.fromString(resolution))
			.param("v", UUID.fromString(member.get(gp2))).query(String.class).single()).as("cast by the proxy holder").isEqualTo(gp1Member);

		// minutes published to the invitees, as a PDF
		assertThat(gp1.api().put("/api/v1/meetings/" + meetingId + "/minutes", Map.of("text", "Le conseil s'est réuni.\n\nLe budget n'est pas adopté."))
			.status()).isEqualTo(200);
		assertThat(gp2.api().get("/api/v1/meetings/" + meetingId + "/minutes.pdf").status()).as("not published yet").isEqualTo(404);
		assertThat(gp1.api().post("/api/v1/meetings/" + meetingId + "/minutes/publish", Map.of()).json().get("sent").asInt()).isEqualTo(4);
		MimeMessage minutes = Mail.awaitSubject(nurse.person().email(), "Procès-verbal : Conseil de rentrée");
		assertThat(new String(attachment(minutes, "application/pdf"), StandardCharsets.ISO_8859_1)).startsWith("%PDF");
		assertThat(gp2.api().get("/api/v1/meetings/" + meetingId + "/minutes.pdf").status()).isEqualTo(200);

		// a year typed wrong (1901) is refused, with the reason
		Api.Response slip = coordinator.post(base + "/meetings", Map.of("kind", "BUREAU", "title", "Bureau d'antan", "startsAt", "1901-03-12T18:00",
				"videoLink", "https://visio.example.org/bureau", "durationMinutes", 60));
		assertThat(slip.status()).isEqualTo(400);
		assertThat(slip.field("startsAt")).contains("vérifiez l'année");

		// a meeting already begun: convening it is refused unless confirmed
		String late = coordinator.post(base + "/meetings", Map.of("kind", "BUREAU", "title", "Bureau de la veille", "startsAt",
				LocalDateTime.now(ZoneId.of("Europe/Paris")).minusHours(2).withNano(0).toString(), "videoLink", "https://visio.example.org/bureau",
				"durationMinutes", 60)).json().get("id").asString();
		coordinator.post("/api/v1/meetings/" + late + "/invitees", Map.of("memberIds", List.of(gp1Member)));
		assertThat(coordinator.post("/api/v1/meetings/" + late + "/convene", Map.of()).field("confirmPast")).contains("a commencé");
		assertThat(coordinator.post("/api/v1/meetings/" + late + "/convene", Map.of("confirmPast", true)).status()).isEqualTo(200);

		// the mandate ends: board access ends with it
		gp1.api().post("/api/v1/mandates/" + president.json().get("id").asString() + "/end", Map.of("endsOn", today.minusDays(1).toString(),
				"note", "Démission"));
		assertThat(gp1.api().get(base + "/fees/statement?year=" + year).status()).isEqualTo(403);
		assertThat(engagement(cpts, gp1.practitionerId())).isEqualTo("true false");
		List<String> seen = new ArrayList<>();
		coordinator.get("/api/v1/bodies/" + councilId + "/mandates").json().valueStream().forEach(m -> seen.add(m.get("endNote").asString("")));
		assertThat(seen).contains("Démission");
	}
}
