package fr.maillage.platform.web;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** The platform's pages in the menu: the background jobs, for administrators. */
@Component
class PlatformMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry(Section.ADMINISTRATION, 35, "menu.jobs", JobsController.PATH, Who.ADMIN));
	}
}
