package fr.maillage.pathways;

import fr.maillage.accounts.CptsAccess;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Population views of a CPTS's pathways for its coordinators, computed from the schedules: patients
 * enrolled per pathway, steps due and done on time, open ruptures; and the same per month (the
 * last twelve) for the charts. Counts only, no patient.
 */
@Service
public class PathwayIndicators {

	public record PerPathway(UUID templateId, String pathway, long enrolled, long stepsDue, long doneOnTime, long doneLate, long openRuptures) {

		/** Done within the grace period, among the steps due so far (0 when none). */
		public long onTimePercent() {
			return stepsDue == 0 ? 0 : Math.round(100.0 * doneOnTime / stepsDue);
		}
	}

	public record PerMonth(String month, long enrolled, long done, long ruptures) {
	}

	public record Indicators(List<PerPathway> pathways, List<PerMonth> months) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;

	PathwayIndicators(JdbcClient jdbc, CptsAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public Indicators compute(UUID cptsId) {
		access.requireCoordinator(cptsId);
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		List<PerPathway> pathways = jdbc.sql("""
				select t.id, t.name,
				  (select count(*) from pathway_enrolment e where e.template_id = t.id and e.status = 'ACTIVE') as enrolled,
				  count(s.id) filter (where s.status <> 'CANCELLED' and s.due_date + s.grace_days < :today) as due,
				  count(s.id) filter (where s.status = 'DONE' and s.done_date <= s.due_date + s.grace_days) as on_time,
				  count(s.id) filter (where s.status = 'DONE' and s.done_date > s.due_date + s.grace_days) as late,
				  count(s.id) filter (where s.status = 'DUE' and s.overdue_at is not null and e2.status = 'ACTIVE') as ruptures
				from pathway_template t
				left join pathway_enrolment e2 on e2.template_id = t.id
				left join pathway_step s on s.enrolment_id = e2.id
				where t.cpts_id = :c and t.active group by t.id, t.name order by t.name""")
			.param("c", cptsId).param("today", today)
			.query((rs, n) -> new PerPathway(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getLong(7)))
			.list();
		LocalDate first = today.withDayOfMonth(1).minusMonths(11);
		List<PerMonth> months = jdbc.sql("""
				select to_char(m, 'YYYY-MM'),
				  (select count(*) from pathway_enrolment e where e.cpts_id = :c and e.start_date >= m and e.start_date < m + interval '1 month'),
				  (select count(*) from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id
				    where e.cpts_id = :c and s.status = 'DONE' and s.done_date >= m and s.done_date < m + interval '1 month'),
				  (select count(*) from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id
				    where e.cpts_id = :c and s.overdue_at is not null and (s.due_date + s.grace_days) >= m and (s.due_date + s.grace_days) < m + interval '1 month')
				from generate_series(cast(:first as date), cast(:today as date), interval '1 month') as m order by 1""")
			.param("c", cptsId).param("first", first).param("today", today)
			.query((rs, n) -> new PerMonth(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
		return new Indicators(pathways, months);
	}

	/** How many steps of each key were done between two dates for the patients of a template (a programme's year), counts only. */
	@Transactional(readOnly = true)
	public java.util.Map<String, Long> doneByStep(UUID templateId, LocalDate from, LocalDate to) {
		UUID cpts = jdbc.sql("select cpts_id from pathway_template where id = :t").param("t", templateId).query(UUID.class).optional()
			.orElseThrow(CptsAccess.NotVisibleException::new);
		access.requireMember(cpts);
		java.util.Map<String, Long> out = new java.util.HashMap<>();
		jdbc.sql("""
				select s.step_key, count(*) from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id
				where e.template_id = :t and s.status = 'DONE' and s.done_date between :from and :to group by s.step_key""")
			.param("t", templateId).param("from", from).param("to", to).query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
		return out;
	}
}
