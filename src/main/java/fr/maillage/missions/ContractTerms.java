package fr.maillage.missions;

import fr.maillage.cpts.SizeClass;
import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contract as a person sends it (the page's form or the API's PUT): every amount may be left out,
 * and then comes from the installation's default table for the size class. {@link #check} says
 * everything wrong at once, field by field, and otherwise gives the contract to store.
 */
public record ContractTerms(@Nullable LocalDate signedOn, @Nullable Integer sizeClass, @Nullable String sizeClassReason,
		@Nullable Long functioningCents, @Nullable Integer advancePercent, @Nullable List<MissionTerms> missions, @Nullable Integer version) {

	/** The first ACI was signed on 20 April 2019: no CPTS contract is older. */
	static final LocalDate FIRST_ACI = LocalDate.of(2019, 4, 20);

	public record MissionTerms(@Nullable Mission mission, @Nullable Long fixedCents, @Nullable Long variableCents, @Nullable Integer startMonths,
			@Nullable Integer fullMonths, AttainmentRule.@Nullable Kind rule, @Nullable String thresholds, @Nullable Integer capPercent) {
	}

	public static String field(Mission m, String name) {
		return "mission." + m.name() + "." + name;
	}

	Contract check(UUID cptsId, Optional<Contract> before, SizeClass territorySize, List<Contracts.DefaultAmount> defaults) {
		Problems problems = new Problems();
		if (signedOn == null) {
			problems.reject("signedOn", "missions.contract.signedOn.required");
		}
		else if (signedOn.isBefore(FIRST_ACI) || signedOn.isAfter(LocalDate.now(IndicatorSource.PARIS).plusYears(1))) {
			problems.reject("signedOn", "missions.contract.signedOn.range");
		}
		int size = sizeClass == null ? territorySize.number() : sizeClass;
		String reason = sizeClassReason == null || sizeClassReason.isBlank() ? null : sizeClassReason.strip();
		if (size < 1 || size > 4) {
			problems.reject("sizeClass", "missions.contract.sizeClass.range");
		}
		else if (size != territorySize.number() && reason == null) {
			problems.reject("sizeClassReason", "missions.contract.sizeClass.reason", territorySize.number());
		}
		if (reason != null && reason.length() > 500) {
			problems.reject("sizeClassReason", "missions.text.tooLong", 500);
		}
		int advance = advancePercent == null ? before.map(Contract::advancePercent).orElse(75) : advancePercent;
		if (advance < 0 || advance > 100) {
			problems.reject("advancePercent", "missions.contract.advance.range");
		}
		long functioning = functioningCents == null ? amount(defaults, size, Contracts.FUNCTIONING, true) : functioningCents;
		if (functioning < 0) {
			problems.reject("functioningCents", "missions.amount.negative");
		}
		List<Contract.Signed> signed = new ArrayList<>();
		Set<Mission> seen = EnumSet.noneOf(Mission.class);
		for (MissionTerms t : missions == null ? List.<MissionTerms>of() : missions) {
			if (t.mission() == null) {
				problems.reject("missions", "missions.contract.mission.unknown");
				continue;
			}
			Mission m = t.mission();
			if (!seen.add(m)) {
				problems.reject(field(m, "mission"), "missions.contract.mission.twice");
				continue;
			}
			signed(m, t, size, defaults, problems).ifPresent(signed::add);
		}
		if (signed.isEmpty() && !problems.any()) {
			problems.reject("missions", "missions.contract.mission.none");
		}
		problems.throwIfAny();
		UUID id = before.map(Contract::id).orElseGet(UUID::randomUUID);
		int v = version != null ? version : before.map(Contract::version).orElse(0);
		return new Contract(id, cptsId, signedOn, size, size == territorySize.number() ? null : reason, functioning, advance, signed, v);
	}

	private static Optional<Contract.Signed> signed(Mission m, MissionTerms t, int size, List<Contracts.DefaultAmount> defaults, Problems problems) {
		long fixed = t.fixedCents() == null ? amount(defaults, size, m.name(), true) : t.fixedCents();
		long variable = t.variableCents() == null ? amount(defaults, size, m.name(), false) : t.variableCents();
		int start = t.startMonths() == null ? m.defaultStartMonths() : t.startMonths();
		int full = t.fullMonths() == null ? m.defaultFullMonths() : t.fullMonths();
		int cap = t.capPercent() == null ? 100 : t.capPercent();
		boolean ok = true;
		if (fixed < 0) {
			problems.reject(field(m, "fixed"), "missions.amount.negative");
			ok = false;
		}
		if (variable < 0) {
			problems.reject(field(m, "variable"), "missions.amount.negative");
			ok = false;
		}
		if (start < 0 || start > 60) {
			problems.reject(field(m, "startMonths"), "missions.contract.months.range");
			ok = false;
		}
		if (full < 0 || full > 60) {
			problems.reject(field(m, "fullMonths"), "missions.contract.months.range");
			ok = false;
		}
		else if (full < start) {
			problems.reject(field(m, "fullMonths"), "missions.contract.months.order");
			ok = false;
		}
		if (cap < 0 || cap > 200) {
			problems.reject(field(m, "capPercent"), "missions.contract.cap.range");
			ok = false;
		}
		AttainmentRule.Kind kind = t.rule() == null ? AttainmentRule.Kind.LINEAR : t.rule();
		List<AttainmentRule.Step> steps = List.of();
		if (kind == AttainmentRule.Kind.THRESHOLDS) {
			Optional<List<AttainmentRule.Step>> parsed = AttainmentRule.parseSteps(t.thresholds() == null ? "" : t.thresholds());
			if (parsed.isEmpty()) {
				problems.reject(field(m, "thresholds"), "missions.contract.thresholds");
				ok = false;
			}
			else {
				steps = parsed.get();
			}
		}
		return ok ? Optional.of(new Contract.Signed(m, fixed, variable, start, full, new AttainmentRule(kind, cap, steps))) : Optional.empty();
	}

	private static long amount(List<Contracts.DefaultAmount> defaults, int size, String part, boolean fixed) {
		return defaults.stream().filter(a -> a.sizeClass() == size && a.part().equals(part)).findFirst()
			.map(a -> fixed ? a.fixedCents() : a.variableCents()).orElse(0L);
	}
}
