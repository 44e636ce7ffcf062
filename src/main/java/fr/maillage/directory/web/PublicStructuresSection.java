package fr.maillage.directory.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.PublicPageSection;
import fr.maillage.cpts.Territory;
import fr.maillage.directory.Organization;
import fr.maillage.directory.Organizations;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On the public page: the structures of the territory that coordinators marked public, with their address and phone. */
@Component
class PublicStructuresSection implements PublicPageSection {

	private final Organizations organizations;

	PublicStructuresSection(Organizations organizations) {
		this.organizations = organizations;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String fragment() {
		return "directory/public :: structures";
	}

	@Override
	public Map<String, Object> model(Cpts cpts, Territory territory) {
		List<Organization> list = organizations.publicIn(territory.communes().stream().map(Territory.TerritoryCommune::inseeCode).toList());
		return list.isEmpty() ? Map.of() : Map.of("structures", list);
	}
}
