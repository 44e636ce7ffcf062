package fr.maillage.cpts.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu: the CPTS's page and territory, the CPTS hosted. */
@Component
class CptsMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.TERRITORY, 20, "menu.territory.page", "/cpts/" + CPTS + "/territoire", Who.CPTS_MEMBER),
				new MenuEntry(Section.STEERING, 10, "menu.cpts", "/cpts/" + CPTS, Who.CPTS_MEMBER),
				new MenuEntry(Section.STEERING, 15, "cpts.look.link", "/cpts/" + CPTS + "/identite", Who.CPTS_COORDINATOR),
				new MenuEntry(Section.ADMINISTRATION, 10, "menu.allCpts", "/", Who.ADMIN));
	}
}
