package fr.maillage.prevention.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** The events and campaigns in the exchanges part of the menu (the coordination's); one's consultation offer and the ETP programmes in care. */
@Component
class PreventionMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry(Section.EXCHANGES, 40, "menu.prevention.events", "/cpts/" + CPTS + "/evenements", Who.CPTS_COORDINATOR),
				new MenuEntry(Section.EXCHANGES, 41, "menu.prevention.campaigns", "/cpts/" + CPTS + "/campagnes", Who.CPTS_COORDINATOR),
				new MenuEntry(Section.CARE, 60, "menu.prevention.offer", "/prevention/mon-offre", Who.CPTS_MEMBER),
				new MenuEntry(Section.CARE, 61, "menu.prevention.etp", "/cpts/" + CPTS + "/etp", Who.CPTS_MEMBER));
	}
}
