package fr.maillage.oncall.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class OnCallMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.CARE, 40, "menu.oncall.rosters", "/cpts/" + CPTS + "/gardes", Who.CPTS_MEMBER),
				new MenuEntry(Section.CARE, 50, "menu.oncall.mine", "/gardes", Who.SIGNED_IN));
	}
}
