package fr.maillage.association.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.PublicPageSection;
import fr.maillage.cpts.Territory;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On the CPTS's public page: professionals of the territory can apply for membership. */
@Component
class JoinSection implements PublicPageSection {

	@Override
	public int order() {
		return 9;
	}

	@Override
	public String fragment() {
		return "association/fragments :: publicSection";
	}

	@Override
	public Map<String, Object> model(Cpts cpts, Territory territory) {
		return Map.of("slug", cpts.slug());
	}
}
