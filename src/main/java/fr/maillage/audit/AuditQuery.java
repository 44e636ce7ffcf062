package fr.maillage.audit;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit log view; every one optional. {@code action} is an action or a family of
 * actions ({@code patient} matches {@code patient.read} and {@code patient.list}); newest first
 * unless {@code oldestFirst}.
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable UUID cptsId, @Nullable LocalDate from,
		@Nullable LocalDate to, int page, int size, boolean oldestFirst) {

	public AuditQuery {
		page = Math.max(page, 0);
		size = Math.clamp(size, 1, 500);
	}

	public AuditQuery(@Nullable String actor, @Nullable String action, @Nullable UUID cptsId, @Nullable LocalDate from, @Nullable LocalDate to,
			int page, int size) {
		this(actor, action, cptsId, from, to, page, size, false);
	}
}
