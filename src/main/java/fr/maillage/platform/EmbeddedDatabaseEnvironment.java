package fr.maillage.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and points the datasource at it when no
 * {@code spring.datasource.url} is configured, before any bean needs the database.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Path directory = Path.of(environment.getProperty("maillage.database.directory", "data/postgres"));
		boolean clean = environment.getProperty("maillage.database.clean", Boolean.class, false);
		int port = environment.getProperty("maillage.database.port", Integer.class, 0);
		System.setProperty("maillage.database.max-connections", environment.getProperty("maillage.database.max-connections", "100"));
		System.setProperty("maillage.database.startup-wait", environment.getProperty("maillage.database.startup-wait", "300s"));
		EmbeddedDatabase.Started db = EmbeddedDatabase.start(directory, clean, port,
				environment.getProperty("maillage.database.shared-buffers", "128MB"));
		// the application works as a role that cannot alter the schema; Flyway migrates as the owner
		environment.getPropertySources().addFirst(new MapPropertySource("maillageEmbeddedDatabase", Map.of(
				"spring.datasource.url", db.jdbcUrl(), "spring.datasource.username", EmbeddedCredentials.APP,
				"spring.datasource.password", db.credentials().appPassword(), "spring.flyway.user", EmbeddedCredentials.OWNER,
				"spring.flyway.password", db.credentials().ownerPassword())));
	}
}
