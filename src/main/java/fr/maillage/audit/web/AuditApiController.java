package fr.maillage.audit.web;

import fr.maillage.audit.AuditQuery;
import fr.maillage.audit.AuditedActor;
import fr.maillage.audit.internal.AuditReader;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditApiController {

	private final AuditReader reader;

	AuditApiController(AuditReader reader) {
		this.reader = reader;
	}

	@GetMapping("/api/v1/audit")
	AuditReader.Page audit(@AuthenticationPrincipal AuditedActor actor, @RequestParam(required = false) @Nullable String actorLabel,
			@RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable UUID cpts,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (!actor.readsWholeAuditLog() && actor.auditableCpts().isEmpty()) {
			throw new AccessDeniedException("no audit access");
		}
		return reader.find(actor, new AuditQuery(actorLabel, action, cpts, from, to, page, size));
	}
}
