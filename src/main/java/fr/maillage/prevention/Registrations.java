package fr.maillage.prevention;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.RegistrationEvents.RegistrationCancelled;
import fr.maillage.prevention.RegistrationEvents.RegistrationPromoted;
import fr.maillage.prevention.RegistrationEvents.RegistrationTaken;
import fr.maillage.prevention.internal.EventStore;
import fr.maillage.shared.Secrets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering to an event and cancelling: the event's row is locked while a registration is
 * decided, so the capacity is exact and the waiting list keeps the order of arrival whatever the
 * crowd; a freed place goes to the first one waiting. The person's own link (a token, only its
 * hash stored) shows and cancels their registration. E-mails follow as events.
 */
@Service
public class Registrations {

	/** A registration just taken, with the link token that shows and cancels it, and how many wait before it. */
	public record Taken(Registration registration, String token, long ahead) {
	}

	private final EventStore store;
	private final CptsAccess access;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;

	Registrations(EventStore store, CptsAccess access, ApplicationEventPublisher events, AuditLog audit) {
		this.store = store;
		this.access = access;
		this.events = events;
		this.audit = audit;
	}

	/** What the public may know of an event (nothing of a members' one). */
	@Transactional(readOnly = true)
	public PreventionEvent open(UUID eventId) {
		PreventionEvent e = store.find(eventId).orElseThrow(NotFoundException::new);
		if (e.audience() == PreventionEvent.Audience.MEMBERS && access.current().filter(u -> u.belongsTo(e.cptsId())).isEmpty()) {
			throw new NotFoundException();
		}
		return e;
	}

	/**
	 * Registers someone. Everything that does not depend on the place is written first; then one
	 * short update of the event's row hands out the position and the place (or not), and the
	 * registration is inserted: the row's lock lasts that insert and the commit only.
	 */
	@Transactional
	public Taken register(UUID eventId, RegistrationForm f) {
		PreventionEvent e = store.find(eventId).orElseThrow(NotFoundException::new);
		UUID userId = null;
		if (e.audience() == PreventionEvent.Audience.MEMBERS) {
			userId = access.current().filter(u -> u.belongsTo(e.cptsId())).orElseThrow(NotFoundException::new).id();
		}
		Instant now = Instant.now();
		if (!e.takesRegistrations(now)) {
			throw closed(e);
		}
		if (f.name() == null || f.name().isBlank() || f.email() == null || f.email().isBlank()) {
			throw Problems.rejected("name", "prevention.registration.name.required");
		}
		String email = f.email().strip().toLowerCase(Locale.ROOT);
		if (store.standing(eventId, email)) {
			throw Problems.rejected("email", "prevention.registration.twice");
		}
		UUID id = UUID.randomUUID();
		String token = Secrets.newToken();
		store.addToken(id, token);
		events.publishEvent(new RegistrationTaken(id));
		audit.change("prevention.registration.taken", "event_registration", id.toString(), e.cptsId(), f.name().strip());
		EventStore.Seat seat = store.takeSeat(eventId).orElseThrow(() -> closed(e));
		Registration r = new Registration(id, eventId, seat.position(), f.name().strip(), email, blank(f.phone()), blank(f.profession()),
				seat.registered() ? Registration.Status.REGISTERED : Registration.Status.WAITING, now, null, null, null);
		try {
			store.insert(r, now, userId);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// the same address at the same instant: the unique index is the last word
			throw Problems.rejected("email", "prevention.registration.twice");
		}
		return new Taken(r, token, seat.registered() ? 0 : store.ahead(r));
	}

	private static Problems.RejectedException closed(PreventionEvent e) {
		return Problems.rejected("event", e.status() == PreventionEvent.Status.CANCELLED ? "prevention.event.cancelled" : "prevention.event.closedNow");
	}

	/** The person's own registration, through their link. */
	@Transactional
	public Registration mine(UUID registrationId, @Nullable String token) {
		Registration r = byToken(registrationId, token);
		audit.read("prevention.registration.read", "event_registration", registrationId.toString(), null, "par son lien");
		return r;
	}

	@Transactional(readOnly = true)
	public long ahead(Registration r) {
		return store.ahead(r);
	}

	/** The person cancels with their link; a forged or another registration's token gets nothing, a second use is told. */
	@Transactional
	public Registration cancel(UUID registrationId, @Nullable String token) {
		Registration r = byToken(registrationId, token);
		return cancel(store.find(r.eventId()).orElseThrow(), r, "par son lien");
	}

	/** The organisers cancel someone's registration. */
	@Transactional
	public Registration cancelForOrganiser(UUID eventId, UUID registrationId) {
		PreventionEvent e = store.find(eventId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(e.cptsId());
		Registration r = store.registration(registrationId).filter(x -> x.eventId().equals(eventId)).orElseThrow(NotFoundException::new);
		return cancel(e, r, "par les organisateurs");
	}

	/** Gives the free places to those waiting, first come first served; locks the event's row. */
	@Transactional
	public int fill(PreventionEvent e) {
		int registered = store.lockRegistered(e.id());
		int promoted = 0;
		while (registered < e.capacity()) {
			Registration next = store.firstWaiting(e.id()).orElse(null);
			if (next == null) {
				break;
			}
			store.update(next.promote(Instant.now()));
			store.addRegistered(e.id(), 1);
			registered++;
			events.publishEvent(new RegistrationPromoted(next.id()));
			audit.change("prevention.registration.promoted", "event_registration", next.id().toString(), e.cptsId(), next.name());
			promoted++;
		}
		return promoted;
	}

	private Registration cancel(PreventionEvent e, Registration r, String how) {
		store.lockRegistered(e.id());
		Registration fresh = store.registration(r.id()).orElseThrow();
		Registration cancelled = fresh.cancel(Instant.now());
		store.update(cancelled);
		events.publishEvent(new RegistrationCancelled(r.id()));
		audit.change("prevention.registration.cancelled", "event_registration", r.id().toString(), e.cptsId(), r.name() + " " + how);
		if (fresh.status() == Registration.Status.REGISTERED) {
			store.addRegistered(e.id(), -1);
			fill(e);
		}
		return cancelled;
	}

	private Registration byToken(UUID registrationId, @Nullable String token) {
		if (token == null || token.isBlank() || !store.tokenMatches(registrationId, token.strip())) {
			throw Problems.rejected("token", "prevention.registration.badLink");
		}
		return store.registration(registrationId).orElseThrow(NotFoundException::new);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
