package fr.maillage.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.accounts.Accounts;
import fr.maillage.directory.AccountLinks;
import fr.maillage.notifications.internal.Digests;
import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.Mail;
import fr.maillage.support.MssanteSmtp;
import fr.maillage.support.People;
import fr.maillage.support.SmsStub;
import fr.maillage.support.TestData;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MSSanté: what is about a patient leaves whole only through the operator's SMTP (STARTTLS, the
 * structure's client certificate), to the MSSanté address the directory knows; ordinary e-mail,
 * digests and SMS only say a message waits. The operator's server here is {@link MssanteSmtp}.
 */
@IntegrationTest
class MssanteIntegrationTest {

	private static final String PATIENT_TITLE = "Mme Bérard, 84 ans : retour à domicile";
	private static final String PATIENT_BODY = "Plaie du talon gauche à surveiller, anticoagulants";

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@Autowired
	Digests digests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	record Someone(String email, UUID id) {
	}

	Someone someone(Api admin, String cpts) {
		People.Person p = People.invite(admin, cpts, "MEMBER");
		return new Someone(p.email(), accounts.userIdByEmail(p.email()).orElseThrow());
	}

	/** Links the account to a new professional of the directory with this MSSanté address and mobile. */
	void inDirectory(UUID user, String mssante, String mobile) {
		UUID practitioner = UUID.randomUUID();
		jdbc.sql("insert into practitioner (id, last_name, mssante, phone, source, search_text) values (:id, 'MSS', :m, :p, 'MANUAL', 'mss')")
			.param("id", practitioner).param("m", mssante).param("p", mobile).update();
		jdbc.sql("insert into account_link_directory (id, user_id, practitioner_id, status, origin, created_by) values (:id, :u, :p, 'ACTIVE', 'COORDINATOR', :u)")
			.param("id", UUID.randomUUID()).param("u", user).param("p", practitioner).update();
	}

	static String mobile() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "06 " + String.format("%02d %02d %02d", r.nextInt(100), r.nextInt(100), r.nextInt(100)) + " 34";
	}

	static String from(MimeMessage m) throws Exception {
		return ((InternetAddress) m.getFrom()[0]).getAddress();
	}

	static List<MimeMessage> mentioning(String address, String text) {
		return Mail.to(address).stream().filter(m -> Mail.text(m).contains(text) || subject(m).contains(text)).toList();
	}

	static String subject(MimeMessage m) {
		try {
			return String.valueOf(m.getSubject());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aNoticeAboutAPatientLeavesWholeOnlyThroughMssante() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Someone doctor = someone(admin, cpts);
		Someone nurse = someone(admin, cpts);
		String mssante = TestData.unique("dr").toLowerCase() + "@medecin.mssante.fr";
		String doctorMobile = mobile();
		String nurseMobile = mobile();
		inDirectory(doctor.id(), mssante, doctorMobile);
		inDirectory(nurse.id(), null, nurseMobile);
		int clientsBefore = MssanteSmtp.clients().size();
		tx.executeWithoutResult(s -> notifications.send(List.of(
				new Notice(doctor.id(), UUID.fromString(cpts), AccountLinks.KIND, PATIENT_TITLE, PATIENT_BODY, "/parcours", true).concerningAPatient(),
				new Notice(nurse.id(), UUID.fromString(cpts), AccountLinks.KIND, PATIENT_TITLE, PATIENT_BODY, "/parcours", true).concerningAPatient(),
				Notice.of(nurse.id(), UUID.fromString(cpts), AccountLinks.KIND, "Réunion du bureau jeudi", "Ordre du jour en ligne", "/reunions"))));

		MimeMessage whole = Mail.awaitSubject(mssante, "Mme Bérard");
		assertThat(Mail.text(whole)).contains(PATIENT_BODY).contains("/parcours");
		assertThat(from(whole)).as("sent by the structure's MSSanté mailbox").isEqualTo(MssanteSmtp.FROM);
		assertThat(MssanteSmtp.clients().subList(clientsBefore, MssanteSmtp.clients().size()))
			.as("the operator saw the structure's client certificate").anyMatch(s -> s.contains("CN=cpts-test.mssante.fr"));
		assertThat(jdbc.sql("select channel from outbox_message where recipient = :r").param("r", mssante).query(String.class).list())
			.containsOnly("MSSANTE");

		MimeMessage signal = Mail.awaitSubject(nurse.email(), "un nouveau message vous attend");
		assertThat(Mail.text(signal)).contains("/parcours").contains("MSSanté").doesNotContain("Bérard").doesNotContain("talon");
		assertThat(from(signal)).as("an ordinary e-mail, through the ordinary server").isNotEqualTo(MssanteSmtp.FROM);
		assertThat(Mail.text(Mail.awaitSubject(nurse.email(), "Réunion du bureau jeudi"))).as("what is not about a patient goes whole")
			.contains("Ordre du jour en ligne");
		assertThat(mentioning(nurse.email(), "Bérard")).as("the patient never reaches an ordinary address").isEmpty();
		assertThat(mentioning(nurse.email(), "talon")).isEmpty();

		for (String mobile : List.of(doctorMobile, nurseMobile)) {
			String international = "+33" + mobile.replace(" ", "").substring(1);
			assertThat(SmsStub.to(international)).singleElement().asString().contains("concerne un patient").doesNotContain("Bérard")
				.doesNotContain("talon");
		}
	}

	@Test
	void theDailyDigestCopiesAPatientOnlyIntoAnMssanteDigest() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		Someone doctor = someone(admin, cpts);
		Someone nurse = someone(admin, cpts);
		String mssante = TestData.unique("resume").toLowerCase() + "@medecin.mssante.fr";
		inDirectory(doctor.id(), mssante, null);
		for (Someone s : List.of(doctor, nurse)) {
			accounts.runAs(s.id(), () -> notifications.choose(AccountLinks.KIND, DeliveryMode.DIGEST));
			tx.executeWithoutResult(t -> notifications.send(List.of(
					Notice.of(s.id(), null, AccountLinks.KIND, PATIENT_TITLE, PATIENT_BODY, "/parcours").concerningAPatient(),
					Notice.of(s.id(), null, AccountLinks.KIND, "Réunion du bureau jeudi", "Ordre du jour en ligne", "/reunions"))));
		}
		assertThat(digests.run()).isGreaterThanOrEqualTo(2);

		String secure = Mail.text(Mail.awaitSubject(mssante, "résumé du jour (2 notification(s))"));
		assertThat(secure).contains("Mme Bérard").contains(PATIENT_BODY).contains("Réunion du bureau jeudi");
		String plain = Mail.text(Mail.awaitSubject(nurse.email(), "résumé du jour (2 notification(s))"));
		assertThat(plain).contains("Réunion du bureau jeudi").contains("Un message qui concerne un patient").doesNotContain("Bérard")
			.doesNotContain("talon");
	}

	@Test
	void anAddressAloneGetsThePatientOnlyIfItIsAnMssanteAddress() throws Exception {
		String known = TestData.unique("rcp").toLowerCase() + "@ch-digne.mssante.fr";
		String ordinary = TestData.unique("rcp").toLowerCase() + "@exemple.fr";
		jdbc.sql("insert into practitioner (id, last_name, mssante, source, search_text) values (:id, 'RCP', :m, 'MANUAL', 'rcp')")
			.param("id", UUID.randomUUID()).param("m", known).update();
		Notifications.File file = new Notifications.File("ordre-du-jour.txt", "text/plain", "Cas de Mme Bérard".getBytes());
		tx.executeWithoutResult(s -> {
			notifications.emailTo(known.toUpperCase(), "RCP : Mme Bérard", PATIENT_BODY, List.of(file), true);
			notifications.emailTo(ordinary, "RCP : Mme Bérard", PATIENT_BODY, List.of(file), true);
		});

		MimeMessage whole = Mail.awaitSubject(known, "RCP : Mme Bérard");
		assertThat(from(whole)).isEqualTo(MssanteSmtp.FROM);
		assertThat(whole.getContent()).isInstanceOf(MimeMultipart.class);
		assertThat(((MimeMultipart) whole.getContent()).getBodyPart(1).getFileName()).isEqualTo("ordre-du-jour.txt");

		MimeMessage signal = Mail.awaitSubject(ordinary, "un nouveau message vous attend");
		assertThat(Mail.text(signal)).contains("MSSanté").doesNotContain("Bérard").doesNotContain("talon");
		assertThat(signal.getContent()).as("no attachment").isInstanceOf(String.class);
		assertThat(mentioning(ordinary, "Bérard")).isEmpty();
	}

	@Test
	void theOperatorTakesNothingWithoutTlsAndTheStructuresCertificate() throws Exception {
		int refused = MssanteSmtp.refused();
		MimeMessage message = new JavaMailSenderImpl().createMimeMessage();
		message.setFrom(MssanteSmtp.FROM);
		message.setRecipients(jakarta.mail.Message.RecipientType.TO, "nobody@medecin.mssante.fr");
		message.setSubject("essai");
		message.setText("essai");

		assertThatThrownBy(() -> sender(false, null).send(message)).as("plain text: STARTTLS first").isInstanceOf(MailException.class);
		assertThatThrownBy(() -> sender(true, null).send(message)).as("no client certificate").isInstanceOf(MailException.class);
		assertThatThrownBy(() -> sender(true, "stranger.p12").send(message)).as("a certificate from no known authority")
			.isInstanceOf(MailException.class);
		assertThat(MssanteSmtp.refused()).isEqualTo(refused + 2);
		sender(true, "client.p12").send(message); // the same, with the structure's certificate
		assertThat(Arrays.stream(Mail.server().getReceivedMessages()).anyMatch(m -> subject(m).equals("essai"))).isTrue();
	}

	private static JavaMailSenderImpl sender(boolean starttls, String keystore) throws Exception {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		if (keystore != null) {
			keys.init(MssanteSmtp.store(keystore), "changeit".toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(MssanteSmtp.store("ca.p12"));
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keystore == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(MssanteSmtp.PORT);
		Properties props = new Properties();
		props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
		props.put("mail.smtp.starttls.required", String.valueOf(starttls));
		props.put("mail.smtp.ssl.socketFactory", context.getSocketFactory());
		props.put("mail.smtp.connectiontimeout", "5000");
		props.put("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(props);
		return sender;
	}
}
