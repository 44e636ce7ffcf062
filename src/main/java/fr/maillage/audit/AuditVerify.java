package fr.maillage.audit;

import fr.maillage.platform.EmbeddedCredentials;
import fr.maillage.platform.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./maillage audit-verify}: checks the audit log's chain without starting the application.
 * The database is the external one ({@code SPRING_DATASOURCE_*}), or the embedded one: the running
 * instance's (port from {@code postmaster.pid}), or started for the check. Exit code 0 when the
 * chain holds, 1 when it is broken.
 */
public final class AuditVerify {

	private AuditVerify() {
	}

	public static void main(String[] args) throws Exception {
		JdbcClient jdbc = JdbcClient.create(dataSource());
		AuditChain.Verification v = AuditChain.verify(jdbc);
		System.out.println(describe(v, messages(Locale.FRENCH)));
		EmbeddedDatabase.stopAll();
		System.exit(v.intact() ? 0 : 1);
	}

	private static DriverManagerDataSource dataSource() throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			return new DriverManagerDataSource(url, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
		}
		String dir = System.getenv("MAILLAGE_DATABASE_DIRECTORY");
		Path directory = Path.of(dir == null || dir.isBlank() ? "data/postgres" : dir);
		EmbeddedCredentials credentials = EmbeddedCredentials.read(directory)
			.orElseThrow(() -> new IllegalStateException("Aucune base intégrée dans " + directory.toAbsolutePath()));
		Path pid = directory.resolve("postmaster.pid");
		if (Files.exists(pid)) {
			List<String> lines = Files.readAllLines(pid);
			if (lines.size() > 3 && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false)) {
				return new DriverManagerDataSource("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres", EmbeddedCredentials.APP,
						credentials.appPassword());
			}
		}
		EmbeddedDatabase.Started started = EmbeddedDatabase.start(directory, false, 0);
		return new DriverManagerDataSource(started.jdbcUrl(), EmbeddedCredentials.APP, credentials.appPassword());
	}

	/** The application's messages in this language, French (the base file) when there is no other: never the JVM's language. */
	public static ResourceBundle messages(Locale locale) {
		return ResourceBundle.getBundle("messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/** The verification in words, for the command and the administrator's page. */
	public static String describe(AuditChain.Verification v, ResourceBundle messages) {
		if (v.brokenSeq() == null) {
			String text = MessageFormat.format(messages.getString("audit.verify.intact"), v.sealed());
			return v.unsealedLate() == 0 ? text : text + " " + MessageFormat.format(messages.getString("audit.verify.unsealed"), v.unsealedLate());
		}
		String when = v.brokenAt() == null ? "?"
				: DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Paris")).format(v.brokenAt());
		return MessageFormat.format(messages.getString("audit.verify.broken"), String.valueOf(v.brokenSeq()), String.valueOf(v.brokenId()), when,
				MessageFormat.format(messages.getString("audit.verify.reason." + v.reason()), new Object[0]));
	}
}
