package fr.maillage.audit.web;

import fr.maillage.audit.AuditQuery;
import fr.maillage.audit.AuditedActor;
import fr.maillage.audit.internal.AuditReader;
import fr.maillage.platform.TabularExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, filterable and exportable: all of it for administrators, their CPTS for coordinators. */
@Controller
class AuditPagesController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

	private final AuditReader reader;

	AuditPagesController(AuditReader reader) {
		this.reader = reader;
	}

	@GetMapping("/audit")
	String log(@AuthenticationPrincipal AuditedActor actor, @RequestParam(required = false) @Nullable String actorLabel,
			@RequestParam(name = "actor", required = false) @Nullable String who, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		requireReader(actor);
		AuditQuery query = new AuditQuery(who != null ? who : actorLabel, action, null, from, to, page, 50);
		model.addAttribute("query", query);
		model.addAttribute("page", reader.find(actor, query));
		model.addAttribute("wholeLog", actor.readsWholeAuditLog());
		return "audit/log";
	}

	@GetMapping("/audit/export.csv")
	void export(@AuthenticationPrincipal AuditedActor actor, @RequestParam(name = "actor", required = false) @Nullable String who,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			HttpServletResponse response) throws IOException {
		requireReader(actor);
		List<String> header = List.of("date", "acteur", "adresse", "action", "type", "objet", "cpts", "details");
		TabularExport.write(response, TabularExport.Format.CSV, "journal-audit", "journal", header, sink ->
			reader.forEach(actor, new AuditQuery(who, action, null, from, to, 0, 1), e -> sink.accept(java.util.Arrays.asList(WHEN.format(e.at()),
					e.actorLabel(), e.ip(), e.action(), e.subjectType(), e.subjectId(), e.cptsId(), e.details()))));
	}

	private static void requireReader(AuditedActor actor) {
		if (!actor.readsWholeAuditLog() && actor.auditableCpts().isEmpty()) {
			throw new AccessDeniedException("no audit access");
		}
	}
}
