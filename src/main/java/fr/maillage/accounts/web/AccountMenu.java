package fr.maillage.accounts.web;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu: one's own agenda, first of the care group. */
@Component
class AccountMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry(Section.CARE, 1, "menu.agenda", "/agenda", Who.SIGNED_IN),
				new MenuEntry(Section.STEERING, 90, "menu.clients", "/cpts/" + MenuEntry.CPTS + "/clients-api", Who.CPTS_COORDINATOR),
				new MenuEntry(Section.STEERING, 91, "menu.loginPolicy", "/cpts/" + MenuEntry.CPTS + "/connexion-securite", Who.CPTS_COORDINATOR));
	}
}
