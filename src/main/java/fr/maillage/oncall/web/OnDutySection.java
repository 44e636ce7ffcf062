package fr.maillage.oncall.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.PublicPageSection;
import fr.maillage.cpts.Territory;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On the CPTS's public page: the way to "qui est de garde ?". */
@Component
class OnDutySection implements PublicPageSection {

	@Override
	public int order() {
		return 3;
	}

	@Override
	public String fragment() {
		return "oncall/fragments :: publicSection";
	}

	@Override
	public Map<String, Object> model(Cpts cpts, Territory territory) {
		return Map.of("slug", cpts.slug());
	}
}
