package fr.maillage.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the audit log. */
public record AuditEvent(long id, Instant at, @Nullable UUID actorId, @Nullable String actorLabel, @Nullable String ip,
		String action, @Nullable String subjectType, @Nullable String subjectId, @Nullable UUID cptsId,
		@Nullable String details) {
}
