package fr.maillage.notifications.internal;

import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home's cards of announcements and deliveries: for the coordinators, the announcements of the
 * last month still waiting for acknowledgements; for everyone, the announcements they have to
 * acknowledge; for the administrators, the e-mails and SMS waiting or failed.
 */
@Component
class NotificationHomeCards implements HomeCard.Provider {

	static final int LINES = 3;

	private final JdbcClient jdbc;

	NotificationHomeCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		List<HomeCard> cards = new ArrayList<>();
		UUID cpts = viewer.cptsId();
		if (viewer.coordinates() && cpts != null) {
			record Followed(UUID id, String title, long acknowledged, long recipients) {
			}
			List<Followed> open = jdbc.sql("""
					select a.id, a.title, count(r.acknowledged_at), count(r.id) from announcement a join announcement_recipient r on r.announcement_id = a.id
					where a.cpts_id = :c and a.ask_ack and a.created_at > now() - interval '30 days'
					group by a.id having count(r.acknowledged_at) < count(r.id) order by a.created_at desc""")
				.param("c", cpts).query((rs, n) -> new Followed(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
			cards.add(HomeCard.of(Audience.COORDINATION, 60, "home.announcements.followed.title", viewer.cptsPath("/annonces"), open.size(),
					Tone.attentionIf(open.size()), open.isEmpty() ? "home.announcements.followed.none" : "home.announcements.followed.text", open.size())
				.withLines(open.stream().limit(LINES).map(f -> new Line(f.title() + " · " + f.acknowledged() + " / " + f.recipients(), null,
						"/annonces/" + f.id() + "/suivi")).toList()));
		}
		if (viewer.cptsId() != null) {
			record Owed(UUID id, String title, Instant at, boolean urgent) {
			}
			List<Owed> owed = jdbc.sql("""
					select a.id, a.title, a.created_at, a.urgent from announcement_recipient r join announcement a on a.id = r.announcement_id
					where r.user_id = :u and a.ask_ack and r.acknowledged_at is null order by a.urgent desc, a.created_at desc limit 50""")
				.param("u", viewer.userId()).query((rs, n) -> new Owed(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getBoolean(4))).list();
			if (!owed.isEmpty()) {
				cards.add(HomeCard.of(Audience.PERSONAL, 40, "home.announcements.owed.title", "/annonces/" + owed.getFirst().id(), owed.size(),
						owed.stream().anyMatch(Owed::urgent) ? Tone.ALERT : Tone.ATTENTION, "home.announcements.owed.text", owed.size())
					.withLines(owed.stream().limit(LINES).map(o -> new Line(o.title(), o.at(), "/annonces/" + o.id())).toList()));
			}
		}
		if (viewer.admin()) {
			record Outbox(long waiting, long failed, long oldestMinutes) {
			}
			Outbox o = jdbc.sql("""
					select w.n, (select count(*) from outbox_message where status = 'FAILED' and created_at > now() - interval '7 days'), w.oldest
					from (select count(*) n, coalesce(extract(epoch from now() - min(created_at)) / 60, 0)::bigint oldest
					      from outbox_message where status in ('PENDING', 'SENDING')) w""")
				.query((rs, n) -> new Outbox(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
			cards.add(HomeCard.of(Audience.ADMINISTRATION, 20, "home.outbox.title", "/administration/envois", o.waiting() + o.failed(),
					o.failed() > 0 || o.oldestMinutes() > 60 ? Tone.ALERT : Tone.attentionIf(o.waiting()), "home.outbox.text", o.waiting(), o.failed(),
					o.oldestMinutes()));
		}
		return cards;
	}
}
