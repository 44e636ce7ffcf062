package fr.maillage.prevention.web;

import fr.maillage.prevention.Campaign;
import fr.maillage.prevention.CampaignAction;
import fr.maillage.prevention.CampaignForms;
import fr.maillage.prevention.Campaigns;
import fr.maillage.prevention.internal.CampaignStore;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns over the API: the national calendar, a CPTS's campaigns, their actions and results. */
@RestController
class CampaignApiController {

	private final Campaigns campaigns;

	CampaignApiController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/api/v1/prevention/themes")
	List<CampaignStore.Theme> themes() {
		return campaigns.themes();
	}

	@PutMapping("/api/v1/prevention/themes/{code}")
	List<CampaignStore.Theme> saveTheme(@PathVariable String code, @RequestBody CampaignStore.Theme theme) {
		campaigns.saveTheme(new CampaignStore.Theme(code, theme.name(), theme.description(), theme.target(), theme.fromMonth(), theme.fromDay(),
				theme.toMonth(), theme.toDay()));
		return campaigns.themes();
	}

	@GetMapping("/api/v1/cpts/{id}/campaigns")
	List<Campaigns.Detail> list(@PathVariable UUID id) {
		return campaigns.list(id);
	}

	@PostMapping("/api/v1/cpts/{id}/campaigns")
	ResponseEntity<Campaign> create(@PathVariable UUID id, @Valid @RequestBody CampaignForms.CampaignForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.create(id, form));
	}

	@GetMapping("/api/v1/campaigns/{campaignId}")
	Campaigns.Detail get(@PathVariable UUID campaignId) {
		return campaigns.get(campaignId);
	}

	@PostMapping("/api/v1/campaigns/{campaignId}/actions")
	ResponseEntity<CampaignAction> addAction(@PathVariable UUID campaignId, @Valid @RequestBody CampaignForms.ActionForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.addAction(campaignId, form));
	}

	@PutMapping("/api/v1/campaign-actions/{actionId}/results")
	CampaignAction results(@PathVariable UUID actionId, @Valid @RequestBody CampaignForms.ResultsForm form) {
		return campaigns.recordResults(actionId, form);
	}
}
