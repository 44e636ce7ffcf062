package fr.maillage.audit;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log view; every one optional. */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable UUID cptsId, @Nullable LocalDate from,
		@Nullable LocalDate to, int page, int size) {

	public AuditQuery {
		page = Math.max(page, 0);
		size = Math.clamp(size, 1, 500);
	}
}
