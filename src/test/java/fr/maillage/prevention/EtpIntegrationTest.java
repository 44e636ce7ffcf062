package fr.maillage.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.pathways.Enrolments;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Problems;
import fr.maillage.support.Api;
import fr.maillage.support.Gps;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Therapeutic education's rules against the real database: enrolment only while the programme runs
 * and within its authorisation, guarded status changes, attendance never for a session to come nor
 * for someone outside the programme, the team alone reads participants, and a patient's erasure
 * leaves an anonymous participation in the counts.
 */
@IntegrationTest
class EtpIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	EtpProgrammes programmes;

	@Autowired
	EtpParticipants participants;

	@Autowired
	Patients patients;

	@Autowired
	Enrolments enrolments;

	static final LocalDate TODAY = LocalDate.now(PreventionEvents.PARIS);

	@Test
	void theProgrammesRulesHold() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cptsText = People.newCpts(admin);
		UUID cpts = UUID.fromString(cptsText);
		admin.put("/api/v1/cpts/" + cptsText + "/territory", List.of("04112"));
		UUID coordinator = accounts.userIdByEmail(People.invite(admin, cptsText, "COORDINATOR").email()).orElseThrow();
		UUID nurse = accounts.userIdByEmail(People.invite(admin, cptsText, "MEMBER").email()).orElseThrow();
		UUID other = accounts.userIdByEmail(People.invite(admin, cptsText, "MEMBER").email()).orElseThrow();
		String tag = TestData.unique("").substring(1, 6).toUpperCase();
		UUID nurseId = Gps.practitioner(jdbc, "ROUX" + tag, "60", "Infirmier", "", "04112", "Manosque");
		Gps.link(jdbc, nurse, nurseId);
		Gps.link(jdbc, other, Gps.practitioner(jdbc, "MOREL" + tag, "21", "Pharmacien", "", "04112", "Manosque"));

		AtomicReference<EtpProgramme> programme = new AtomicReference<>();
		accounts.runAs(coordinator, () -> {
			// bad input: a team outside the territory's professionals, a number of workshops in words
			assertThatThrownBy(() -> programmes.create(cpts, form("quatre", List.of(UUID.randomUUID().toString()))))
				.isInstanceOfSatisfying(Problems.RejectedException.class,
						ex -> assertThat(ex.problems().byField()).containsKeys("workshops", "teamIds"));
			programme.set(programmes.create(cpts, form("3", List.of(nurseId.toString()))));
		});
		UUID id = programme.get().id();
		// a member outside the team may not enrol; a non-member of the team sees no participant
		accounts.runAs(other, () -> {
			assertThatThrownBy(() -> participants.enrol(id, enrolForm("PONS", TODAY))).isInstanceOf(CptsAccess.NotVisibleException.class);
			assertThatThrownBy(() -> participants.participants(id)).isInstanceOf(CptsAccess.NotVisibleException.class);
		});

		AtomicReference<UUID> enrolment = new AtomicReference<>();
		accounts.runAs(nurse, () -> {
			assertThatThrownBy(() -> participants.enrol(id, enrolForm("PONS", TODAY.minusYears(2))))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("startDate"));
			// not around the programme: the ordinary enrolment refuses its circle-only pathway
			EtpParticipants.EnrolForm f = enrolForm("PONS", TODAY);
			assertThatThrownBy(() -> enrolments.enrol(new Enrolments.EnrolmentForm(cpts, programme.get().templateId(), TODAY, f.identity(), f.contact(),
					Consent.How.ORAL, true, List.of())))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("templateId"));
			enrolment.set(participants.enrol(id, enrolForm("PONS", TODAY.minusWeeks(2))));
			assertThat(participants.participants(id)).singleElement().satisfies(r -> {
				assertThat(r.name()).isEqualTo("Rose PONS");
				assertThat(r.progress()).isNotNull();
				assertThat(r.progress().nextTitle()).isEqualTo("Bilan éducatif partagé initial");
			});
			var future = participants.plan(id, new EtpForms.SessionForm("Atelier à venir", TODAY.plusDays(3).toString(), "10:00", "12:00", null, null));
			assertThatThrownBy(() -> participants.recordAttendance(future.id(), List.of()))
				.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("present"));
			var now = participants.plan(id, new EtpForms.SessionForm("Atelier du jour", TODAY.toString(), "00:00", "00:30", null, "1"));
			assertThatThrownBy(() -> participants.recordAttendance(now.id(), List.of(UUID.randomUUID())))
				.isInstanceOf(CptsAccess.NotVisibleException.class);
			UUID participant = participants.participants(id).getFirst().id();
			assertThat(participants.recordAttendance(now.id(), List.of(participant))).isEqualTo(1);
			// recorded twice, the workshop is done once
			assertThat(participants.recordAttendance(now.id(), List.of(participant))).isEqualTo(1);
			assertThat(participants.participants(id).getFirst().progress().done(EtpProgramme.STEP_WORKSHOP)).isEqualTo(1);
		});

		// the coordinator, not in the team: counts yes, the patient's pathway no
		accounts.runAs(coordinator, () -> {
			EtpProgrammes.YearCounts counts = programmes.counts(id, TODAY.getYear());
			assertThat(counts.presences()).isEqualTo(1);
			assertThat(counts.sessions()).isEqualTo(TODAY.plusDays(3).getYear() == TODAY.getYear() ? 2 : 1);
			assertThat(counts.workshopsDone()).isEqualTo(1);
			assertThatThrownBy(() -> participants.participants(id)).isInstanceOf(CptsAccess.NotVisibleException.class);
			programmes.moveTo(id, EtpProgramme.Status.SUSPENDED);
			assertThatThrownBy(() -> programmes.moveTo(id, EtpProgramme.Status.SUSPENDED)).isInstanceOf(Problems.RejectedException.class);
			programmes.moveTo(id, EtpProgramme.Status.ENDED);
			assertThatThrownBy(() -> programmes.moveTo(id, EtpProgramme.Status.ACTIVE)).isInstanceOf(Problems.RejectedException.class);
		});
		accounts.runAs(nurse, () -> assertThatThrownBy(() -> participants.enrol(id, enrolForm("ALLARD", TODAY)))
			.isInstanceOfSatisfying(Problems.RejectedException.class, ex -> assertThat(ex.problems().byField()).containsKey("programme")));

		// the patient's rights: their participation is listed, then erased to an anonymous one that still counts
		UUID patient = jdbc.sql("select patient_id from etp_participant where programme_id = :p").param("p", id).query(UUID.class).single();
		accounts.runAs(coordinator, () -> {
			assertThat(patients.record(patient, "droits").held()).anySatisfy(h -> {
				assertThat(h.kind()).isEqualTo("Éducation thérapeutique");
				assertThat(h.detail()).isEqualTo("1 présence(s) aux séances collectives");
			});
			patients.erase(patient, coordinator, "Demande écrite du 6 décembre");
		});
		assertThat(jdbc.sql("select count(*) from etp_participant where programme_id = :p and patient_id is null").param("p", id).query(Long.class)
			.single()).isEqualTo(1);
		accounts.runAs(coordinator, () -> assertThat(programmes.counts(id, TODAY.getYear()).presences()).isEqualTo(1));
	}

	private static EtpForms.ProgrammeForm form(String workshops, List<String> team) {
		return new EtpForms.ProgrammeForm("Mieux respirer", "BPCO", "ETP-04-2024-003", TODAY.minusYears(1).toString(), TODAY.plusYears(3).toString(), null,
				workshops, "2", "6", team);
	}

	private static EtpParticipants.EnrolForm enrolForm(String name, LocalDate start) {
		return new EtpParticipants.EnrolForm(start, new Identity(name, "Rose", null, LocalDate.of(1950, 4, 2), "F", null, null),
				new Contact(null, null, null, "04112"), Consent.How.ORAL, true);
	}
}
