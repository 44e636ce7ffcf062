package fr.maillage.gpaccess.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class GpAccessMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.PATIENTS, 10, "menu.gpaccess", "/cpts/" + CPTS + "/medecin-traitant", Who.CPTS_MEMBER),
				new MenuEntry(Section.PATIENTS, 20, "menu.gpaccess.proposals", "/cpts/" + CPTS + "/medecin-traitant/propositions", Who.CPTS_MEMBER),
				new MenuEntry(Section.STEERING, 20, "menu.gpaccess.indicators", "/cpts/" + CPTS + "/medecin-traitant/indicateurs", Who.CARE_COORDINATOR));
	}
}
