package fr.maillage.missions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.Accounts;
import fr.maillage.missions.internal.IndicatorSnapshots;
import fr.maillage.missions.internal.IndicatorSources;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each module's computed indicators against a count made by hand on a scenario built here, for
 * January 2025 (rows inside the month and around it), then the monthly snapshot that keeps them.
 */
@IntegrationTest
class IndicatorSourcesIntegrationTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	static final LocalDate FROM = LocalDate.of(2025, 1, 1);
	static final LocalDate TO = LocalDate.of(2025, 2, 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	IndicatorSources sources;

	@Autowired
	IndicatorSnapshots snapshots;

	static Timestamp at(int month, int day, int hour) {
		int year = month > 12 ? 2025 : month < 1 ? 2024 : 2025;
		int m = month > 12 ? month - 12 : month < 1 ? month + 12 : month;
		return Timestamp.from(LocalDateTime.of(year, m, day, hour, 0).atZone(PARIS).toInstant());
	}

	private UUID patient(UUID cpts, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into patient (id, cpts_id, birth_name, first_names, birth_date, sex, commune_code, identity_key)
				values (:id, :c, :n, 'Jeanne', '1950-05-05', 'F', '04112', :n)""").param("id", id).param("c", cpts).param("n", name).update();
		return id;
	}

	private void request(UUID cpts, Timestamp filed, String status, UUID gp, Timestamp declared, Timestamp withdrawn, boolean ald, boolean c2s) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into gp_request (id, cpts_id, patient_id, source, filed_at, status, ald, c2s, practitioner_id, declared_at, withdrawn_at)
				values (:id, :c, :p, 'PROFESSIONNEL', :f, :s, :ald, :c2s, :gp, :d, :w)""")
			.param("id", id).param("c", cpts).param("p", patient(cpts, "P" + id.toString().substring(0, 8))).param("f", filed).param("s", status)
			.param("ald", ald).param("c2s", c2s).param("gp", status.equals("DECLARED") || status.equals("PROPOSED") ? gp : null).param("d", declared)
			.param("w", withdrawn).update();
		if (status.equals("PROPOSED") || status.equals("DECLARED")) {
			jdbc.sql("insert into gp_request_event (request_id, at, kind, practitioner_id) values (:r, :a, 'PROPOSED', :gp)").param("r", id)
				.param("a", status.equals("PROPOSED") ? at(1, 20, 10) : at(0, 20, 10)).param("gp", gp).update();
		}
	}

	@Test
	void everyModuleCountsWhatAPersonCountsByHand() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		UUID cpts = UUID.fromString(People.newCpts(admin));
		UUID adminId = accounts.userIdByEmail(TestData.ADMIN_EMAIL).orElseThrow();
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		UUID gp = Gps.practitioner(jdbc, "GP" + tag, "10", "Médecin", "", "04112", "Manosque");
		UUID nurse = Gps.practitioner(jdbc, "IDE" + tag, "60", "Infirmier", "", "04112", "Manosque");

		// GP access: filed in January: 4 (one in December, one in February left out); found in January: 2 (one ALD, one C2S);
		// proposed in January: 1; waiting on 1 February: the December one pending, two January ones pending or proposed = 3
		request(cpts, at(0, 10, 9), "PENDING", gp, null, null, false, false);
		request(cpts, at(1, 5, 9), "PENDING", gp, null, null, false, false);
		request(cpts, at(1, 6, 9), "PROPOSED", gp, null, null, false, false);
		request(cpts, at(1, 7, 9), "DECLARED", gp, at(1, 25, 9), null, true, false);
		request(cpts, at(0, 2, 9), "DECLARED", gp, at(1, 3, 9), null, false, true);
		request(cpts, at(1, 8, 9), "WITHDRAWN", gp, null, at(1, 9, 9), false, false);
		request(cpts, at(14, 2, 9), "PENDING", gp, null, null, false, false);
		Map<String, Measure> m = sources.measure(cpts, FROM, TO);
		assertThat(m.get("gpaccess.registered").numerator()).isEqualByComparingTo("4");
		assertThat(m.get("gpaccess.found").numerator()).isEqualByComparingTo("2");
		assertThat(m.get("gpaccess.found.ald").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("gpaccess.found.c2s").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("gpaccess.oriented").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("gpaccess.waiting").numerator()).isEqualByComparingTo("3");

		// unscheduled care: 3 slots in January (a cancelled one and a February one left out), 2 booked (a cancelled booking
		// does not count), 1 honoured; 2 professionals opened slots
		UUID s1 = slot(cpts, gp, at(1, 10, 9), false);
		UUID s2 = slot(cpts, gp, at(1, 11, 9), false);
		UUID s3 = slot(cpts, nurse, at(1, 12, 9), false);
		slot(cpts, nurse, at(1, 13, 9), true);
		UUID s5 = slot(cpts, gp, at(14, 1, 9), false);
		book(s1, adminId, "HONORE", false);
		book(s2, adminId, "NON_HONORE", false);
		book(s3, adminId, null, true);
		book(s5, adminId, "HONORE", false);
		m = sources.measure(cpts, FROM, TO);
		assertThat(m.get("snp.opened").numerator()).isEqualByComparingTo("3");
		assertThat(m.get("snp.booked").numerator()).isEqualByComparingTo("2");
		assertThat(m.get("snp.honoured").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("snp.professionals").numerator()).isEqualByComparingTo("2");

		// on-call: 4 turns in January, 3 covered: 75 %, one gap
		UUID roster = UUID.randomUUID();
		jdbc.sql("""
				insert into oncall_roster (id, cpts_id, kind, name, pattern, shift_start, shift_end)
				values (:id, :c, 'INFIRMIER', 'Infirmiers', 'WEEKLY', '08:00', '08:00')""").param("id", roster).param("c", cpts).update();
		for (int day : new int[] { 4, 11, 18, 25 }) {
			jdbc.sql("""
					insert into oncall_shift (id, roster_id, starts_at, ends_at, practitioner_id, assignee_label)
					values (gen_random_uuid(), :r, :s, :e, :p, :l)""").param("r", roster).param("s", at(1, day, 8)).param("e", at(1, day + 1, 8))
				.param("p", day == 18 ? null : nurse).param("l", day == 18 ? null : "IDE").update();
		}
		m = sources.measure(cpts, FROM, TO);
		assertThat(m.get("oncall.coverage").value()).isEqualByComparingTo("75.00");
		assertThat(m.get("oncall.gaps").numerator()).isEqualByComparingTo("1");

		// pathways: 2 enrolments start in January, 3 active on 1 February (one ended in January left out);
		// steps due in January: 4 (a cancelled one left out), on time 2 (one done after its grace): 50 %; ruptures in January: 1
		UUID template = UUID.randomUUID();
		jdbc.sql("insert into pathway_template (id, cpts_id, name) values (:id, :c, 'Insuffisance cardiaque')").param("id", template)
			.param("c", cpts).update();
		jdbc.sql("insert into pathway_template_version (template_id, version, duration_months, steps) values (:t, 1, 12, '[]'::jsonb)")
			.param("t", template).update();
		UUID e1 = enrolment(cpts, template, LocalDate.of(2024, 11, 2), adminId, null);
		enrolment(cpts, template, LocalDate.of(2025, 1, 10), adminId, null);
		enrolment(cpts, template, LocalDate.of(2025, 1, 20), adminId, null);
		enrolment(cpts, template, LocalDate.of(2024, 10, 1), adminId, at(1, 15, 12));
		step(e1, 1, LocalDate.of(2025, 1, 5), "DONE", LocalDate.of(2025, 1, 6), null);
		step(e1, 2, LocalDate.of(2025, 1, 10), "DONE", LocalDate.of(2025, 1, 30), null);
		step(e1, 3, LocalDate.of(2025, 1, 15), "DONE", LocalDate.of(2025, 1, 15), null);
		step(e1, 4, LocalDate.of(2025, 1, 20), "DUE", null, at(1, 28, 3));
		step(e1, 5, LocalDate.of(2025, 1, 22), "CANCELLED", null, null);
		step(e1, 6, LocalDate.of(2024, 12, 1), "DUE", null, at(0, 9, 3));
		m = sources.measure(cpts, FROM, TO);
		assertThat(m.get("pathways.enrolled").numerator()).isEqualByComparingTo("2");
		assertThat(m.get("pathways.active").numerator()).isEqualByComparingTo("3");
		assertThat(m.get("pathways.onTime").value()).isEqualByComparingTo("50.00");
		assertThat(m.get("pathways.ruptures").numerator()).isEqualByComparingTo("1");

		// association: 2 members on 1 February of 2 professions (one joined in February left out); one council held in January
		// with 2 invitees of whom 1 attended (50 %), one RCP held, one council only convened
		UUID college = UUID.randomUUID();
		jdbc.sql("insert into college (id, cpts_id, name) values (:id, :c, 'Tous')").param("id", college).param("c", cpts).update();
		UUID m1 = member(cpts, college, gp, LocalDate.of(2024, 6, 1));
		UUID m2 = member(cpts, college, nurse, LocalDate.of(2024, 9, 1));
		member(cpts, college, Gps.practitioner(jdbc, "KINE" + tag, "70", "Masseur-kinésithérapeute", "", "04112", "Manosque"), LocalDate.of(2025, 2, 3));
		UUID council = meeting(cpts, "CA", "HELD", at(1, 14, 18));
		invite(council, m1, true);
		invite(council, m2, false);
		meeting(cpts, "RCP", "HELD", at(1, 16, 12));
		meeting(cpts, "CA", "CONVENED", at(1, 28, 18));
		m = sources.measure(cpts, FROM, TO);
		assertThat(m.get("association.members").numerator()).isEqualByComparingTo("2");
		assertThat(m.get("association.professions").numerator()).isEqualByComparingTo("2");
		assertThat(m.get("association.meetings").numerator()).isEqualByComparingTo("1");
		assertThat(m.get("association.attendance").value()).isEqualByComparingTo("50.00");
		assertThat(m.get("association.rcp").numerator()).isEqualByComparingTo("1");

		// announcements: three sent in January (one in February left out); of the two asking acknowledgement, 5 recipients, 3 acknowledged
		UUID a1 = announcement(cpts, adminId, at(1, 10, 9), true);
		UUID a2 = announcement(cpts, adminId, at(1, 20, 9), true);
		UUID a3 = announcement(cpts, adminId, at(1, 21, 9), false);
		UUID a4 = announcement(cpts, adminId, at(2, 2, 9), true);
		recipient(a1, true);
		recipient(a1, true);
		recipient(a1, false);
		recipient(a2, true);
		recipient(a2, false);
		recipient(a3, false);
		recipient(a4, true);
		m = sources.measure(cpts, FROM, TO);
		assertThat(m.get("messaging.announcements").numerator()).isEqualByComparingTo("3");
		assertThat(m.get("messaging.acknowledged").numerator()).isEqualByComparingTo("3");
		assertThat(m.get("messaging.acknowledged").denominator()).isEqualByComparingTo("5");
		assertThat(m.get("messaging.acknowledged").value()).isEqualByComparingTo("60.00");

		// the snapshot: a contract signed on 1 January 2025, two computed indicators; the job writes each ended month once
		Api coordinator = new Api(port, People.join(admin, port, cpts.toString(), "COORDINATOR"));
		String base = "/api/v1/cpts/" + cpts;
		assertThat(coordinator.put(base + "/contract", Map.of("signedOn", "2025-01-01", "missions", java.util.List.of(Map.of("mission", "ACCESS"),
				Map.of("mission", "PATHWAYS")))).status()).isEqualTo(200);
		assertThat(coordinator.post(base + "/indicators", Map.of("sourceCode", "snp.opened")).status()).isEqualTo(201);
		assertThat(coordinator.post(base + "/indicators", Map.of("sourceCode", "pathways.onTime")).status()).isEqualTo(201);
		assertThat(snapshots.snapshot(cpts, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1))).as("January and February, two indicators")
			.isEqualTo(4);
		assertThat(snapshots.snapshot(cpts, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1))).as("never twice").isZero();
		// later changes do not rewrite the history: a slot added to January afterwards leaves January's value as it was
		slot(cpts, gp, at(1, 30, 9), false);
		snapshots.snapshot(cpts, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1));
		BigDecimal january = jdbc.sql("""
				select v.numerator from indicator_value v join indicator i on i.id = v.indicator_id
				where i.cpts_id = :c and i.source_code = 'snp.opened' and v.period_start = '2025-01-01'""").param("c", cpts).query(BigDecimal.class)
			.single();
		assertThat(january).isEqualByComparingTo("3");
		var year1 = coordinator.get(base + "/indicators?year=1").json().get("indicators");
		var onTime = year1.valueStream().filter(f -> f.get("indicator").get("sourceCode").asString().equals("pathways.onTime")).findFirst().orElseThrow();
		assertThat(onTime.get("value").decimalValue()).as("a ratio of the months' sums").isEqualByComparingTo("50.00");
	}

	private UUID announcement(UUID cpts, UUID author, Timestamp at, boolean askAck) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into announcement (id, cpts_id, author_id, title, body, audience, audience_label, ask_ack, created_at)
				values (:id, :c, :a, 'Annonce', 'Texte', 'CPTS_MEMBERS', 'Tous', :ack, :at)""")
			.param("id", id).param("c", cpts).param("a", author).param("ack", askAck).param("at", at).update();
		return id;
	}

	private void recipient(UUID announcement, boolean acknowledged) {
		jdbc.sql("insert into announcement_recipient (id, announcement_id, email, label, acknowledged_at) values (:id, :a, 'x@banc.test', 'x', :ack)")
			.param("id", UUID.randomUUID()).param("a", announcement).param("ack", acknowledged ? new Timestamp(System.currentTimeMillis()) : null)
			.update();
	}

	private UUID slot(UUID cpts, UUID practitioner, Timestamp start, boolean cancelled) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into snp_slot (id, cpts_id, practitioner_id, owner_label, kind, profession_code, commune_code, starts_at, ends_at, cancelled_at)
				values (:id, :c, :p, 'Dr Test', 'CABINET', '10', '04112', :s, :e, :x)""")
			.param("id", id).param("c", cpts).param("p", practitioner).param("s", start)
			.param("e", new Timestamp(start.getTime() + 20 * 60_000)).param("x", cancelled ? start : null).update();
		return id;
	}

	private void book(UUID slot, UUID by, String outcome, boolean cancelled) {
		jdbc.sql("""
				insert into snp_booking (id, slot_id, booked_by, patient_name, patient_birth_date, patient_phone, reason, cancelled_at, outcome)
				values (gen_random_uuid(), :s, :b, 'Patient Test', '1980-01-01', '0600000000', 'fièvre', :x, :o)""")
			.param("s", slot).param("b", by).param("x", cancelled ? new Timestamp(System.currentTimeMillis()) : null).param("o", outcome).update();
		jdbc.sql("update snp_slot set booked = true where id = :s").param("s", slot).update();
	}

	private UUID enrolment(UUID cpts, UUID template, LocalDate start, UUID by, Timestamp ended) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pathway_enrolment (id, cpts_id, template_id, template_version, patient_id, start_date, horizon, status, consent_how,
				  consent_at, created_by, ended_at)
				values (:id, :c, :t, 1, :p, :s, :h, :st, 'ORAL', now(), :by, :end)""")
			.param("id", id).param("c", cpts).param("t", template).param("p", patient(cpts, "E" + id.toString().substring(0, 8))).param("s", start)
			.param("h", start.plusYears(1)).param("st", ended == null ? "ACTIVE" : "ENDED").param("by", by).param("end", ended).update();
		return id;
	}

	private void step(UUID enrolment, int rank, LocalDate due, String status, LocalDate done, Timestamp overdue) {
		jdbc.sql("""
				insert into pathway_step (id, enrolment_id, step_key, anchor_rank, rank, title, role, due_date, grace_days, status, done_date, overdue_at)
				values (gen_random_uuid(), :e, 'visite', 0, :r, 'Visite', 'IDE', :d, 7, :s, :done, :o)""")
			.param("e", enrolment).param("r", rank).param("d", due).param("s", status).param("done", done).param("o", overdue).update();
	}

	private UUID member(UUID cpts, UUID college, UUID practitioner, LocalDate since) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into member (id, cpts_id, college_id, practitioner_id, status, since) values (:id, :c, :col, :p, 'ACTIVE', :s)")
			.param("id", id).param("c", cpts).param("col", college).param("p", practitioner).param("s", since).update();
		return id;
	}

	private UUID meeting(UUID cpts, String kind, String status, Timestamp start) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into meeting (id, cpts_id, kind, title, starts_at, ends_at, place, status, convened_at)
				values (:id, :c, :k, 'Réunion', :s, :e, 'MSP', :st, :s)""")
			.param("id", id).param("c", cpts).param("k", kind).param("s", start).param("e", new Timestamp(start.getTime() + 3_600_000))
			.param("st", status).update();
		return id;
	}

	private void invite(UUID meeting, UUID member, boolean attended) {
		jdbc.sql("insert into meeting_invitee (meeting_id, member_id, voting, attended) values (:m, :mb, true, :a)").param("m", meeting)
			.param("mb", member).param("a", attended).update();
	}
}
