package fr.maillage.patients.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu: patients' rights, for the CPTS's coordinators by role. */
@Component
class PatientMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.PATIENTS, 50, "menu.patientRights", "/cpts/" + CPTS + "/patients", Who.CARE_COORDINATOR));
	}
}
