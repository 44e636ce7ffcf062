package fr.maillage.unscheduledcare.internal;

import fr.maillage.directory.AccountLinks;
import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home's cards of unscheduled care, for a professional: the slots they booked for their
 * patients, coming (where and when, never whom), and the patients booked at their own slots this week.
 */
@Component
class SnpHomeCards implements HomeCard.Provider {

	static final int LINES = 3;
	static final Duration WEEK = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final AccountLinks links;

	SnpHomeCards(JdbcClient jdbc, AccountLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		List<HomeCard> cards = new ArrayList<>();
		Instant now = Instant.now();
		String mine = "/soins-non-programmes/mes-reservations";
		List<Line> booked = jdbc.sql("""
				select s.owner_label, s.starts_at from snp_booking b join snp_slot s on s.id = b.slot_id
				where b.booked_by = :u and b.cancelled_at is null and s.starts_at > :now order by s.starts_at limit 100""")
			.param("u", viewer.userId()).param("now", Timestamp.from(now))
			.query((rs, n) -> new Line(rs.getString(1), rs.getTimestamp(2).toInstant(), mine)).list();
		if (!booked.isEmpty()) {
			cards.add(HomeCard.of(Audience.PERSONAL, 50, "home.snp.booked.title", mine, booked.size(), Tone.CALM, "home.snp.booked.text", booked.size())
				.withLines(booked.stream().limit(LINES).toList()));
		}
		AccountLinks.Represented me = links.represented(viewer.userId());
		if (!me.none()) {
			long atMine = jdbc.sql("""
					select count(*) from snp_slot s join snp_booking b on b.slot_id = s.id and b.cancelled_at is null
					where (s.practitioner_id = :p or s.organization_id = any(:o)) and s.cancelled_at is null and s.starts_at between :now and :to""")
				.param("p", me.practitionerId()).param("o", me.organizations()).param("now", Timestamp.from(now)).param("to", Timestamp.from(now.plus(WEEK)))
				.query(Long.class).single();
			if (atMine > 0) {
				cards.add(HomeCard.of(Audience.PERSONAL, 60, "home.snp.atMine.title", "/soins-non-programmes/mes-creneaux", atMine, Tone.CALM,
						"home.snp.atMine.text", atMine));
			}
		}
		return cards;
	}
}
