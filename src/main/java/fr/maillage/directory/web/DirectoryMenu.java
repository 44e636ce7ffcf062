package fr.maillage.directory.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class DirectoryMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.TERRITORY, 10, "menu.directory", "/annuaire", Who.SIGNED_IN),
				new MenuEntry(Section.TERRITORY, 30, "menu.partnerships", "/cpts/" + CPTS + "/partenariats", Who.CPTS_MEMBER),
				new MenuEntry(Section.TERRITORY, 40, "menu.professions", "/cpts/" + CPTS + "/professions", Who.CPTS_MEMBER),
				new MenuEntry(Section.TERRITORY, 50, "menu.claims", "/cpts/" + CPTS + "/rattachements", Who.CPTS_COORDINATOR),
				new MenuEntry(Section.TERRITORY, 60, "menu.rppsImport", "/cpts/" + CPTS + "/annuaire/import", Who.CPTS_COORDINATOR));
	}
}
