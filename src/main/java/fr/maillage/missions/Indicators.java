package fr.maillage.missions;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.missions.internal.IndicatorSources;
import fr.maillage.missions.internal.IndicatorStore;
import fr.maillage.platform.FileCheck;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPTS's indicator catalogue, the values entered by hand with their proof, and each
 * indicator's figure for a contract year (from the monthly snapshots, the month in course measured
 * live), with the variable part it earns. For the coordination and the board; every change audited.
 */
@Service
public class Indicators {

	public static final int MOST_PROOF_BYTES = 5 * 1024 * 1024;

	private final IndicatorStore store;
	private final IndicatorSources sources;
	private final Contracts contracts;
	private final SteeringAccess steering;
	private final AuditLog audit;
	private final FileCheck files;
	private final Messages messages;
	private final IndicatorChecks checks;
	private final int secrecyThreshold;

	Indicators(IndicatorStore store, IndicatorSources sources, Contracts contracts, SteeringAccess steering, AuditLog audit, FileCheck files,
			Messages messages, @Value("${maillage.missions.secrecy-threshold:11}") int secrecyThreshold) {
		this.store = store;
		this.sources = sources;
		this.contracts = contracts;
		this.steering = steering;
		this.audit = audit;
		this.files = files;
		this.messages = messages;
		this.checks = new IndicatorChecks(sources);
		this.secrecyThreshold = secrecyThreshold;
	}

	/** What the modules offer to compute. */
	public List<OfferedIndicator> offered() {
		return sources.offered();
	}

	@Transactional(readOnly = true)
	public List<Indicator> catalogue(UUID cptsId) {
		steering.require(cptsId);
		return store.catalogue(cptsId);
	}

	@Transactional
	public Indicator create(UUID cptsId, IndicatorForm form) {
		CurrentUser user = steering.require(cptsId);
		Contract contract = contracts.contractOf(cptsId).orElseThrow(() -> Problems.rejected("contract", "missions.contract.none"));
		Indicator indicator = checks.check(UUID.randomUUID(), cptsId, form, contract, store.catalogue(cptsId), messages);
		store.insert(indicator);
		audit.change("missions.indicator.created", "indicator", indicator.id().toString(), cptsId, indicator.name() + " par " + user.email());
		return indicator;
	}

	@Transactional
	public Indicator update(UUID cptsId, UUID id, IndicatorForm form) {
		CurrentUser user = steering.require(cptsId);
		Contract contract = contracts.contractOf(cptsId).orElseThrow(() -> Problems.rejected("contract", "missions.contract.none"));
		List<Indicator> all = store.catalogue(cptsId);
		Indicator before = all.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(NotFoundException::new);
		// what a computed indicator measures stays the module's
		IndicatorForm kept = before.computed() ? new IndicatorForm(form.mission(), before.sourceCode(), form.name(), form.kind(), form.definition(),
				null, null, form.sourceLabel(), form.baseline(), form.baselineOn(), form.weightPercent(), form.lowerIsBetter(), form.targets())
				: new IndicatorForm(form.mission(), null, form.name(), form.kind(), form.definition(), before.unit(), before.aggregation(),
						form.sourceLabel(), form.baseline(), form.baselineOn(), form.weightPercent(), form.lowerIsBetter(), form.targets());
		Indicator indicator = checks.check(id, cptsId, kept, contract, all.stream().filter(i -> !i.id().equals(id)).toList(), messages);
		store.update(indicator);
		audit.change("missions.indicator.changed", "indicator", id.toString(), cptsId, indicator.name() + " par " + user.email());
		return indicator;
	}

	/** A value entered by hand for the contract's month that holds {@code on}, with its proof (a CPAM figure, a sign-in sheet). */
	@Transactional
	public UUID enterValue(UUID cptsId, UUID id, @Nullable LocalDate on, @Nullable BigDecimal value, @Nullable BigDecimal denominator,
			@Nullable String note, @Nullable ProofFile proofFile) {
		byte[] proof = proofFile == null ? null : proofFile.content();
		String proofName = proofFile == null ? null : proofFile.name();
		CurrentUser user = steering.require(cptsId);
		Contract contract = contracts.contractOf(cptsId).orElseThrow(() -> Problems.rejected("contract", "missions.contract.none"));
		Indicator indicator = store.find(cptsId, id).orElseThrow(NotFoundException::new);
		Problems problems = new Problems();
		if (indicator.computed()) {
			problems.reject("value", "missions.value.computed");
		}
		if (on == null) {
			problems.reject("on", "missions.value.date");
		}
		else if (on.isBefore(contract.signedOn()) || !on.isBefore(contract.endsOn())) {
			problems.reject("on", "missions.value.outsideContract", contract.signedOn(), contract.endsOn().minusDays(1));
		}
		if (value == null) {
			problems.reject("value", "missions.value.required");
		}
		else if (value.scale() > 2 || value.abs().compareTo(new BigDecimal("99999999999999")) > 0) {
			problems.reject("value", "missions.value.format");
		}
		if (indicator.aggregation() == Indicator.Aggregation.RATIO && (denominator == null || denominator.signum() <= 0)) {
			problems.reject("denominator", "missions.value.denominator");
		}
		if (note != null && note.length() > 1000) {
			problems.reject("note", "missions.text.tooLong", 1000);
		}
		FileCheck.Checked checked = null;
		if (proof == null || proof.length == 0) {
			problems.reject("proof", "missions.value.proof.required");
		}
		else if (proof.length > MOST_PROOF_BYTES) {
			problems.reject("proof", "missions.value.proof.tooBig", MOST_PROOF_BYTES / 1024 / 1024);
		}
		else if ((checked = files.check(proofName == null ? "justificatif" : proofName, proof)) == null) {
			problems.reject("proof", "missions.value.proof.type");
		}
		problems.throwIfAny();
		Contract.Month month = contract.monthOf(on);
		UUID valueId = UUID.randomUUID();
		BigDecimal den = indicator.aggregation() == Indicator.Aggregation.RATIO ? denominator : null;
		store.insertManual(valueId, id, month.start(), month.end(), new Measure(value, den),
				note == null || note.isBlank() ? null : note.strip(), new IndicatorStore.Proof(checked.name(), checked.contentType(), proof), user.id());
		audit.change("missions.value.entered", "indicator", id.toString(), cptsId,
				indicator.name() + " : " + value.toPlainString() + (den == null ? "" : " / " + den.toPlainString()) + " au " + on + ", justificatif "
						+ checked.name());
		return valueId;
	}

	@Transactional(readOnly = true)
	public Optional<IndicatorStore.Proof> proof(UUID cptsId, UUID valueId) {
		steering.require(cptsId);
		return store.proof(cptsId, valueId);
	}

	/** Every indicator's figure for a contract year, under statistical secrecy unless the reader coordinates. */
	@Transactional(readOnly = true)
	public List<YearFigure> year(UUID cptsId, int year) {
		steering.require(cptsId);
		return figures(cptsId, year, steering.seesSmallCounts(cptsId));
	}

	/** The figures as they leave the coordination (the annual report): always under statistical secrecy. */
	@Transactional(readOnly = true)
	public List<YearFigure> published(UUID cptsId, int year) {
		steering.require(cptsId);
		return figures(cptsId, year, false);
	}

	private List<YearFigure> figures(UUID cptsId, int year, boolean plain) {
		Contract contract = contracts.contractOf(cptsId).orElseThrow(() -> Problems.rejected("year", "missions.report.noContract"));
		if (year < 1 || year > Contract.YEARS) {
			throw Problems.rejected("year", "missions.year.range", Contract.YEARS);
		}
		LocalDate today = LocalDate.now(IndicatorSource.PARIS);
		List<Contract.Month> months = contract.months(year);
		Map<UUID, List<IndicatorStore.Value>> values = store.values(cptsId, months.getFirst().start(), months.getLast().end()).stream()
			.collect(Collectors.groupingBy(IndicatorStore.Value::indicatorId));
		Contract.Month current = months.stream().filter(m -> !today.isBefore(m.start()) && today.isBefore(m.end())).findFirst().orElse(null);
		Map<String, Measure> live = current == null ? Map.of() : sources.measure(cptsId, current.start(), current.end());
		List<YearFigure> figures = new ArrayList<>();
		for (Indicator i : store.catalogue(cptsId)) {
			figures.add(figure(i, year, months, values.getOrDefault(i.id(), List.of()), current, live, plain));
		}
		return figures;
	}

	private YearFigure figure(Indicator i, int year, List<Contract.Month> months, List<IndicatorStore.Value> values, Contract.@Nullable Month current,
			Map<String, Measure> live, boolean plain) {
		List<YearFigure.MonthFigure> perMonth = new ArrayList<>();
		List<Measure> known = new ArrayList<>();
		for (Contract.Month m : months) {
			Measure measure = null;
			String origin = null;
			for (IndicatorStore.Value v : values) {
				if (v.periodStart().equals(m.start())) {
					measure = v.measure();
					origin = v.origin();
				}
			}
			if (measure == null && i.computed() && m.equals(current)) {
				measure = live.get(i.sourceCode());
				origin = measure == null ? null : "LIVE";
			}
			if (measure != null) {
				known.add(measure);
			}
			boolean secret = !plain && measure != null && YearFigure.underSecrecy(i, measure.value(), secrecyThreshold);
			perMonth.add(new YearFigure.MonthFigure(m, measure, origin, secret));
		}
		BigDecimal value = YearFigure.aggregate(i.aggregation(), known);
		BigDecimal target = i.target(year);
		boolean secret = !plain && YearFigure.underSecrecy(i, value, secrecyThreshold);
		BigDecimal reached = value == null || target == null || secret ? null : VariablePart.reached(value, target, i.lowerIsBetter());
		return new YearFigure(i, year, secret ? null : value, target, reached, perMonth, secret ? secrecyThreshold : null);
	}

	/** The variable part each signed mission would earn on the year's figures (no figure while the weights do not make a hundred percent). */
	@Transactional(readOnly = true)
	public List<VariablePart.Estimate> variablePart(UUID cptsId, int year) {
		steering.require(cptsId);
		return estimates(cptsId, year, steering.seesSmallCounts(cptsId));
	}

	/** The variable part as the annual report shows it: the lines under statistical secrecy. */
	@Transactional(readOnly = true)
	public List<VariablePart.Estimate> publishedVariablePart(UUID cptsId, int year) {
		steering.require(cptsId);
		return estimates(cptsId, year, false);
	}

	private List<VariablePart.Estimate> estimates(UUID cptsId, int year, boolean plain) {
		Contract contract = contracts.contractOf(cptsId).orElseThrow(() -> Problems.rejected("year", "missions.report.noContract"));
		// the part is earned on the true figures; what the reader may not see of them is left out of the lines
		List<YearFigure> figures = figures(cptsId, year, true);
		List<VariablePart.Estimate> all = new ArrayList<>();
		for (Contract.Signed s : contract.missions()) {
			List<VariablePart.Input> inputs = figures.stream().filter(f -> s.mission().name().equals(f.indicator().mission()))
				.filter(f -> f.indicator().weightPercent().signum() > 0)
				.map(f -> new VariablePart.Input(f.indicator().id(), f.indicator().name(), f.indicator().weightPercent(), f.value(), f.target(),
						f.indicator().lowerIsBetter()))
				.toList();
			VariablePart.Estimate e = VariablePart.estimate(s.mission(), s.variableCents(), s.rule(), inputs);
			all.add(plain ? e : new VariablePart.Estimate(e.mission(), e.envelopeCents(), e.weightSum(), e.lines().stream().map(l -> {
				Indicator i = figures.stream().map(YearFigure::indicator).filter(x -> x.id().equals(l.input().indicatorId())).findFirst().orElseThrow();
				if (!YearFigure.underSecrecy(i, l.input().value(), secrecyThreshold)) {
					return l;
				}
				VariablePart.Input in = l.input();
				return new VariablePart.Line(new VariablePart.Input(in.indicatorId(), in.name(), in.weightPercent(), null, in.target(), in.lowerIsBetter()),
						BigDecimal.ZERO, BigDecimal.ZERO);
			}).toList(), e.cents()));
		}
		return all;
	}
}
