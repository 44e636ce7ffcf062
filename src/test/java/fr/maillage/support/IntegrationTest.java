package fr.maillage.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context most tests share: the real application on a random port, its
 * embedded PostgreSQL (one per test JVM, in target/), GreenMail as the SMTP server, a local SMS
 * gateway ({@link SmsStub}), an MSSanté operator's SMTP server ({@link MssanteSmtp}, STARTTLS and client certificate), a local OpenID Connect provider for Pro Santé Connect ({@link OidcProvider}), the Annuaire Santé API ({@link AnnuaireStub}), and an
 * unattended administrator with a known API token.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"maillage.database.directory=target/test-postgres", "maillage.database.clean=true", "maillage.files.directory=target/test-files", "maillage.proxy.trusted=127.0.0.1,::1",
		"maillage.admin.email=" + TestData.ADMIN_EMAIL, "maillage.admin.password=" + TestData.ADMIN_PASSWORD,
		"maillage.admin.token=" + TestData.ADMIN_TOKEN, "spring.mail.host=127.0.0.1",
		"spring.mail.port=" + Mail.SMTP_PORT, "spring.mail.properties.mail.smtp.connectiontimeout=5000",
		"maillage.security.totp-required-for=PARTNER", "logging.level.fr.maillage=INFO",
		"maillage.sms.url=http://127.0.0.1:" + SmsStub.PORT + "/sms", "maillage.sms.key=test-sms-key",
		"maillage.psc.issuer=" + OidcProvider.ISSUER, "maillage.psc.client-id=" + OidcProvider.CLIENT_ID,
		"maillage.psc.client-secret=" + OidcProvider.CLIENT_SECRET, "maillage.mssante.host=127.0.0.1", "maillage.mssante.port=" + MssanteSmtp.PORT,
		"maillage.mssante.from=" + MssanteSmtp.FROM, "maillage.mssante.keystore=classpath:mssante/client.p12", "maillage.mssante.keystore-password=changeit",
		"maillage.mssante.truststore=classpath:mssante/ca.p12", "maillage.mssante.truststore-password=changeit",
		"maillage.annuaire.url=http://127.0.0.1:" + AnnuaireStub.PORT + "/fhir/a", "maillage.annuaire.api-key=" + AnnuaireStub.KEY })
@ActiveProfiles("test")
@Import({ Mail.Started.class, MssanteSmtp.Started.class, AnnuaireStub.Started.class, SmsStub.Started.class, OidcProvider.Started.class, People.Wiring.class })
public @interface IntegrationTest {
}
