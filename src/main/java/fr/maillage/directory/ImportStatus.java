package fr.maillage.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where an import stands, and its report once done. */
public record ImportStatus(UUID id, @Nullable UUID cptsId, String fileName, String status, int progressPercent, long linesRead,
		int created, int updated, int unchanged, int inactivated, long outOfScope, int rejected, @Nullable String encoding,
		@Nullable String problem, List<Remark> remarks, Instant startedAt, @Nullable Instant finishedAt) {

	/** A rejected line, or a warning on a line that was kept. */
	public record Remark(long line, String reason, String message, @Nullable String excerpt) {
	}

	public boolean finished() {
		return !"QUEUED".equals(status) && !"RUNNING".equals(status);
	}
}
