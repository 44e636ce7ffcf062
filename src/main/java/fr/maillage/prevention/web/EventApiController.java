package fr.maillage.prevention.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.EventForm;
import fr.maillage.prevention.PreventionEvent;
import fr.maillage.prevention.PreventionEvents;
import fr.maillage.prevention.PublicAgenda;
import fr.maillage.prevention.Registration;
import fr.maillage.prevention.RegistrationForm;
import fr.maillage.prevention.Registrations;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events over the API: the organisers' side, the public registration and its cancellation by token, the public feed. */
@RestController
class EventApiController {

	private final PreventionEvents events;
	private final Registrations registrations;
	private final PublicAgenda agenda;
	private final CptsService cpts;
	private final fr.maillage.platform.PublicSubmissions submissions;
	private final int limit;
	private final fr.maillage.platform.Messages messages;

	EventApiController(PreventionEvents events, Registrations registrations, PublicAgenda agenda, CptsService cpts,
			fr.maillage.platform.PublicSubmissions submissions, fr.maillage.platform.Messages messages,
			@org.springframework.beans.factory.annotation.Value("${maillage.prevention.public-limit:20}") int limit) {
		this.messages = messages;
		this.events = events;
		this.registrations = registrations;
		this.agenda = agenda;
		this.cpts = cpts;
		this.submissions = submissions;
		this.limit = limit;
	}

	@GetMapping("/api/v1/cpts/{id}/events")
	List<PreventionEvents.Overview> list(@PathVariable UUID id) {
		return events.list(id);
	}

	@PostMapping("/api/v1/cpts/{id}/events")
	ResponseEntity<PreventionEvent> create(@PathVariable UUID id, @Valid @RequestBody EventForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(events.create(id, form));
	}

	@GetMapping("/api/v1/events/{eventId}")
	PreventionEvents.Overview get(@PathVariable UUID eventId) {
		return events.get(eventId);
	}

	@PutMapping("/api/v1/events/{eventId}")
	PreventionEvent update(@PathVariable UUID eventId, @Valid @RequestBody EventForm form) {
		return events.update(eventId, form);
	}

	@GetMapping("/api/v1/events/{eventId}/registrations")
	List<Registration> registrants(@PathVariable UUID eventId) {
		return events.registrants(eventId);
	}

	/** What a registrant gets back: their registration, how many wait before them, their own link's token. */
	record Taken(UUID id, Registration.Status status, long ahead, String token) {
	}

	@PostMapping("/api/v1/events/{eventId}/registrations")
	ResponseEntity<?> register(@PathVariable UUID eventId, @Valid @RequestBody RegistrationForm form, jakarta.servlet.http.HttpServletRequest request) {
		registrations.open(eventId);
		if (!submissions.allow("prevention:" + eventId, request.getRemoteAddr(), limit)) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.body(new fr.maillage.platform.ApiError(429, "trop_de_demandes", messages.get("prevention.registration.throttled"), null));
		}
		Registrations.Taken t = registrations.register(eventId, form);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Taken(t.registration().id(), t.registration().status(), t.ahead(), t.token()));
	}

	@DeleteMapping("/api/v1/events/{eventId}/registrations/{registrationId}")
	Registration cancel(@PathVariable UUID eventId, @PathVariable UUID registrationId, @RequestParam(required = false) @Nullable String token) {
		Registration r = registrations.cancel(registrationId, token);
		if (!r.eventId().equals(eventId)) {
			throw new NotFoundException();
		}
		return r;
	}

	record Attendance(@Nullable UUID registrationId, @Nullable Boolean present) {
	}

	@PostMapping("/api/v1/events/{eventId}/attendance")
	Registration attend(@PathVariable UUID eventId, @RequestBody Attendance a) {
		if (a.registrationId() == null) {
			throw Problems.rejected("registrationId", "prevention.registration.notRegistered");
		}
		return events.attend(eventId, a.registrationId(), a.present() == null || a.present());
	}

	@GetMapping(path = "/api/v1/cpts/{id}/events.ics", produces = "text/calendar")
	ResponseEntity<String> feed(@PathVariable UUID id) {
		var c = cpts.publicIdentity(id).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8")).body(agenda.feed(id, c.name()));
	}
}
