package fr.maillage.association.web;

import static fr.maillage.platform.MenuEntry.CPTS;

import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import java.util.List;
import org.springframework.stereotype.Component;

/** This module's links in the main menu. */
@Component
class AssociationMenu implements MenuEntry.Declarations {

	private final fr.maillage.association.Board board;

	AssociationMenu(fr.maillage.association.Board board) {
		this.board = board;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry(Section.ASSOCIATION, 10, "menu.membership", "/adhesion", Who.SIGNED_IN),
				new MenuEntry(Section.ASSOCIATION, 20, "menu.association.page", "/cpts/" + CPTS + "/association", Who.CPTS_MEMBER, board::may),
				new MenuEntry(Section.ASSOCIATION, 30, "menu.members", "/cpts/" + CPTS + "/adherents", Who.CPTS_MEMBER),
				new MenuEntry(Section.ASSOCIATION, 40, "menu.meetings", "/cpts/" + CPTS + "/reunions", Who.CPTS_MEMBER),
				new MenuEntry(Section.ASSOCIATION, 50, "menu.documents", "/cpts/" + CPTS + "/documents", Who.CPTS_MEMBER));
	}
}
