package fr.maillage.crisis;

import fr.maillage.platform.Problems;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shift of a crisis site: its hours, how many people of each role it needs, who signed up (by
 * role), and the counts of the day entered at its end (doses given, consultations; no patient).
 */
public record Shift(UUID id, UUID siteId, Instant startsAt, Instant endsAt, Map<Role, Integer> needs, Map<Role, Integer> filled, @Nullable Integer doses,
		@Nullable Integer consultations) {

	/** The roles a shift needs; a health professional signs up as their profession, anyone as administrative help. */
	public enum Role {
		DOCTOR("10"), NURSE("60"), PHARMACIST("21"), ADMIN(null);

		private final @Nullable String professionCode;

		Role(@Nullable String professionCode) {
			this.professionCode = professionCode;
		}

		/** The role a professional of this RPPS profession holds (administrative help for anyone else). */
		public static Role of(@Nullable String professionCode) {
			for (Role r : values()) {
				if (r.professionCode != null && r.professionCode.equals(professionCode)) {
					return r;
				}
			}
			return ADMIN;
		}

		public String labelKey() {
			return "crisis.role." + name();
		}
	}

	public int need(Role r) {
		return needs.getOrDefault(r, 0);
	}

	public int gap(Role r) {
		return Math.max(0, need(r) - filled.getOrDefault(r, 0));
	}

	public int gaps() {
		return needs.keySet().stream().mapToInt(this::gap).sum();
	}

	/** Refuses a sign-up when the role is not needed or already filled. */
	public void checkRoom(Role r) {
		if (need(r) == 0) {
			throw Problems.rejected("role", "crisis.shift.roleNotNeeded");
		}
		if (gap(r) == 0) {
			throw Problems.rejected("role", "crisis.shift.full");
		}
	}

	/** Checks typed needs: whole numbers from 0 to 50, at least one person in all. */
	public static Map<Role, Integer> needs(Map<Role, String> typed, Problems problems) {
		Map<Role, Integer> out = new EnumMap<>(Role.class);
		typed.forEach((role, text) -> {
			String t = text == null ? "" : text.strip();
			if (t.isEmpty()) {
				return;
			}
			if (!t.matches("\\d{1,2}") || Integer.parseInt(t) > 50) {
				problems.reject("need" + role.name(), "crisis.shift.need");
			} else if (Integer.parseInt(t) > 0) {
				out.put(role, Integer.parseInt(t));
			}
		});
		if (out.isEmpty() && !problems.any()) {
			problems.reject("needDOCTOR", "crisis.shift.noNeed");
		}
		return out;
	}
}
