package fr.maillage.pathways;

import org.jspecify.annotations.Nullable;

/**
 * A step of a pathway template. It is due {@code offset} {@code unit}s after its anchor: the
 * enrolment, or each occurrence of another step (from the date that step was actually done, or its
 * due date while not done). With {@code every}, it repeats, each occurrence {@code every}
 * {@code unit}s after the previous one (done or due), at most {@code count} times when given;
 * nothing is scheduled past the pathway's horizon. Overdue {@code graceDays} after its due date.
 */
public record StepDefinition(String key, String title, PathwayRole role, @Nullable String anchor, Integer offset, ScheduleUnit unit,
		@Nullable Integer every, @Nullable Integer count, Integer graceDays, Boolean optional, @Nullable String note) {

	/** What a client leaves out is 0 days late, not optional, due at the anchor. */
	public StepDefinition {
		offset = offset == null ? 0 : offset;
		graceDays = graceDays == null ? 0 : graceDays;
		optional = optional != null && optional;
	}

	/** A step with no anchor is anchored on the enrolment. */
	public boolean anchoredOnEnrolment() {
		return anchor == null || anchor.isBlank();
	}
}
