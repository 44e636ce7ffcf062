package fr.maillage.missions.web;

import fr.maillage.missions.AttainmentRule;
import fr.maillage.missions.Contract;
import fr.maillage.missions.Indicator;
import fr.maillage.missions.IndicatorForm;
import java.math.BigDecimal;
import java.util.Map;
import fr.maillage.missions.ContractTerms;
import fr.maillage.missions.Mission;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Euros;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The contract page's forms, bound as typed (text, so that nothing a person typed is lost when the
 * page comes back with its errors), then read into the service's terms, amounts in euros as people
 * write them in France.
 */
public final class ContractForms {

	private ContractForms() {
	}

	/** One mission's row: ticked or not, its amounts in euros, its months and its rule. */
	public record MissionRow(@Nullable String mission, @Nullable String signed, @Nullable String fixed, @Nullable String variable,
			@Nullable String startMonths, @Nullable String fullMonths, @Nullable String rule, @Nullable String thresholds, @Nullable String capPercent) {

		public boolean ticked() {
			return "on".equals(signed) || "true".equals(signed);
		}
	}

	public record ContractForm(@Nullable String signedOn, @Nullable String sizeClass, @Nullable String sizeClassReason, @Nullable String functioning,
			@Nullable String advancePercent, @Nullable List<MissionRow> missions, @Nullable Integer version) {

		/** The form as the stored contract fills it, or empty rows for every mission (socle ones ticked). */
		static ContractForm of(@Nullable Contract c, int territorySize) {
			List<MissionRow> rows = new ArrayList<>();
			for (Mission m : Mission.values()) {
				Contract.Signed s = c == null ? null : c.signed(m).orElse(null);
				rows.add(s == null ? new MissionRow(m.name(), c == null && m.socle() ? "on" : null, "", "", Integer.toString(m.defaultStartMonths()),
						Integer.toString(m.defaultFullMonths()), "LINEAR", "", "100")
						: new MissionRow(m.name(), "on", Euros.plain(s.fixedCents()), Euros.plain(s.variableCents()), Integer.toString(s.startMonths()),
								Integer.toString(s.fullMonths()), s.rule().kind().name(), s.rule().stepsText(), Integer.toString(s.rule().capPercent())));
			}
			if (c == null) {
				return new ContractForm("", Integer.toString(territorySize), "", "", "75", rows, null);
			}
			return new ContractForm(c.signedOn().toString(), Integer.toString(c.sizeClass()), c.sizeClassReason() == null ? "" : c.sizeClassReason(),
					Euros.plain(c.functioningCents()), Integer.toString(c.advancePercent()), rows, c.version());
		}

		/** The rows for every mission in order, whatever the browser sent. */
		public List<MissionRow> rows() {
			List<MissionRow> sent = missions == null ? List.of() : missions;
			return Arrays.stream(Mission.values()).map(m -> sent.stream().filter(r -> m.name().equals(r.mission())).findFirst()
				.orElse(new MissionRow(m.name(), null, "", "", "", "", "LINEAR", "", ""))).toList();
		}

		/** The terms to send to the service, or the problems of what does not read (a date, an amount, a number). */
		ContractTerms terms() {
			Problems problems = new Problems();
			LocalDate date = date(signedOn, "signedOn", problems);
			Integer size = number(sizeClass, "sizeClass", problems);
			Long functioningCents = euros(functioning, "functioningCents", problems);
			Integer advance = number(advancePercent, "advancePercent", problems);
			List<ContractTerms.MissionTerms> terms = new ArrayList<>();
			for (MissionRow r : rows()) {
				if (!r.ticked()) {
					continue;
				}
				Mission m = Mission.valueOf(r.mission());
				AttainmentRule.Kind kind = "THRESHOLDS".equals(r.rule()) ? AttainmentRule.Kind.THRESHOLDS : AttainmentRule.Kind.LINEAR;
				terms.add(new ContractTerms.MissionTerms(m, euros(r.fixed(), ContractTerms.field(m, "fixed"), problems),
						euros(r.variable(), ContractTerms.field(m, "variable"), problems), number(r.startMonths(), ContractTerms.field(m, "startMonths"), problems),
						number(r.fullMonths(), ContractTerms.field(m, "fullMonths"), problems), kind, r.thresholds(),
						number(r.capPercent(), ContractTerms.field(m, "capPercent"), problems)));
			}
			problems.throwIfAny();
			return new ContractTerms(date, size, sizeClassReason, functioningCents, advance, terms, version);
		}
	}

	public record PaymentForm(@Nullable String contractYear, @Nullable String part, @Nullable String kind, @Nullable String receivedOn,
			@Nullable String amount, @Nullable String note) {
	}

	public record DialogueForm(@Nullable String contractYear, @Nullable String mission, @Nullable String amount, @Nullable String heldOn,
			@Nullable String note) {
	}

	static @Nullable LocalDate date(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			problems.reject(field, "missions.form.date", typed);
			return null;
		}
	}

	static @Nullable Integer number(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		if (!typed.strip().matches("-?\\d{1,6}")) {
			problems.reject(field, "missions.form.number", typed);
			return null;
		}
		return Integer.parseInt(typed.strip());
	}

	/** A number with two decimals at most, a comma or a point; blank: null. */
	static @Nullable BigDecimal decimal(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String s = typed.replaceAll("[\\s\\u00a0\\u202f%]", "").replace(',', '.');
		if (!s.matches("-?\\d{1,14}(\\.\\d{1,2})?")) {
			problems.reject(field, "missions.form.decimal", typed);
			return null;
		}
		return new BigDecimal(s);
	}

	/** Blank: left to the default table (null). */
	static @Nullable Long euros(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		Euros.Parsed p = Euros.parse(typed);
		if (!p.ok()) {
			problems.reject(field, "association.amount." + p.problem().name(), typed);
			return null;
		}
		return p.cents();
	}

	/** An indicator as the page's form sends it: text, kept as typed. */
	public record IndicatorPageForm(@Nullable String mission, @Nullable String sourceCode, @Nullable String name, @Nullable String kind,
			@Nullable String definition, @Nullable String unit, @Nullable String aggregation, @Nullable String sourceLabel, @Nullable String baseline,
			@Nullable String baselineOn, @Nullable String weight, @Nullable String target, @Nullable String targetYear, @Nullable String lowerIsBetter) {

		public static IndicatorPageForm empty() {
			return new IndicatorPageForm("", "", "", "", "", "", "", "", "", "", "", "", "", "");
		}

		public IndicatorForm read(Indicator.@Nullable Unit knownUnit) {
			Problems problems = new Problems();
			BigDecimal base = decimal(baseline, "baseline", problems);
			BigDecimal w = decimal(weight, "weightPercent", problems);
			BigDecimal t = decimal(target, "targets[" + year() + "]", problems);
			LocalDate baseOn = ContractForms.date(baselineOn, "baselineOn", problems);
			Indicator.Kind k = choice(Indicator.Kind.class, kind, "kind", problems);
			Indicator.Unit typedUnit = choice(Indicator.Unit.class, unit, "unit", problems);
			Indicator.Aggregation a = choice(Indicator.Aggregation.class, aggregation, "aggregation", problems);
			problems.throwIfAny();
			Indicator.Unit u = knownUnit != null ? knownUnit : typedUnit;
			return new IndicatorForm(mission, sourceCode, name, k, definition, typedUnit, a, sourceLabel, base, baseOn, w,
					lowerIsBetter == null || lowerIsBetter.isBlank() ? null : "on".equals(lowerIsBetter),
					t == null ? Map.of() : Map.of(year(), new IndicatorForm.Target(t, u)));
		}

		public int year() {
			return targetYear == null || !targetYear.matches("[1-5]") ? 1 : Integer.parseInt(targetYear);
		}
	}

	/** One of an enum's values as a select sends it; blank: none; anything else is told under its field. */
	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, typed.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.reject(field, "missions.form.choice");
			return null;
		}
	}

	public record ValueForm(@Nullable String on, @Nullable String value, @Nullable String denominator, @Nullable String note) {
	}
}
