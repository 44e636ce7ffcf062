package fr.maillage.prevention;

import fr.maillage.platform.ICalendar;
import fr.maillage.platform.Mail;
import fr.maillage.prevention.internal.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The CPTS's public events still to come, for its public page, its agenda and an iCalendar feed anyone may subscribe to. */
@Service
public class PublicAgenda {

	private final EventStore store;
	private final Mail mail;

	PublicAgenda(EventStore store, Mail mail) {
		this.store = store;
		this.mail = mail;
	}

	@Transactional(readOnly = true)
	public List<PreventionEvent> upcoming(UUID cptsId) {
		return store.upcomingPublic(cptsId, Instant.now());
	}

	@Transactional(readOnly = true)
	public String feed(UUID cptsId, String name) {
		return ICalendar.of(name, upcoming(cptsId).stream().map(e -> new ICalendar.Event("event-" + e.id() + "@maillage", e.startsAt(), e.endsAt(),
				e.title(), e.place() + (e.address() == null ? "" : ", " + e.address()), e.description(), mail.url("/evenements/" + e.id()))).toList());
	}
}
