package fr.maillage.prevention.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.PublicPageSection;
import fr.maillage.cpts.Territory;
import fr.maillage.prevention.PublicAgenda;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On the CPTS's public page: « Prévention », the public events to come with their registration. */
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
		var events = agenda.upcoming(cpts.id());
		return events.isEmpty() ? Map.of() : Map.of("preventionEvents", events.stream().limit(5).toList(), "slug", cpts.slug(), "cptsId", cpts.id());
	}
}
