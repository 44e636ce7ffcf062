package fr.maillage.unscheduledcare;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.platform.Problems;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ACI review counts of unscheduled care, computed from the platform's own data: slots
 * offered (published and not withdrawn, or booked), booked, honoured, not honoured, redirected,
 * per week, per profession and per structure or professional; and the on-call coverage the
 * rosters report. For the CPTS's coordinators.
 */
@Service
public class SnpIndicators {

	/** Counts over a group of slots (a week, a profession, an owner). */
	public record Counts(String key, long offered, long booked, long honoured, long notHonoured, long redirected) {

		/** Booked slots among those offered, in percent (0 when none). */
		public long bookedPercent() {
			return offered == 0 ? 0 : Math.round(100.0 * booked / offered);
		}
	}

	public record Indicators(LocalDate from, LocalDate to, Counts total, List<Counts> weeks, List<Counts> professions, List<Counts> owners,
			List<OnCallCoverage.Row> coverage) {
	}

	public static final int MAX_DAYS = 731;

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final List<OnCallCoverage> coverage;

	SnpIndicators(JdbcClient jdbc, CptsAccess access, List<OnCallCoverage> coverage) {
		this.jdbc = jdbc;
		this.access = access;
		this.coverage = coverage;
	}

	/** From {@code from} to {@code to} inclusive (Paris days); the last 12 weeks when not given. */
	@Transactional(readOnly = true)
	public Indicators compute(UUID cptsId, @Nullable LocalDate from, @Nullable LocalDate to) {
		access.requireCoordinator(cptsId);
		// by default the eight weeks past and the four to come: the slots published ahead count as offered
		LocalDate today = LocalDate.now(Slots.PARIS);
		LocalDate end = to != null ? to : from != null ? from.plusWeeks(12).minusDays(1) : today.plusWeeks(4);
		LocalDate start = from != null ? from : to != null ? to.minusWeeks(12).plusDays(1) : today.minusWeeks(8).plusDays(1);
		if (end.isBefore(start)) {
			throw Problems.rejected("to", "snp.indicators.order");
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			throw Problems.rejected("to", "snp.indicators.tooLong", MAX_DAYS);
		}
		Instant f = start.atStartOfDay(Slots.PARIS).toInstant();
		Instant t = end.plusDays(1).atStartOfDay(Slots.PARIS).toInstant();
		List<Counts> weeks = grouped(cptsId, f, t, "to_char(date_trunc('week', s.starts_at at time zone 'Europe/Paris'), 'YYYY-MM-DD')");
		List<Counts> professions = grouped(cptsId, f, t, "s.profession_code");
		List<Counts> owners = grouped(cptsId, f, t, "s.owner_label");
		Counts total = new Counts("", weeks.stream().mapToLong(Counts::offered).sum(), weeks.stream().mapToLong(Counts::booked).sum(),
				weeks.stream().mapToLong(Counts::honoured).sum(), weeks.stream().mapToLong(Counts::notHonoured).sum(),
				weeks.stream().mapToLong(Counts::redirected).sum());
		return new Indicators(start, end, total, weeks,
				professions.stream().map(c -> new Counts(Professions.LABELS.getOrDefault(c.key(), c.key()), c.offered(), c.booked(), c.honoured(),
						c.notHonoured(), c.redirected())).toList(),
				owners, coverage.stream().flatMap(c -> c.coverage(cptsId, f, t).stream()).toList());
	}

	private List<Counts> grouped(UUID cptsId, Instant from, Instant to, String key) {
		// at most one active booking per slot (unique index), so the join never counts a slot twice
		return jdbc.sql("select " + key + """
				 as k, count(*) filter (where s.cancelled_at is null or b.id is not null) as offered, count(b.id) as booked,
				  count(*) filter (where b.outcome = 'HONORE') as honoured, count(*) filter (where b.outcome = 'NON_HONORE') as not_honoured,
				  count(*) filter (where b.outcome = 'REORIENTE') as redirected
				from snp_slot s left join snp_booking b on b.slot_id = s.id and b.cancelled_at is null
				where s.cpts_id = :c and s.starts_at >= :f and s.starts_at < :t group by 1 order by 1""")
			.param("c", cptsId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
			.query((rs, n) -> new Counts(rs.getString("k"), rs.getLong("offered"), rs.getLong("booked"), rs.getLong("honoured"),
					rs.getLong("not_honoured"), rs.getLong("redirected")))
			.list();
	}
}
