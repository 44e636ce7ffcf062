package fr.maillage.crisis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The CPTS's crisis plan, one version of it: the crisis cell (a referent, deputies, members, each
 * with where they are reached), local resources with their commune, a reflex sheet per kind of
 * crisis, the communication procedure, the organisation for chronic and fragile patients, the
 * trainings and exercises done or planned.
 */
public record CrisisPlan(List<CellMember> cell, List<Resource> resources, Map<CrisisKind, String> reflexSheets, @Nullable String communication,
		@Nullable String fragilePatients, List<Drill> drills) {

	public enum CellRole {
		REFERENT, DEPUTY, MEMBER;

		public String labelKey() {
			return "crisis.cell." + name();
		}
	}

	public record CellMember(UUID userId, String name, CellRole role, @Nullable String phone, @Nullable String email) {
	}

	public enum ResourceKind {
		ROOM, EQUIPMENT, COLD_CHAIN, PROTECTIVE_STOCK, TRANSPORT, OTHER;

		public String labelKey() {
			return "crisis.resource." + name();
		}
	}

	public record Resource(ResourceKind kind, String name, @Nullable String communeCode, @Nullable String quantity, @Nullable String note) {
	}

	public enum DrillKind {
		TRAINING, EXERCISE;

		public String labelKey() {
			return "crisis.drill." + name();
		}
	}

	public record Drill(LocalDate on, DrillKind kind, String title, @Nullable String note) {
	}

	public static CrisisPlan empty() {
		return new CrisisPlan(List.of(), List.of(), Map.of(), null, null, List.of());
	}

	public Optional<CellMember> referent() {
		return cell.stream().filter(m -> m.role() == CellRole.REFERENT).findFirst();
	}

	/** Whether this user sits in the cell. */
	public boolean inCell(UUID userId) {
		return cell.stream().anyMatch(m -> m.userId().equals(userId));
	}
}
