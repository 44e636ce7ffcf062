package fr.maillage.gpaccess;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.patients.Patient;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of the mission, computed from the registry (never typed): requests by status and
 * by the CPAM's categories (ALD, 70 and over, C2S, C2S in ALD, all), waiting times, médecins
 * traitants found per month, and progress against the target from the baseline the coordinator
 * enters from the CPAM's figures.
 */
@Service
public class GpIndicators {

	public enum Category {
		ALL, ALD, AGE_70, C2S, C2S_ALD;

		public String labelKey() {
			return "gpaccess.category." + name();
		}
	}

	/** Per category: still waiting now (not declared, not withdrawn), filed and found in the period. */
	public record CategoryFigures(Category category, long waiting, long filed, long found) {
	}

	public record Waiting(long count, @Nullable Double medianDays, @Nullable Double p90Days) {
	}

	public record Month(String month, long found, long filed) {
	}

	public record Baseline(LocalDate referenceDate, int withoutGp, @Nullable Integer withoutGpAld, @Nullable Integer withoutGp70,
			@Nullable Integer withoutGpC2s, double yearlyReduction) {
	}

	/** Baseline, the target on {@code to}, and the médecins traitants found since the reference date. */
	public record Progress(Baseline baseline, long targetOnEnd, long foundSinceReference, long estimatedWithoutGp, long reductionNeeded) {

		public boolean onTrack() {
			return estimatedWithoutGp <= targetOnEnd;
		}
	}

	public record Indicators(LocalDate from, LocalDate to, Map<RequestStatus, Long> byStatus, List<CategoryFigures> byCategory,
			Waiting waitingNow, Waiting waitedUntilFound, List<Month> months, @Nullable Progress progress) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Patients patients;
	private final AuditLog audit;

	GpIndicators(JdbcClient jdbc, CptsAccess access, Patients patients, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
	}

	@Transactional
	public Indicators compute(UUID cptsId, @Nullable LocalDate from, @Nullable LocalDate to) {
		access.requireCoordinatorForPatients(cptsId);
		LocalDate end = to == null ? LocalDate.now(GpCapacities.PARIS) : to;
		LocalDate start = from == null ? end.minusMonths(11).withDayOfMonth(1) : from;
		if (end.isBefore(start)) {
			throw Problems.rejected("to", "gpaccess.indicators.order");
		}
		if (ChronoUnit.YEARS.between(start, end) > 10) {
			throw Problems.rejected("from", "gpaccess.indicators.tooLong");
		}
		Instant startAt = start.atStartOfDay(GpCapacities.PARIS).toInstant();
		Instant endAt = end.plusDays(1).atStartOfDay(GpCapacities.PARIS).toInstant();
		Instant now = Instant.now();
		List<GpRequests.Row> rows = jdbc.sql("select * from gp_request where cpts_id = :c").param("c", cptsId).query(GpRequests::row).list();
		Map<UUID, Patient> people = patients.getAll(cptsId, rows.stream().map(GpRequests.Row::patientId).toList(), "indicateurs");

		Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
		for (RequestStatus s : RequestStatus.values()) {
			byStatus.put(s, 0L);
		}
		Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
		for (Category c : Category.values()) {
			byCategory.put(c, new long[3]);
		}
		List<Double> waitingNow = new ArrayList<>();
		List<Double> waited = new ArrayList<>();
		Map<YearMonth, long[]> months = new LinkedHashMap<>();
		for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
			months.put(m, new long[2]);
		}
		for (GpRequests.Row r : rows) {
			byStatus.merge(r.status(), 1L, Long::sum);
			Patient p = people.get(r.patientId());
			boolean open = r.status() != RequestStatus.DECLARED && r.status() != RequestStatus.WITHDRAWN;
			boolean filedIn = !r.filedAt().isBefore(startAt) && r.filedAt().isBefore(endAt);
			boolean foundIn = r.declaredAt() != null && !r.declaredAt().isBefore(startAt) && r.declaredAt().isBefore(endAt);
			for (Category c : Category.values()) {
				if (in(c, r, p, LocalDate.now(GpCapacities.PARIS))) {
					long[] f = byCategory.get(c);
					f[0] += open ? 1 : 0;
					f[1] += filedIn ? 1 : 0;
					f[2] += foundIn ? 1 : 0;
				}
			}
			if (open) {
				waitingNow.add(Duration.between(r.filedAt(), now).toHours() / 24.0);
			}
			if (foundIn) {
				waited.add(Duration.between(r.filedAt(), r.declaredAt()).toHours() / 24.0);
				long[] m = months.get(YearMonth.from(r.declaredAt().atZone(GpCapacities.PARIS)));
				if (m != null) {
					m[0]++;
				}
			}
			if (filedIn) {
				long[] m = months.get(YearMonth.from(r.filedAt().atZone(GpCapacities.PARIS)));
				if (m != null) {
					m[1]++;
				}
			}
		}
		List<CategoryFigures> categories = byCategory.entrySet().stream()
			.map(e -> new CategoryFigures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
		List<Month> perMonth = months.entrySet().stream().map(e -> new Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1])).toList();
		Progress progress = baseline(cptsId).map(b -> progress(cptsId, b, end)).orElse(null);
		return new Indicators(start, end, byStatus, categories, waiting(waitingNow), waiting(waited), perMonth, progress);
	}

	private Progress progress(UUID cptsId, Baseline b, LocalDate end) {
		double years = ChronoUnit.DAYS.between(b.referenceDate(), end) / 365.25;
		long target = Math.round(b.withoutGp() * Math.pow(1 - b.yearlyReduction() / 100, Math.max(0, years)));
		long found = jdbc.sql("select count(*) from gp_request where cpts_id = :c and status = 'DECLARED' and declared_at >= :ref and declared_at < :end")
			.param("c", cptsId).param("ref", java.sql.Timestamp.from(b.referenceDate().atStartOfDay(GpCapacities.PARIS).toInstant()))
			.param("end", java.sql.Timestamp.from(end.plusDays(1).atStartOfDay(GpCapacities.PARIS).toInstant())).query(Long.class).single();
		long estimated = Math.max(0, b.withoutGp() - found);
		return new Progress(b, target, found, estimated, Math.max(0, estimated - target));
	}

	@Transactional(readOnly = true)
	public Optional<Baseline> baseline(UUID cptsId) {
		access.requireCoordinatorForPatients(cptsId);
		return jdbc.sql("select * from gp_baseline where cpts_id = :c").param("c", cptsId)
			.query((rs, n) -> new Baseline(rs.getObject("reference_date", LocalDate.class), rs.getInt("without_gp"),
					rs.getObject("without_gp_ald", Integer.class), rs.getObject("without_gp_70", Integer.class),
					rs.getObject("without_gp_c2s", Integer.class), rs.getDouble("yearly_reduction")))
			.optional();
	}

	/** The CPAM's figures on a date, and the yearly reduction aimed at (5 % by default). */
	@Transactional
	public Baseline saveBaseline(UUID cptsId, @Nullable LocalDate referenceDate, @Nullable Integer withoutGp, @Nullable Integer ald,
			@Nullable Integer age70, @Nullable Integer c2s, @Nullable Double yearlyReduction) {
		access.requireCoordinatorForPatients(cptsId);
		Problems problems = new Problems();
		if (referenceDate == null) {
			problems.reject("referenceDate", "gpaccess.baseline.date.required");
		} else if (referenceDate.isAfter(LocalDate.now(GpCapacities.PARIS))) {
			problems.reject("referenceDate", "gpaccess.baseline.date.future");
		}
		if (withoutGp == null || withoutGp < 0) {
			problems.reject("withoutGp", "gpaccess.baseline.count.required");
		}
		for (var e : Map.of("withoutGpAld", Optional.ofNullable(ald), "withoutGp70", Optional.ofNullable(age70), "withoutGpC2s",
				Optional.ofNullable(c2s)).entrySet()) {
			if (e.getValue().isPresent() && e.getValue().get() < 0) {
				problems.reject(e.getKey(), "gpaccess.baseline.count.negative");
			}
		}
		double reduction = yearlyReduction == null ? 5 : yearlyReduction;
		if (reduction <= 0 || reduction >= 100) {
			problems.reject("yearlyReduction", "gpaccess.baseline.reduction.range");
		}
		problems.throwIfAny();
		jdbc.sql("""
				insert into gp_baseline (cpts_id, reference_date, without_gp, without_gp_ald, without_gp_70, without_gp_c2s, yearly_reduction)
				values (:c, :d, :n, :ald, :a70, :c2s, :r)
				on conflict (cpts_id) do update set reference_date = excluded.reference_date, without_gp = excluded.without_gp,
				  without_gp_ald = excluded.without_gp_ald, without_gp_70 = excluded.without_gp_70, without_gp_c2s = excluded.without_gp_c2s,
				  yearly_reduction = excluded.yearly_reduction, updated_at = now()""")
			.param("c", cptsId).param("d", referenceDate).param("n", withoutGp).param("ald", ald).param("a70", age70).param("c2s", c2s)
			.param("r", reduction).update();
		audit.change("gp_baseline.save", "cpts", cptsId.toString(), cptsId, withoutGp + " au " + referenceDate);
		return baseline(cptsId).orElseThrow();
	}

	static boolean in(Category c, GpRequests.Row r, @Nullable Patient p, LocalDate today) {
		return switch (c) {
			case ALL -> true;
			case ALD -> r.ald();
			case AGE_70 -> p != null && p.ageOn(today) >= 70;
			case C2S -> r.c2s();
			case C2S_ALD -> r.c2s() && r.ald();
		};
	}

	/** Median and 90th percentile (nearest rank), in days. */
	static Waiting waiting(List<Double> days) {
		if (days.isEmpty()) {
			return new Waiting(0, null, null);
		}
		List<Double> sorted = days.stream().sorted().toList();
		return new Waiting(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
	}

	static double percentile(List<Double> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
	}
}
