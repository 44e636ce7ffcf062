package fr.maillage.notifications.internal;

import fr.maillage.notifications.ContactPoints;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.notifications.SmsProvider;
import fr.maillage.platform.Mail;
import fr.maillage.platform.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The e-mails and SMS of notices, in their readers' words. What is about a patient is written out
 * only on the MSSanté route; by ordinary e-mail and by SMS the reader learns only that a message
 * waits in Maillage, with the link to it (a link names no one).
 */
@org.springframework.stereotype.Component
public class NoticeMail {

	private final MssanteRouting routing;
	private final List<ContactPoints> contactPoints;
	private final SmsProvider sms;
	private final Messages messages;
	private final Mail mail;

	NoticeMail(MssanteRouting routing, List<ContactPoints> contactPoints, SmsProvider sms, Messages messages, Mail mail) {
		this.routing = routing;
		this.contactPoints = contactPoints;
		this.sms = sms;
		this.messages = messages;
		this.mail = mail;
	}

	/**
	 * The e-mails of the notices to send by e-mail now ({@code byEmail}, with their notification ids)
	 * with the files {@code filesOf} gives, and the SMS of the urgent ones among {@code all}.
	 */
	public List<Outbox.Message> of(List<Notice> byEmail, List<UUID> byEmailIds, List<Notice> all, List<UUID> allIds,
			Function<Notice, List<Notifications.File>> filesOf) {
		List<Outbox.Message> out = new ArrayList<>();
		Map<UUID, MssanteRouting.Route> routes = routing.of(byEmail.stream().map(Notice::userId).distinct().toList());
		for (int i = 0; i < byEmail.size(); i++) {
			Notice n = byEmail.get(i);
			MssanteRouting.Route route = routes.get(n.userId());
			if (route == null) {
				continue;
			}
			if (n.aboutPatient() && !route.secure()) {
				out.add(Outbox.Message.email(byEmailIds.get(i), route.address(), urgent(n) + messages.get("notifications.mail.patient.subject"),
						messages.get("notifications.mail.patient.body", link(n), mail.url("/notifications/preferences"))));
			}
			else {
				out.add(Outbox.Message.email(byEmailIds.get(i), route.address(), urgent(n) + messages.get("notifications.mail.subject", n.title()),
						messages.get("notifications.mail.body", n.title(), n.body(), link(n), mail.url("/notifications/preferences")))
					.with(filesOf.apply(n).stream().map(f -> new Outbox.Attachment(f.name(), f.contentType(), f.content())).toList()));
			}
		}
		List<UUID> urgentUsers = all.stream().filter(Notice::urgent).map(Notice::userId).distinct().toList();
		if (!urgentUsers.isEmpty() && sms.enabled()) {
			Map<UUID, String> mobiles = new HashMap<>();
			contactPoints.forEach(c -> c.mobiles(urgentUsers).forEach(mobiles::putIfAbsent));
			for (int i = 0; i < all.size(); i++) {
				Notice n = all.get(i);
				if (n.urgent() && mobiles.containsKey(n.userId())) {
					out.add(Outbox.Message.sms(allIds.get(i), mobiles.get(n.userId()),
							n.aboutPatient() ? messages.get("notifications.sms.patient", link(n)) : n.title() + " – " + n.body()));
				}
			}
		}
		return out;
	}

	/**
	 * An e-mail to an address alone (someone without an account); about a patient, its content
	 * goes only to an MSSanté address through MSSanté, anyone else is told where to ask.
	 */
	public Outbox.Message toAddress(String address, String subject, String body, List<Notifications.File> files, boolean aboutPatient) {
		if (aboutPatient && !routing.secure(address)) {
			return Outbox.Message.email(null, address, messages.get("notifications.mail.patient.subject"),
					messages.get("notifications.mail.patient.external"));
		}
		return Outbox.Message.email(null, address, subject, body)
			.with(files.stream().map(f -> new Outbox.Attachment(f.name(), f.contentType(), f.content())).toList());
	}

	private String urgent(Notice n) {
		return n.urgent() ? messages.get("notifications.mail.urgentPrefix") + " " : "";
	}

	private String link(Notice n) {
		return n.link() == null ? mail.url("/notifications") : mail.url(n.link());
	}
}
