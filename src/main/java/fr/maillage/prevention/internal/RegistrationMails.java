package fr.maillage.prevention.internal;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.ICalendar;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import fr.maillage.prevention.PreventionEvent;
import fr.maillage.prevention.PreventionEvents;
import fr.maillage.prevention.Registration;
import fr.maillage.prevention.RegistrationEvents;
import fr.maillage.shared.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the registrant what happened, by e-mail, after the registration's transaction committed
 * (the event publication registry replays what a crash interrupted): the confirmation with an
 * invitation for their calendar and their own link, the waiting list, the place that freed up,
 * the cancellation, the reminder the day before. Each e-mail carries a link of its own.
 */
@Component
class RegistrationMails {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
		.withZone(PreventionEvents.PARIS);

	private final EventStore store;
	private final CptsService cpts;
	private final Notifications notifications;
	private final Messages messages;
	private final Mail mail;

	RegistrationMails(EventStore store, CptsService cpts, Notifications notifications, Messages messages, Mail mail) {
		this.store = store;
		this.cpts = cpts;
		this.notifications = notifications;
		this.messages = messages;
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(RegistrationEvents.RegistrationTaken e) {
		boolean waiting = store.registration(e.registrationId()).map(r -> r.status() == Registration.Status.WAITING).orElse(false);
		send(e.registrationId(), waiting ? "waiting" : "confirmed", !waiting);
	}

	@ApplicationModuleListener
	void on(RegistrationEvents.RegistrationPromoted e) {
		send(e.registrationId(), "promoted", true);
	}

	@ApplicationModuleListener
	void on(RegistrationEvents.RegistrationCancelled e) {
		send(e.registrationId(), "cancelled", false);
	}

	@ApplicationModuleListener
	void on(RegistrationEvents.ReminderDue e) {
		send(e.registrationId(), "reminder", true);
	}

	private void send(UUID registrationId, String what, boolean invitation) {
		Registration r = store.registration(registrationId).orElse(null);
		PreventionEvent ev = r == null ? null : store.find(r.eventId()).orElse(null);
		if (r == null || ev == null) {
			return;
		}
		Cpts c = cpts.publicIdentity(ev.cptsId()).orElseThrow();
		String token = Secrets.newToken();
		store.addToken(r.id(), token);
		String link = mail.url("/inscriptions/" + r.id() + "?jeton=" + token);
		String where = ev.place() + (ev.address() == null ? "" : ", " + ev.address());
		String subject = messages.get("prevention.mail." + what + ".subject", ev.title());
		String body = messages.get("prevention.mail." + what + ".body", r.name(), ev.title(), WHEN.format(ev.startsAt()), where, link, c.name(),
				store.ahead(r) + 1);
		List<Notifications.File> files = List.of();
		if (invitation || "cancelled".equals(what)) {
			boolean cancelled = "cancelled".equals(what);
			String ics = ICalendar.invitation(new ICalendar.Event("event-" + ev.id() + "-" + r.id() + "@maillage", ev.startsAt(), ev.endsAt(), ev.title(),
					where, ev.description(), link), c.name(), c.email(), r.email(), cancelled ? 1 : 0, cancelled);
			files = List.of(new Notifications.File("invitation.ics", "text/calendar; method=" + (cancelled ? "CANCEL" : "REQUEST") + "; charset=UTF-8",
					ics.getBytes(StandardCharsets.UTF_8)));
		}
		notifications.emailTo(r.email(), subject, body, files);
	}
}
