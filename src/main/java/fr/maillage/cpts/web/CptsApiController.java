package fr.maillage.cpts.web;

import fr.maillage.accounts.AccountMailer;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsForm;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.cpts.TerritoryEntry;
import fr.maillage.cpts.TerritoryPreviews;
import fr.maillage.platform.Problems;
import fr.maillage.reference.ListResolution;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The CPTS and their territories in the JSON API. */
@RestController
class CptsApiController {

	record InvitationRequest(@org.jspecify.annotations.Nullable String email, @org.jspecify.annotations.Nullable String role) {
	}

	record InvitationSent(UUID id, String email, Role role, boolean mailed) {
	}

	private final CptsService service;
	private final TerritoryPreviews previews;
	private final MessageSource messages;
	private final Accounts accounts;
	private final AccountMailer mailer;

	CptsApiController(CptsService service, TerritoryPreviews previews, MessageSource messages, Accounts accounts, AccountMailer mailer) {
		this.service = service;
		this.previews = previews;
		this.messages = messages;
		this.accounts = accounts;
		this.mailer = mailer;
	}

	/** Invites someone (by default the coordinator) by e-mail; the link is valid seven days. */
	@PostMapping("/api/v1/cpts/{id}/invitations")
	ResponseEntity<InvitationSent> invite(@PathVariable UUID id, @RequestBody InvitationRequest body, Locale locale) {
		Cpts cpts = service.get(id);
		String email = body.email() == null ? "" : body.email().strip();
		Role role;
		try {
			role = body.role() == null ? Role.COORDINATOR : Role.valueOf(body.role().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Problems.RejectedException(new Problems().reject("role", "invitation.role.invalid"));
		}
		if (!fr.maillage.shared.EmailAddress.isPlausible(email)) {
			throw new Problems.RejectedException(new Problems().reject("email", "account.email.invalid"));
		}
		var link = accounts.invite(email, id, role);
		boolean mailed = mailer.sendInvitation(link.email(), cpts.name(),
				messages.getMessage("role." + role.name(), null, role.name(), locale), link.secret());
		return ResponseEntity.status(201).body(new InvitationSent(link.id(), link.email(), role, mailed));
	}

	@PostMapping("/api/v1/cpts")
	ResponseEntity<Cpts> create(@RequestBody CptsForm form) {
		Cpts cpts = service.create(form);
		return ResponseEntity.created(URI.create("/api/v1/cpts/" + cpts.id())).body(cpts);
	}

	@GetMapping("/api/v1/cpts")
	List<Cpts> list() {
		return service.visible();
	}

	@GetMapping("/api/v1/cpts/{id}")
	Cpts get(@PathVariable UUID id) {
		return service.get(id);
	}

	@GetMapping("/api/v1/cpts/{id}/territory")
	Territory territory(@PathVariable UUID id) {
		return service.territory(id);
	}

	/** Body: a list of INSEE codes, a list of {inseeCode, qpv, zip, zac, zoneNote}, or {"communes": that list}. */
	@PutMapping("/api/v1/cpts/{id}/territory")
	Territory replace(@PathVariable UUID id, @RequestBody JsonNode body) {
		JsonNode list = body.isObject() && body.has("communes") ? body.get("communes") : body;
		if (!list.isArray()) {
			throw new Problems.RejectedException(new Problems().reject("communes", "territory.body.invalid"));
		}
		List<TerritoryEntry> entries = new ArrayList<>();
		for (JsonNode n : list) {
			if (n.isString() || n.isNumber()) {
				entries.add(TerritoryEntry.of(n.asString()));
			}
			else if (n.isObject()) {
				JsonNode code = n.has("inseeCode") ? n.get("inseeCode") : n.get("code");
				entries.add(new TerritoryEntry(code == null ? "" : code.asString(), n.path("qpv").asBoolean(false),
						n.path("zip").asBoolean(false), n.path("zac").asBoolean(false),
						n.hasNonNull("zoneNote") ? n.get("zoneNote").asString() : null));
			}
		}
		return service.replaceTerritory(id, entries);
	}

	@PostMapping(path = "/api/v1/cpts/{id}/territory/preview", consumes = MediaType.TEXT_PLAIN_VALUE)
	PreviewView previewText(@PathVariable UUID id, @RequestBody String text, Locale locale) {
		return PreviewView.of(previews.fromText(id, text), messages, locale);
	}

	/** Body: {"text": "…"} or {"lines": […]} or {"epci": "SIREN or name", "add": […], "remove": […]}. */
	@PostMapping(path = "/api/v1/cpts/{id}/territory/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	PreviewView previewJson(@PathVariable UUID id, @RequestBody JsonNode body, Locale locale) {
		ListResolution resolution;
		if (body.hasNonNull("epci")) {
			resolution = previews.fromEpci(id, body.get("epci").asString(), strings(body.get("add")), strings(body.get("remove")))
				.orElseThrow(() -> new Problems.RejectedException(new Problems().reject("epci", "territory.epci.unknown", body.get("epci").asString())));
		}
		else if (body.hasNonNull("text")) {
			resolution = previews.fromText(id, body.get("text").asString());
		}
		else if (body.has("lines")) {
			resolution = previews.fromText(id, String.join("\n", strings(body.get("lines"))));
		}
		else {
			throw new Problems.RejectedException(new Problems().reject("text", "territory.body.invalid"));
		}
		return PreviewView.of(resolution, messages, locale);
	}

	private static List<String> strings(JsonNode node) {
		List<String> out = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach(n -> out.add(n.asString()));
		}
		else if (node != null && node.isString()) {
			out.add(node.asString());
		}
		return out;
	}
}
