package fr.maillage.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the servlet container spools uploads while a request is read
 * ({@code spring.servlet.multipart.location}): {@code uploads/} under the data folder, never the
 * system's temporary folder. Set as an absolute path before the container starts (it takes a
 * relative one as relative to its own temporary folder), created, and emptied of what a crashed
 * process left (files untouched for an hour: an upload in progress on another node sharing the
 * folder is younger).
 */
public class UploadFolder implements EnvironmentPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(UploadFolder.class);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.servlet.multipart.location"))) {
			return;
		}
		Path folder = Path.of(environment.getProperty("maillage.files.directory", "data/files")).toAbsolutePath().normalize().resolve("uploads");
		prepare(folder);
		environment.getPropertySources().addFirst(new MapPropertySource("maillageUploadFolder",
				Map.of("spring.servlet.multipart.location", folder.toString())));
	}

	private static void prepare(Path folder) {
		try {
			Files.createDirectories(folder);
			FileTime before = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
			try (Stream<Path> files = Files.list(folder)) {
				for (Path f : files.toList()) {
					if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(before) < 0) {
						Files.deleteIfExists(f);
						log.info("Envoi abandonné supprimé : {}", f);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Dossier des envois " + folder + " inutilisable", ex);
		}
	}
}
