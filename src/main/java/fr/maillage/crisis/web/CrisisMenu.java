package fr.maillage.crisis.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** The crisis mission in the care part of the menu: every member declares their skills and answers alerts there. */
@Component
class CrisisMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry(Section.CARE, 70, "menu.crisis", "/cpts/" + CPTS + "/crise", Who.CPTS_MEMBER));
	}
}
