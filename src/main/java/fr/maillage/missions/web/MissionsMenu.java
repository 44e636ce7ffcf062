package fr.maillage.missions.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.missions.SteeringAccess;
import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** The contract in the steering part of the menu, for the coordination and the board. */
@Component
class MissionsMenu implements MenuEntry.Declarations {

	private final SteeringAccess steering;

	MissionsMenu(SteeringAccess steering) {
		this.steering = steering;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.STEERING, 16, "menu.missions.contract", "/cpts/" + CPTS + "/contrat", Who.CPTS_MEMBER, steering::may),
				new MenuEntry(Section.STEERING, 17, "menu.missions.indicators", "/cpts/" + CPTS + "/contrat/indicateurs", Who.CPTS_MEMBER, steering::may),
				new MenuEntry(Section.STEERING, 18, "menu.missions.sheets", "/cpts/" + CPTS + "/contrat/fiches", Who.CPTS_MEMBER, steering::may),
				new MenuEntry(Section.STEERING, 19, "menu.missions.budget", "/cpts/" + CPTS + "/contrat/budget", Who.CPTS_MEMBER, steering::may),
				new MenuEntry(Section.STEERING, 20, "menu.missions.report", "/cpts/" + CPTS + "/contrat/rapport", Who.CPTS_MEMBER, steering::may));
	}
}
