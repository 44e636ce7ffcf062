package fr.maillage.cpts.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.platform.MenuEntry;
import fr.maillage.platform.MenuEntry.Section;
import fr.maillage.platform.MenuEntry.Who;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The main menu of the signed-in person, built from the entries every module contributes: only the
 * links their roles open, grouped by what people do, the current one marked. Read by the layout as
 * {@code ${@navigation.menu()}}. CPTS-scoped links point to the CPTS the person works in: the one
 * of the page, else the last one visited, else their first.
 */
@Component("navigation")
public class Navigation {

	private static final Pattern CPTS_IN_PATH = Pattern.compile("^/cpts/([0-9a-fA-F-]{36})(/|$)");
	private static final String SESSION_KEY = "maillage.menu.cpts";
	private static final String REQUEST_KEY = Navigation.class.getName();

	public record Link(String labelKey, String href, boolean current) {
	}

	public record Group(String labelKey, List<Link> links, boolean current) {
	}

	/** The menu: its groups, the CPTS its links point to and the other CPTS of the person. */
	public record Menu(List<Group> groups, @Nullable Cpts cpts, List<Cpts> otherCpts) {
		static final Menu EMPTY = new Menu(List.of(), null, List.of());
	}

	private final List<MenuEntry> entries;
	private final CptsAccess access;
	private final CptsService cpts;

	Navigation(List<MenuEntry.Declarations> declarations, CptsAccess access, CptsService cpts) {
		this.entries = declarations.stream().flatMap(d -> d.entries().stream())
			.sorted(Comparator.comparing(MenuEntry::section).thenComparingInt(MenuEntry::order)).toList();
		this.access = access;
		this.cpts = cpts;
	}

	/** Every entry declared, for the tests that visit them all. */
	public List<MenuEntry> entries() {
		return entries;
	}

	public Menu menu() {
		HttpServletRequest request = request();
		if (request == null) {
			return Menu.EMPTY;
		}
		if (request.getAttribute(REQUEST_KEY) instanceof Menu cached) {
			return cached;
		}
		Menu menu = access.current().map(user -> build(user, request)).orElse(Menu.EMPTY);
		request.setAttribute(REQUEST_KEY, menu);
		return menu;
	}

	private Menu build(CurrentUser user, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		List<Cpts> mine = user.roles().isEmpty() ? List.of()
				: cpts.visible().stream().filter(c -> user.roles().containsKey(c.id())).sorted(Comparator.comparing(Cpts::name)).toList();
		Cpts current = currentCpts(user, path, mine, request.getSession(false));
		List<MenuEntry> shown = entries.stream().filter(e -> sees(user, e.who(), current) && (!e.needsCpts() || current != null)
				&& (e.onlyIf() == null || current != null && e.onlyIf().test(current.id()))).toList();
		String best = shown.stream().map(e -> href(e, current)).filter(h -> covers(h, path)).max(Comparator.comparingInt(String::length)).orElse(null);
		Map<Section, List<Link>> bySection = new EnumMap<>(Section.class);
		for (MenuEntry e : shown) {
			String href = href(e, current);
			bySection.computeIfAbsent(e.section(), s -> new ArrayList<>()).add(new Link(e.labelKey(), href, href.equals(best)));
		}
		List<Group> groups = bySection.entrySet().stream()
			.map(g -> new Group(g.getKey().labelKey(), List.copyOf(g.getValue()), g.getValue().stream().anyMatch(Link::current))).toList();
		List<Cpts> others = current == null ? mine : mine.stream().filter(c -> !c.id().equals(current.id())).toList();
		return new Menu(groups, current, others);
	}

	private @Nullable Cpts currentCpts(CurrentUser user, String path, List<Cpts> mine, @Nullable HttpSession session) {
		Matcher m = CPTS_IN_PATH.matcher(path);
		UUID fromPath = m.find() ? fr.maillage.platform.TypedValues.uuid(m.group(1)) : null;
		if (fromPath != null && user.belongsTo(fromPath)) {
			Optional<Cpts> seen = mine.stream().filter(c -> c.id().equals(fromPath)).findFirst();
			Cpts found = seen.orElseGet(() -> user.isAdmin() ? visibleOrNull(fromPath) : null);
			if (found != null && session != null) {
				session.setAttribute(SESSION_KEY, found.id());
			}
			return found;
		}
		if (session != null && session.getAttribute(SESSION_KEY) instanceof UUID last && user.belongsTo(last)) {
			Cpts found = mine.stream().filter(c -> c.id().equals(last)).findFirst().orElseGet(() -> user.isAdmin() ? visibleOrNull(last) : null);
			if (found != null) {
				return found;
			}
		}
		return mine.isEmpty() ? null : mine.getFirst();
	}

	private @Nullable Cpts visibleOrNull(UUID id) {
		try {
			return cpts.get(id);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean sees(CurrentUser user, Who who, @Nullable Cpts current) {
		return switch (who) {
			case SIGNED_IN -> true;
			case CPTS_MEMBER -> current != null && user.belongsTo(current.id());
			case CPTS_COORDINATOR -> current != null && user.coordinates(current.id());
			case CARE_COORDINATOR -> current != null && user.has(current.id(), Role.COORDINATOR);
			case ANY_COORDINATOR -> user.isAdmin() || user.roles().values().stream().anyMatch(r -> r.contains(Role.COORDINATOR));
			case ADMIN -> user.isAdmin();
		};
	}

	private static String href(MenuEntry e, @Nullable Cpts current) {
		return current == null ? e.path() : e.path().replace(MenuEntry.CPTS, current.id().toString());
	}

	/** Whether a link is the page's or one of its parents ("/" only for itself). */
	private static boolean covers(String href, String path) {
		return href.equals(path) || (!"/".equals(href) && path.startsWith(href + "/"));
	}

	private static @Nullable HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
	}
}
