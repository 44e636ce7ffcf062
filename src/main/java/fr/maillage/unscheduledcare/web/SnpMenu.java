package fr.maillage.unscheduledcare.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class SnpMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.CARE, 10, "menu.snp.search", "/soins-non-programmes", Who.SIGNED_IN),
				new MenuEntry(Section.CARE, 20, "menu.snp.mySlots", "/soins-non-programmes/mes-creneaux", Who.SIGNED_IN),
				new MenuEntry(Section.CARE, 30, "menu.snp.myBookings", "/soins-non-programmes/mes-reservations", Who.SIGNED_IN),
				new MenuEntry(Section.STEERING, 30, "menu.snp.indicators", "/cpts/" + CPTS + "/soins-non-programmes/indicateurs", Who.CPTS_COORDINATOR));
	}
}
