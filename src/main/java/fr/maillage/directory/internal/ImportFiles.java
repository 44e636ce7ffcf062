package fr.maillage.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded import files wait while they are read: {@code imports/} under the data folder
 * ({@code maillage.files.directory}), never the system's temporary folder, one file per import
 * named by its id, removed when the import ends.
 */
@Component
public class ImportFiles {

	private static final String SUFFIX = ".upload";
	private final Path folder;

	ImportFiles(@Value("${maillage.files.directory:data/files}") String directory) {
		this.folder = Path.of(directory).toAbsolutePath().normalize().resolve("imports");
	}

	public Path fileFor(UUID importId) throws IOException {
		Files.createDirectories(folder);
		return folder.resolve(importId + SUFFIX);
	}

	public Path folder() {
		return folder;
	}

	List<Path> list() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(folder)) {
			return s.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static @Nullable UUID idOf(Path file) {
		String name = file.getFileName().toString();
		if (!name.endsWith(SUFFIX)) {
			return null;
		}
		try {
			return UUID.fromString(name.substring(0, name.length() - SUFFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
