package fr.maillage.prevention;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.internal.EventStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPTS's events as the coordination organises them: writing one, closing or cancelling its
 * registrations, the list of registrants (their data read by the organisers only, each read
 * audited) and attendance at the door.
 */
@Service
public class PreventionEvents {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** An event with where its registrations stand. */
	public record Overview(PreventionEvent event, EventStore.Counts counts) {
	}

	private final EventStore store;
	private final CptsAccess access;
	private final Registrations registrations;
	private final AuditLog audit;

	PreventionEvents(EventStore store, CptsAccess access, Registrations registrations, AuditLog audit) {
		this.store = store;
		this.access = access;
		this.registrations = registrations;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Overview> list(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return store.ofCpts(cptsId).stream().map(e -> new Overview(e, store.counts(e.id()))).toList();
	}

	@Transactional(readOnly = true)
	public Overview get(UUID eventId) {
		PreventionEvent e = store.find(eventId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(e.cptsId());
		return new Overview(e, store.counts(eventId));
	}

	/** The event's registrants: personal data, for its organisers; the read is audited. */
	@Transactional
	public List<Registration> registrants(UUID eventId) {
		PreventionEvent e = store.find(eventId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(e.cptsId());
		audit.read("prevention.registrants.read", "prevention_event", eventId.toString(), e.cptsId(), e.title());
		return store.registrations(eventId);
	}

	@Transactional
	public PreventionEvent create(UUID cptsId, EventForm form) {
		CurrentUser user = access.requireCoordinator(cptsId);
		PreventionEvent e = read(UUID.randomUUID(), cptsId, form, PreventionEvent.Status.OPEN, 0);
		store.insert(e, user.id());
		audit.change("prevention.event.created", "prevention_event", e.id().toString(), cptsId, e.title() + " le " + e.startsAt());
		return e;
	}

	@Transactional
	public PreventionEvent update(UUID eventId, EventForm form) {
		PreventionEvent before = store.lock(eventId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(before.cptsId());
		PreventionEvent e = read(eventId, before.cptsId(), form, before.status(), before.version());
		if (!store.update(e, form.versionValue() == null ? before.version() : form.versionValue())) {
			throw Problems.rejected("version", "prevention.event.changedMeanwhile");
		}
		audit.change("prevention.event.changed", "prevention_event", eventId.toString(), e.cptsId(), e.title());
		// more places: those waiting move up
		registrations.fill(e);
		return store.find(eventId).orElseThrow();
	}

	@Transactional
	public PreventionEvent close(UUID eventId, boolean open) {
		PreventionEvent before = store.lock(eventId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(before.cptsId());
		PreventionEvent e = open ? before.reopen() : before.close();
		store.update(e, before.version());
		audit.change(open ? "prevention.event.reopened" : "prevention.event.closed", "prevention_event", eventId.toString(), e.cptsId(), e.title());
		return e;
	}

	/** Present or not at the door, for a registered person. */
	@Transactional
	public Registration attend(UUID eventId, UUID registrationId, boolean present) {
		PreventionEvent e = store.find(eventId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(e.cptsId());
		Registration r = store.registration(registrationId).filter(x -> x.eventId().equals(eventId)).orElseThrow(NotFoundException::new);
		Registration after = r.attend(present ? Instant.now() : null);
		store.update(after);
		audit.change("prevention.attendance", "event_registration", registrationId.toString(), e.cptsId(), (present ? "présent : " : "absent : ") + r.name());
		return after;
	}

	private static PreventionEvent read(UUID id, UUID cptsId, EventForm f, PreventionEvent.Status status, int version) {
		Problems problems = new Problems();
		Instant starts = instant(f.startsAt(), "startsAt", problems);
		Instant ends = instant(f.endsAt(), "endsAt", problems);
		if (starts != null && ends != null && !ends.isAfter(starts)) {
			problems.reject("endsAt", "prevention.event.endsBeforeStart");
		}
		int capacity = 0;
		String cap = f.capacity() == null ? "" : f.capacity().strip();
		if (!cap.matches("\\d{1,6}") || (capacity = Integer.parseInt(cap)) < 1 || capacity > 100_000) {
			problems.reject("capacity", "prevention.event.capacity.range");
		}
		if (f.title() == null || f.title().isBlank()) {
			problems.reject("title", "prevention.event.title.required");
		}
		if (f.place() == null || f.place().isBlank()) {
			problems.reject("place", "prevention.event.place.required");
		}
		problems.throwIfAny();
		return new PreventionEvent(id, cptsId, f.title().strip(), blank(f.description()), f.audienceValue() == null ? PreventionEvent.Audience.PUBLIC : f.audienceValue(),
				starts, ends, f.place().strip(), blank(f.address()), blank(f.communeCode()), capacity, status, version);
	}

	private static @Nullable Instant instant(@Nullable String typed, String field, Problems problems) {
		if (typed == null || typed.isBlank()) {
			problems.reject(field, "prevention.event." + field + ".required");
			return null;
		}
		try {
			return LocalDateTime.parse(typed.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(PARIS).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.reject(field, "prevention.event.dateTime");
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
