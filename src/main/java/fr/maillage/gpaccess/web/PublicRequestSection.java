package fr.maillage.gpaccess.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.PublicPageSection;
import fr.maillage.cpts.Territory;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On the CPTS's public page: the way to ask for help finding a médecin traitant. */
@Component
class PublicRequestSection implements PublicPageSection {

	@Override
	public int order() {
		return 5;
	}

	@Override
	public String fragment() {
		return "gpaccess/fragments :: publicSection";
	}

	@Override
	public Map<String, Object> model(Cpts cpts, Territory territory) {
		return Map.of("slug", cpts.slug());
	}
}
