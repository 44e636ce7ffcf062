package fr.maillage.missions.web;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** The default ACI amounts in the administration part of the menu. */
@Component
class MissionsAdminMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry(Section.ADMINISTRATION, 50, "menu.missions.defaults", "/administration/aci", Who.ADMIN));
	}
}
