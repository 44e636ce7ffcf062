package fr.maillage.directory.web;

import fr.maillage.directory.AccountLinks;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Links between accounts and the directory in the JSON API. */
@RestController
class AccountLinkApiController {

	record ClaimRequest(@Nullable String rpps, @Nullable UUID cptsId) {
	}

	record LinkRequest(@Nullable String email) {
	}

	record RefusalRequest(@Nullable String note) {
	}

	private final AccountLinks links;

	AccountLinkApiController(AccountLinks links) {
		this.links = links;
	}

	@GetMapping("/api/v1/me/directory")
	AccountLinks.Mine mine() {
		return links.mine();
	}

	/** Starts a claim; the answer says where the confirmation link went (masked when it is the directory's address). */
	@PostMapping("/api/v1/me/directory/claims")
	ResponseEntity<Map<String, Object>> claim(@RequestBody ClaimRequest request) {
		AccountLinks.ClaimStarted started = links.claim(request.rpps() == null ? "" : request.rpps(), request.cptsId());
		String to = started.via() == AccountLinks.ConfirmedVia.DIRECTORY ? AccountLinkPagesController.mask(started.sentTo()) : started.sentTo();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", started.linkId(), "sentTo", to, "via", started.via(), "sent", started.sent()));
	}

	@GetMapping("/api/v1/cpts/{id}/directory-claims")
	List<AccountLinks.LinkView> claims(@PathVariable UUID id) {
		return links.pendingClaims(id);
	}

	@PostMapping("/api/v1/cpts/{id}/directory-claims/{linkId}/approve")
	ResponseEntity<Void> approve(@PathVariable UUID id, @PathVariable UUID linkId) {
		links.approve(id, linkId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/cpts/{id}/directory-claims/{linkId}/refuse")
	ResponseEntity<Void> refuse(@PathVariable UUID id, @PathVariable UUID linkId, @RequestBody(required = false) @Nullable RefusalRequest body) {
		links.refuse(id, linkId, body == null ? null : body.note());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/practitioners/{id}/account")
	Map<String, UUID> linkPractitioner(@PathVariable UUID id, @RequestBody LinkRequest request) {
		return Map.of("id", links.linkPractitioner(id, request.email() == null ? "" : request.email()));
	}

	@PostMapping("/api/v1/organizations/{id}/staff")
	ResponseEntity<Map<String, UUID>> addStaff(@PathVariable UUID id, @RequestBody LinkRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", links.addStaff(id, request.email() == null ? "" : request.email())));
	}

	@DeleteMapping("/api/v1/account-links/{id}")
	ResponseEntity<Void> unlink(@PathVariable UUID id) {
		links.unlink(id);
		return ResponseEntity.noContent().build();
	}
}
