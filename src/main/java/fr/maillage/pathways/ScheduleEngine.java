package fr.maillage.pathways;

import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes a patient's schedule from a template's steps, the enrolment date, the horizon and what
 * was already done. Pure and deterministic: the same inputs give the same occurrences, each
 * identified by its step, the occurrence of the anchor it follows and its rank, so that recomputing
 * after a step is done moves only what is anchored on it.
 */
public final class ScheduleEngine {

	/** The most occurrences one step may have over a pathway (a guard against "every day for 10 years"). */
	public static final int MAX_OCCURRENCES = 400;

	/** One occurrence of a step: anchored on occurrence {@code anchorRank} of its anchor (0: the enrolment), the {@code rank}-th of its chain. */
	public record Occurrence(String stepKey, int anchorRank, int rank, LocalDate due, @Nullable LocalDate done) {

		/** The date the steps anchored on this one count from. */
		public LocalDate reference() {
			return done != null ? done : due;
		}

		public String id() {
			return stepKey + "#" + anchorRank + "." + rank;
		}
	}

	private ScheduleEngine() {
	}

	/** Refuses steps that cannot make a schedule: missing or unknown or cyclic anchors, intervals of 0, negative grace periods. */
	public static Problems check(List<StepDefinition> steps) {
		Problems problems = new Problems();
		if (steps.isEmpty()) {
			problems.reject("steps", "pathways.step.none");
			return problems;
		}
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			StepDefinition s = steps.get(i);
			String field = "steps[" + i + "]";
			if (s.key() == null || s.key().isBlank() || !keys.add(s.key())) {
				problems.reject(field + ".key", "pathways.step.key", i + 1);
			}
			if (s.title() == null || s.title().isBlank()) {
				problems.reject(field + ".title", "pathways.step.title", i + 1);
			}
			if (s.role() == null) {
				problems.reject(field + ".role", "pathways.step.role", i + 1);
			}
			if (s.unit() == null) {
				problems.reject(field + ".unit", "pathways.step.unit", i + 1);
			}
			if (s.offset() < 0) {
				problems.reject(field + ".offset", "pathways.step.offset", i + 1);
			}
			if (s.every() != null && s.every() < 1) {
				problems.reject(field + ".every", "pathways.step.every", i + 1);
			}
			if (s.count() != null && s.count() < 1) {
				problems.reject(field + ".count", "pathways.step.count", i + 1);
			}
			if (s.graceDays() < 0) {
				problems.reject(field + ".graceDays", "pathways.step.grace", i + 1);
			}
		}
		for (int i = 0; i < steps.size(); i++) {
			StepDefinition s = steps.get(i);
			if (!s.anchoredOnEnrolment() && (s.anchor().equals(s.key()) || !keys.contains(s.anchor()))) {
				problems.reject("steps[" + i + "].anchor", "pathways.step.anchor", i + 1, s.anchor());
			}
		}
		if (!problems.any()) {
			List<String> cycle = cycle(steps);
			if (!cycle.isEmpty()) {
				problems.reject("steps", "pathways.step.cycle", String.join(" → ", cycle));
			}
		}
		return problems;
	}

	/** A cycle of anchors, as step titles (first repeated at the end), or empty. */
	static List<String> cycle(List<StepDefinition> steps) {
		Map<String, StepDefinition> byKey = new LinkedHashMap<>();
		steps.forEach(s -> byKey.put(s.key(), s));
		for (StepDefinition start : steps) {
			List<String> path = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			StepDefinition at = start;
			while (at != null && !at.anchoredOnEnrolment()) {
				if (!seen.add(at.key())) {
					int from = path.indexOf(at.title());
					List<String> loop = new ArrayList<>(path.subList(Math.max(0, from), path.size()));
					loop.add(at.title());
					return loop;
				}
				path.add(at.title());
				at = byKey.get(at.anchor());
			}
		}
		return List.of();
	}

	/**
	 * Every occurrence due on or before {@code horizon}, steps in anchor order (an anchor before what
	 * follows it), each step's occurrences in time order. {@code done} gives the date each occurrence
	 * was done, by {@link Occurrence#id()}.
	 */
	public static List<Occurrence> compute(List<StepDefinition> steps, LocalDate start, LocalDate horizon, Map<String, LocalDate> done) {
		Map<String, List<Occurrence>> byStep = new HashMap<>();
		List<Occurrence> out = new ArrayList<>();
		for (StepDefinition s : anchorOrder(steps)) {
			List<Occurrence> mine = new ArrayList<>();
			List<LocalDate> anchors = new ArrayList<>();
			if (s.anchoredOnEnrolment()) {
				anchors.add(start);
			} else {
				byStep.getOrDefault(s.anchor(), List.of()).forEach(a -> anchors.add(a.reference()));
			}
			for (int a = 0; a < anchors.size(); a++) {
				int anchorRank = s.anchoredOnEnrolment() ? 0 : a + 1;
				LocalDate due = s.unit().add(anchors.get(a), s.offset());
				for (int rank = 1; !due.isAfter(horizon) && rank <= MAX_OCCURRENCES; rank++) {
					Occurrence o = new Occurrence(s.key(), anchorRank, rank, due, null);
					o = new Occurrence(s.key(), anchorRank, rank, due, done.get(o.id()));
					mine.add(o);
					if (s.every() == null || s.count() != null && rank >= s.count()) {
						break;
					}
					due = s.unit().add(o.reference(), s.every());
				}
			}
			mine.sort(Comparator.comparing(Occurrence::due).thenComparing(Occurrence::anchorRank).thenComparing(Occurrence::rank));
			byStep.put(s.key(), mine);
			out.addAll(mine);
		}
		return out;
	}

	/** The steps with each anchor before the steps that follow it (the template's order otherwise). */
	static List<StepDefinition> anchorOrder(List<StepDefinition> steps) {
		List<StepDefinition> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		while (ordered.size() < steps.size()) {
			int before = ordered.size();
			for (StepDefinition s : steps) {
				if (!placed.contains(s.key()) && (s.anchoredOnEnrolment() || placed.contains(s.anchor()))) {
					ordered.add(s);
					placed.add(s.key());
				}
			}
			if (ordered.size() == before) {
				throw new IllegalArgumentException("cyclic or unknown anchors: check() first");
			}
		}
		return ordered;
	}
}
