package fr.maillage.accounts.web;

import fr.maillage.accounts.MachineClients;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The machine clients of a CPTS (page for its coordinators: register, see the secret once, revoke)
 * and the OAuth2 token endpoint they call (RFC 6749 §4.4: client credentials, by form fields or
 * HTTP Basic; answers and errors in the RFC's shape, never cached).
 */
@Controller
class MachineClientsController {

	private final MachineClients clients;
	private final Messages messages;
	private final String baseUrl;

	MachineClientsController(MachineClients clients, Messages messages, @Value("${maillage.base-url}") String baseUrl) {
		this.clients = clients;
		this.messages = messages;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@GetMapping("/cpts/{id}/clients-api")
	String page(@PathVariable UUID id, Model model) {
		return show(id, model);
	}

	@PostMapping("/cpts/{id}/clients-api")
	String create(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name, Model model) {
		try {
			model.addAttribute("created", clients.create(id, name));
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("name", name);
		}
		return show(id, model);
	}

	@PostMapping("/cpts/{id}/clients-api/{client}/revocation")
	String revoke(@PathVariable UUID id, @PathVariable UUID client, RedirectAttributes redirect) {
		clients.revoke(id, client);
		redirect.addFlashAttribute("success", messages.get("clients.revoked"));
		return "redirect:/cpts/" + id + "/clients-api";
	}

	private String show(UUID id, Model model) {
		model.addAttribute("cptsId", id);
		model.addAttribute("clients", clients.of(id));
		// the address the person reached us at (behind the proxy, as it forwards it), the configured one otherwise
		String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		base = base.isBlank() ? baseUrl : base;
		model.addAttribute("tokenUrl", base + "/api/v1/oauth2/token");
		model.addAttribute("fhirUrl", base + "/fhir");
		return "accounts/clients";
	}

	@PostMapping(path = "/api/v1/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) @Nullable String grant,
			@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "client_secret", required = false) @Nullable String secret, HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
				secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
			}
		}
		if (!"client_credentials".equals(grant)) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "clients.error.grant");
		}
		return clients.token(clientId, secret)
			.map(t -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.<String, Object>of("access_token", t.accessToken(),
					"token_type", "Bearer", "expires_in", t.expiresIn())))
			.orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "invalid_client", "clients.error.client"));
	}

	private ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String key) {
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
			.body(Map.of("error", code, "error_description", messages.get(key)));
	}
}
