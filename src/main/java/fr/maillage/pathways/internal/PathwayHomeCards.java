package fr.maillage.pathways.internal;

import fr.maillage.directory.AccountLinks;
import fr.maillage.pathways.Enrolments;
import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import fr.maillage.platform.RecentFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home's cards of care pathways: for the care coordinators, the ruptures open (steps overdue
 * past their grace); for a professional of a circle, the tasks of the week and those late.
 * Counts only: the lists they link to name the patients, with their own audit. The ruptures of a
 * CPTS are counted at most once a minute ({@link RecentFigures}): at region scale the count costs 300 ms.
 */
@Component
class PathwayHomeCards implements HomeCard.Provider {

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final RecentFigures recent;

	PathwayHomeCards(JdbcClient jdbc, AccountLinks links, RecentFigures recent) {
		this.jdbc = jdbc;
		this.links = links;
		this.recent = recent;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		List<HomeCard> cards = new ArrayList<>();
		LocalDate today = LocalDate.now(Enrolments.PARIS);
		UUID cpts = viewer.cptsId();
		if (viewer.careCoordinator() && cpts != null) {
			long open = recent.of("pathway.ruptures", cpts, () -> jdbc.sql("""
					select count(*) from pathway_step s join pathway_enrolment e on e.id = s.enrolment_id
					where e.cpts_id = :c and e.status = 'ACTIVE' and s.status = 'DUE' and s.overdue_at is not null""")
				.param("c", cpts).query(Long.class).single());
			cards.add(HomeCard.of(Audience.COORDINATION, 40, "home.pathways.ruptures.title", viewer.cptsPath("/parcours"), open,
					open > 0 ? Tone.ALERT : Tone.CALM, open == 0 ? "home.pathways.ruptures.none" : "home.pathways.ruptures.text", open));
		}
		AccountLinks.Represented me = links.represented(viewer.userId());
		if (!me.none()) {
			record Counts(long week, long late) {
			}
			Counts c = jdbc.sql("""
					with mine as materialized (select enrolment_id, role from pathway_circle_member
					  where removed_at is null and (practitioner_id = :p or organization_id = any(:o)))
					select count(distinct s.id) filter (where s.due_date + s.grace_days >= :today), count(distinct s.id) filter (where s.due_date + s.grace_days < :today)
					from mine m join pathway_step s on s.enrolment_id = m.enrolment_id and s.status = 'DUE' and s.role in ('TOUS', m.role) and s.due_date < :to
					join pathway_enrolment e on e.id = s.enrolment_id and e.status = 'ACTIVE'""")
				.param("p", me.practitionerId()).param("o", me.organizations()).param("today", today).param("to", today.plusDays(7))
				.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
			long all = c.week() + c.late();
			cards.add(HomeCard.of(Audience.PERSONAL, 10, "home.pathways.tasks.title", "/taches", all,
					c.late() > 0 ? Tone.ALERT : Tone.attentionIf(all), all == 0 ? "home.pathways.tasks.none" : "home.pathways.tasks.text", c.week(), c.late()));
		}
		return cards;
	}
}
