package fr.maillage.prevention.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.PublicPageSection;
import fr.maillage.cpts.Territory;
import fr.maillage.prevention.PublicAgenda;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On the CPTS's public page: « Prévention », the campaigns running, the public events to come with their registration, and the prevention consultations finder. */
@Component
class AgendaSection implements PublicPageSection {

	private final PublicAgenda agenda;

	AgendaSection(PublicAgenda agenda) {
		this.agenda = agenda;
	}

	@Override
	public int order() {
		return 4;
	}

	@Override
	public String fragment() {
		return "prevention/fragments :: publicSection";
	}

	@Override
	public Map<String, Object> model(Cpts cpts, Territory territory) {
		// always there: where to get a prevention consultation; the coming events when there are some
		return Map.of("preventionEvents", agenda.upcoming(cpts.id()).stream().limit(5).toList(), "campaigns", agenda.currentCampaigns(cpts.id()),
				"slug", cpts.slug(), "cptsId", cpts.id());
	}
}
