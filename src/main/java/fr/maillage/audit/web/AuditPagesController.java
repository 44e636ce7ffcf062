package fr.maillage.audit.web;

import fr.maillage.audit.AuditQuery;
import fr.maillage.audit.AuditedActor;
import fr.maillage.audit.internal.AuditReader;
import fr.maillage.platform.TabularExport;
import fr.maillage.platform.web.ListView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, filtered by who, which action (picked among the labelled ones), and when, newest
 * or oldest first, and exported with the same filters: all of it for administrators, their CPTS
 * for coordinators.
 */
@Controller
class AuditPagesController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

	private final AuditReader reader;
	private final AuditActionChoices choices;
	private final fr.maillage.platform.Messages messages;

	AuditPagesController(AuditReader reader, AuditActionChoices choices, fr.maillage.platform.Messages messages) {
		this.reader = reader;
		this.choices = choices;
		this.messages = messages;
	}

	@GetMapping("/audit")
	String log(@AuthenticationPrincipal AuditedActor actor, @RequestParam(required = false) @Nullable String actorLabel,
			@RequestParam(name = "actor", required = false) @Nullable String who, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			HttpServletRequest request, Locale locale, Model model) {
		requireReader(actor);
		ListView list = view(request);
		AuditQuery query = new AuditQuery(who != null ? who : actorLabel, action, null, from, to, list.page(), list.size(), !list.desc());
		AuditReader.Page page = reader.find(actor, query);
		list.total(page.total());
		model.addAttribute("list", list);
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("actions", choices.in(locale));
		model.addAttribute("wholeLog", actor.readsWholeAuditLog());
		return "audit/log";
	}

	@GetMapping("/audit/export.{format:csv|xlsx}")
	void export(@AuthenticationPrincipal AuditedActor actor, @PathVariable String format,
			@RequestParam(name = "actor", required = false) @Nullable String who, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		requireReader(actor);
		ListView list = view(request);
		List<String> header = List.of("date", "acteur", "adresse", "action", "libellé", "type", "objet", "cpts", "details");
		TabularExport.write(response, TabularExport.Format.valueOf(format.toUpperCase(Locale.ROOT)), "journal-audit", "journal", header, sink ->
			reader.forEach(actor, new AuditQuery(who, action, null, from, to, 0, 1, !list.desc()), e -> sink.accept(Arrays.asList(WHEN.format(e.at()),
					e.actorLabel(), e.ip(), e.action(), messages.get("audit.action." + e.action()), e.subjectType(), e.subjectId(), e.cptsId(),
					e.details()))));
	}

	private static ListView view(HttpServletRequest request) {
		return ListView.of(request, Set.of("at"), "at", true, 50);
	}

	private static void requireReader(AuditedActor actor) {
		if (!actor.readsWholeAuditLog() && actor.auditableCpts().isEmpty()) {
			throw new AccessDeniedException("no audit access");
		}
	}
}
