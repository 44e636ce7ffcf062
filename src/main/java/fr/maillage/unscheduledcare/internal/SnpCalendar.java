package fr.maillage.unscheduledcare.internal;

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

/**
 * The booked slots of what a person offers (theirs, their structure's) in their calendar feed:
 * the time and the place only; the patient and the reason stay in Maillage.
 */
@Component
class SnpCalendar implements CalendarEntries {

	private final JdbcClient jdbc;
	private final AccountLinks links;
	private final Messages messages;
	private final Mail mail;

	SnpCalendar(JdbcClient jdbc, AccountLinks links, Messages messages, Mail mail) {
		this.jdbc = jdbc;
		this.links = links;
		this.messages = messages;
		this.mail = mail;
	}

	@Override
	public String category() {
		return "creneau";
	}

	@Override
	public List<ICalendar.Event> entries(UUID userId, Instant from, Instant to) {
		AccountLinks.Represented me = links.represented(userId);
		if (me.none()) {
			return List.of();
		}
		return jdbc.sql("""
				select b.id, s.starts_at, s.ends_at, s.owner_label, s.site_label from snp_slot s
				join snp_booking b on b.slot_id = s.id and b.cancelled_at is null
				where (s.practitioner_id = :p or s.organization_id = any(:o)) and s.starts_at >= :f and s.starts_at < :t order by s.starts_at""")
			.param("p", me.practitionerId()).param("o", me.organizations()).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
			.query((rs, n) -> new ICalendar.Event("snp-" + rs.getObject("id", UUID.class) + "@maillage", rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), messages.get("snp.calendar.summary", rs.getString("owner_label")), rs.getString("site_label"),
					messages.get("snp.calendar.description"), mail.url("/soins-non-programmes/mes-creneaux")))
			.list();
	}
}
