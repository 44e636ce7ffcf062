package fr.maillage.audit.web;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class AuditMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.STEERING, 40, "menu.audit", "/audit", Who.ANY_COORDINATOR),
				new MenuEntry(Section.ADMINISTRATION, 40, "menu.auditAll", "/administration/audit", Who.ADMIN));
	}
}
