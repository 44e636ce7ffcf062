package fr.maillage.association.internal;

import fr.maillage.accounts.CalendarEntries;
import fr.maillage.directory.AccountLinks;
import fr.maillage.platform.ICalendar;
import fr.maillage.platform.Mail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meetings a person is convened to (invited as a member, or sitting in the body convened) in
 * their agenda and calendar feed: the same UID as the e-mailed invitation, so a calendar shows one.
 */
@Component
class MeetingCalendar implements CalendarEntries {

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final Mail mail;

	MeetingCalendar(JdbcClient jdbc, AccountLinks links, Mail mail) {
		this.jdbc = jdbc;
		this.links = links;
		this.mail = mail;
	}

	@Override
	public String category() {
		return "reunion";
	}

	@Override
	public List<ICalendar.Event> entries(UUID userId, Instant from, Instant to) {
		AccountLinks.Represented me = links.represented(userId);
		if (me.none()) {
			return List.of();
		}
		return jdbc.sql("""
				with mine as (select id from member where practitioner_id = :p or organization_id = any(:o))
				select m.id, m.title, m.starts_at, m.ends_at, m.place, m.video_link from meeting m
				where m.status in ('CONVENED', 'HELD') and m.ends_at > :f and m.starts_at < :t
				  and (exists (select 1 from meeting_invitee i where i.meeting_id = m.id and i.member_id in (select id from mine))
				    or exists (select 1 from mandate md where md.body_id = m.body_id and md.member_id in (select id from mine)
				      and md.starts_on <= current_date and (md.ends_on is null or md.ends_on >= current_date)))
				order by m.starts_at""")
			.param("p", me.practitionerId()).param("o", me.organizations()).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
			.query((rs, n) -> new ICalendar.Event("meeting-" + rs.getObject("id", UUID.class) + "@maillage", rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getString("title"),
					rs.getString("place") != null ? rs.getString("place") : rs.getString("video_link"), null,
					mail.url("/reunions/" + rs.getObject("id", UUID.class))))
			.list();
	}
}
