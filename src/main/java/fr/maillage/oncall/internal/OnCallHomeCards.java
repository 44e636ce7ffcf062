package fr.maillage.oncall.internal;

import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import fr.maillage.platform.ICalendar;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home's cards of on-call duty: for the coordinators, the turns of the coming week nobody
 * holds (each one a gap the public would find); for a professional, their next turns.
 */
@Component
class OnCallHomeCards implements HomeCard.Provider {

	static final Duration WEEK = Duration.ofDays(7);
	static final Duration MY_HORIZON = Duration.ofDays(31);
	static final int LINES = 3;

	private final JdbcClient jdbc;
	private final OnCallCalendar calendar;

	OnCallHomeCards(JdbcClient jdbc, OnCallCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		List<HomeCard> cards = new ArrayList<>();
		Instant now = Instant.now();
		UUID cpts = viewer.cptsId();
		if (viewer.coordinates() && cpts != null) {
			record Gap(Instant start, String roster) {
			}
			List<Gap> gaps = jdbc.sql("""
					select s.starts_at, r.name from oncall_shift s join oncall_roster r on r.id = s.roster_id
					where r.cpts_id = :c and r.active and s.practitioner_id is null and s.organization_id is null
					  and s.ends_at > :now and s.starts_at < :to order by s.starts_at""")
				.param("c", cpts).param("now", Timestamp.from(now)).param("to", Timestamp.from(now.plus(WEEK)))
				.query((rs, n) -> new Gap(rs.getTimestamp(1).toInstant(), rs.getString(2))).list();
			String href = viewer.cptsPath("/gardes");
			cards.add(HomeCard.of(Audience.COORDINATION, 30, "home.oncall.gaps.title", href, gaps.size(), gaps.isEmpty() ? Tone.CALM : Tone.ALERT,
					gaps.isEmpty() ? "home.oncall.gaps.none" : "home.oncall.gaps.text", gaps.size())
				.withLines(gaps.stream().limit(LINES).map(g -> new Line(g.roster(), g.start(), href)).toList()));
		}
		List<ICalendar.Event> mine = calendar.entries(viewer.userId(), now, now.plus(MY_HORIZON));
		if (!mine.isEmpty()) {
			cards.add(HomeCard.of(Audience.PERSONAL, 20, "home.oncall.mine.title", "/gardes", mine.size(), Tone.CALM, "home.oncall.mine.text", mine.size())
				.withLines(mine.stream().limit(LINES).map(e -> new Line(e.summary(), e.start(), "/gardes")).toList()));
		}
		return cards;
	}
}
