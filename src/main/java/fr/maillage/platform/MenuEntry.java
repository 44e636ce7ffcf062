package fr.maillage.platform;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One link of the main menu, contributed by the module that owns the page (as it contributes its
 * routes). {@code path} may hold {@code {cpts}}: the id of the CPTS the person works in at the time.
 *
 * @param section the menu's group
 * @param order its place in the group (smaller first)
 * @param labelKey the message key of its label
 * @param path the link
 * @param who who sees it: never someone the page would refuse
 * @param onlyIf a further rule of the module that owns the page, on the current CPTS's id (a board's page)
 */
public record MenuEntry(Section section, int order, String labelKey, String path, Who who, @Nullable Predicate<UUID> onlyIf) {

	public static final String CPTS = "{cpts}";

	public MenuEntry(Section section, int order, String labelKey, String path, Who who) {
		this(section, order, labelKey, path, who, null);
	}

	/** The groups of the menu, in their order: by what people do. */
	public enum Section {
		PATIENTS, CARE, EXCHANGES, TERRITORY, ASSOCIATION, STEERING, ADMINISTRATION;

		public String labelKey() {
			return "menu." + name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** Who sees an entry. */
	public enum Who {
		/** Anyone signed in. */
		SIGNED_IN,
		/** Someone who belongs to the current CPTS (any role), or an administrator. */
		CPTS_MEMBER,
		/** A coordinator of the current CPTS, or an administrator. */
		CPTS_COORDINATOR,
		/** A coordinator of the current CPTS by role (personal health data: being an administrator is not enough). */
		CARE_COORDINATOR,
		/** A coordinator of at least one CPTS, or an administrator. */
		ANY_COORDINATOR,
		/** Administrators only. */
		ADMIN
	}

	public boolean needsCpts() {
		return path.contains(CPTS);
	}

	/** Each module declares its menu entries by implementing this. */
	public interface Declarations {
		List<MenuEntry> entries();
	}
}
