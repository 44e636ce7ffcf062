package fr.maillage.notifications.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu (the bell stays beside the account). */
@Component
class NotificationMenu implements MenuEntry.Declarations {

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.EXCHANGES, 20, "menu.announcements", "/cpts/" + CPTS + "/annonces", Who.CPTS_COORDINATOR),
				new MenuEntry(Section.EXCHANGES, 30, "menu.notifications.preferences", "/notifications/preferences", Who.SIGNED_IN),
				new MenuEntry(Section.ADMINISTRATION, 30, "menu.outbox", "/administration/envois", Who.ADMIN));
	}
}
