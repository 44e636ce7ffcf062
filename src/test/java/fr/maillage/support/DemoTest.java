package fr.maillage.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The demonstration as a person finds it (`./maillage run --demo`): its CPTS, directory, slots,
 * rosters, pathways, patients and association, on a database of its own, with the demo's public
 * accounts ({@link Demo}). One context, shared by the tests that use it (DemoModeIntegrationTest counts the
 * untouched demo in a context of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"maillage.database.directory=target/test-postgres-demo-pages", "maillage.database.clean=true", "maillage.demo=true",
		"maillage.files.directory=target/test-files-demo-pages", "spring.mail.host=127.0.0.1", "spring.mail.port=" + Mail.SMTP_PORT,
		// the home's figures are compared with the database right after each change: counted on every load here
		"maillage.home.figures-max-age=0s" })
@Import(Mail.Started.class)
public @interface DemoTest {

	/** The demonstration's accounts, as the README gives them. */
	final class Demo {
		public static final String ADMIN = "admin@demo.maillage.fr";
		public static final String ADMIN_PASSWORD = "demo-maillage-admin";
		public static final String COORDINATOR = "coordination@demo.maillage.fr";
		public static final String COORDINATOR_PASSWORD = "demo-maillage-coordination";
		public static final String MEMBER = "membre@demo.maillage.fr";
		public static final String MEMBER_PASSWORD = "demo-maillage-membre";

		private Demo() {
		}
	}
}
