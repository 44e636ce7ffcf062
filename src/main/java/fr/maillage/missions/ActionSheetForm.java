package fr.maillage.missions;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator writes on an action sheet: people and partners by id (members of the
 * association, partnerships of the directory), milestones and indicators as lists.
 * {@code version} is the one the writer read (to refuse a change made meanwhile).
 */
public record ActionSheetForm(@Nullable Integer year, @Nullable String mission, @Nullable String title, @Nullable String context,
		@Nullable String objectives, @Nullable String targetPopulation, @Nullable String actions, @Nullable UUID pilotId,
		@Nullable List<UUID> teamIds, @Nullable List<UUID> partnerIds, @Nullable List<ActionSheet.Milestone> milestones,
		@Nullable List<UUID> indicatorIds, @Nullable Integer version) {
}
