package fr.maillage.cpts.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in person's home: what waits for them today, in cards the modules contribute, for the
 * CPTS they work in (the menu's); for an administrator, also the CPTS hosted.
 */
@Controller
class HomeController {

	private final CptsService service;
	private final CptsAccess access;
	private final Navigation navigation;
	private final List<HomeCard.Provider> providers;

	HomeController(CptsService service, CptsAccess access, Navigation navigation, List<HomeCard.Provider> providers) {
		this.service = service;
		this.access = access;
		this.navigation = navigation;
		this.providers = providers;
	}

	@GetMapping("/")
	String home(Model model) {
		CurrentUser user = access.requireUser();
		Cpts current = navigation.menu().cpts();
		HomeCard.Viewer viewer = viewer(user, current);
		Map<Audience, List<HomeCard>> parts = new EnumMap<>(Audience.class);
		providers.stream().flatMap(p -> p.cards(viewer).stream()).sorted(Comparator.comparingInt(HomeCard::order))
			.forEach(c -> parts.computeIfAbsent(c.audience(), a -> new java.util.ArrayList<>()).add(c));
		model.addAttribute("user", user);
		model.addAttribute("cpts", current);
		model.addAttribute("parts", parts);
		model.addAttribute("admin", user.isAdmin());
		if (user.isAdmin()) {
			model.addAttribute("cptsList", service.visible());
		}
		return "cpts/home";
	}

	private static HomeCard.Viewer viewer(CurrentUser user, @Nullable Cpts current) {
		UUID id = current == null ? null : current.id();
		boolean coordinator = id != null && user.has(id, Role.COORDINATOR);
		boolean member = id != null && (user.has(id, Role.MEMBER) || user.has(id, Role.PARTNER));
		return new HomeCard.Viewer(user.id(), id, coordinator, coordinator, member, user.isAdmin(), user.roles().keySet());
	}

	/** The administrators' card of the CPTS the installation hosts. */
	@org.springframework.stereotype.Component
	static class HostedCpts implements HomeCard.Provider {

		private final CptsService service;

		HostedCpts(CptsService service) {
			this.service = service;
		}

		@Override
		public List<HomeCard> cards(HomeCard.Viewer viewer) {
			if (!viewer.admin()) {
				return List.of();
			}
			int n = service.visible().size();
			return List.of(HomeCard.of(Audience.ADMINISTRATION, 10, "home.hosted.title", "/#liste-cpts", n, HomeCard.Tone.CALM, "home.hosted.text", n));
		}
	}
}
