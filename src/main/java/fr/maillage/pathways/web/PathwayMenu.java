package fr.maillage.pathways.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class PathwayMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.PATIENTS, 30, "menu.pathways", "/cpts/" + CPTS + "/parcours", Who.CPTS_MEMBER),
				new MenuEntry(Section.PATIENTS, 40, "menu.tasks", "/taches", Who.SIGNED_IN));
	}
}
