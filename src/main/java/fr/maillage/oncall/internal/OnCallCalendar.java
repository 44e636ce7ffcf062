package fr.maillage.oncall.internal;

import fr.maillage.accounts.CalendarEntries;
import fr.maillage.directory.AccountLinks;
import fr.maillage.platform.ICalendar;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's turns on duty (their own, and their pharmacy's) in their calendar feed. */
@Component
class OnCallCalendar implements CalendarEntries {

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final Messages messages;
	private final Mail mail;

	OnCallCalendar(JdbcClient jdbc, AccountLinks links, Messages messages, Mail mail) {
		this.jdbc = jdbc;
		this.links = links;
		this.messages = messages;
		this.mail = mail;
	}

	@Override
	public String category() {
		return "garde";
	}

	@Override
	public List<ICalendar.Event> entries(UUID userId, Instant from, Instant to) {
		AccountLinks.Represented me = links.represented(userId);
		if (me.none()) {
			return List.of();
		}
		return jdbc.sql("""
				select s.id, s.starts_at, s.ends_at, s.assignee_label, s.assignee_address, r.name from oncall_shift s join oncall_roster r on r.id = s.roster_id
				where r.active and (s.practitioner_id = :p or s.organization_id = any(:o)) and s.ends_at > :f and s.starts_at < :t order by s.starts_at""")
			.param("p", me.practitionerId()).param("o", me.organizations()).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
			.query((rs, n) -> new ICalendar.Event("garde-" + rs.getObject("id", UUID.class) + "@maillage", rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), messages.get("oncall.calendar.summary", rs.getString("name"), rs.getString("assignee_label")),
					rs.getString("assignee_address"), null, mail.url("/gardes")))
			.list();
	}
}
