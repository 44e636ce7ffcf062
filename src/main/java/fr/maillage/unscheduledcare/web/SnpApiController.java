package fr.maillage.unscheduledcare.web;

import fr.maillage.platform.Messages;
import fr.maillage.unscheduledcare.Bookings;
import fr.maillage.unscheduledcare.SlotKind;
import fr.maillage.unscheduledcare.SlotFeed;
import fr.maillage.unscheduledcare.Slots;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Unscheduled-care slots and bookings in the JSON API. */
@RestController
class SnpApiController {

	/** One slot ({@code startsAt}, {@code endsAt}) or a recurring rule ({@code days}, {@code dayStart}, {@code dayEnd}, {@code slotMinutes}…), Paris time. */
	record SlotJson(@Nullable UUID cptsId, @Nullable UUID practitionerId, @Nullable UUID organizationId, @Nullable SlotKind kind,
			@Nullable String profession, @Nullable String siteLabel, @Nullable String commune, @Nullable LocalDateTime startsAt,
			@Nullable LocalDateTime endsAt, @Nullable Set<DayOfWeek> days, @Nullable LocalTime dayStart, @Nullable LocalTime dayEnd,
			@Nullable Integer slotMinutes, @Nullable Integer perDay, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
			@Nullable Boolean skipHolidays) {
	}

	record Taken(int status, String code, String message, List<Bookings.Slot> alternatives) {
	}

	record Reason(@Nullable String reason) {
	}

	record Outcome(@Nullable String outcome, @Nullable String note) {
	}

	record Absence(@Nullable UUID cptsId, @Nullable UUID practitionerId, @Nullable UUID organizationId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable String reason) {
	}

	private final Slots slots;
	private final Bookings bookings;
	private final Messages messages;
	private final fr.maillage.unscheduledcare.SnpIndicators indicators;

	private final SlotFeed feed;
	private final fr.maillage.directory.DirectorySearch directory;

	SnpApiController(Slots slots, Bookings bookings, Messages messages, fr.maillage.unscheduledcare.SnpIndicators indicators, SlotFeed feed,
			fr.maillage.directory.DirectorySearch directory) {
		this.feed = feed;
		this.directory = directory;
		this.indicators = indicators;
		this.slots = slots;
		this.bookings = bookings;
		this.messages = messages;
	}

	@PostMapping("/api/v1/slots")
	ResponseEntity<Slots.Published> publish(@RequestBody SlotJson j) {
		Slots.Owner owner = new Slots.Owner(j.practitionerId(), j.organizationId());
		Slots.Published published = j.days() != null || j.slotMinutes() != null
				? slots.publish(new Slots.RuleForm(j.cptsId(), owner, j.kind(), j.profession(), j.siteLabel(), j.commune(), j.days(), j.dayStart(),
						j.dayEnd(), j.slotMinutes(), j.perDay(), j.validFrom(), j.validUntil(), !Boolean.FALSE.equals(j.skipHolidays())))
				: slots.publish(new Slots.SlotForm(j.cptsId(), owner, j.kind(), j.profession(), j.siteLabel(), j.commune(), j.startsAt(), j.endsAt()));
		return ResponseEntity.status(HttpStatus.CREATED).body(published);
	}

	@GetMapping("/api/v1/me/slots")
	List<Slots.OwnSlot> myOwnSlots(@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to) {
		Instant start = from == null ? Instant.now() : from;
		return slots.mine(start, to == null ? start.plus(Duration.ofDays(31)) : to);
	}

	@PostMapping("/api/v1/slots/{id}/withdraw")
	ResponseEntity<Void> withdraw(@PathVariable UUID id) {
		slots.withdraw(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me/slot-rules")
	List<Slots.OwnRule> myRules() {
		return slots.myRules();
	}

	@PostMapping("/api/v1/slot-rules/{id}/withdraw")
	Slots.RuleWithdrawn withdrawRule(@PathVariable UUID id) {
		return slots.withdrawRule(id);
	}

	@PostMapping("/api/v1/absences")
	ResponseEntity<Slots.AbsenceResult> absence(@RequestBody Absence a) {
		return ResponseEntity.status(HttpStatus.CREATED).body(slots.declareAbsence(a.cptsId(), new Slots.Owner(a.practitionerId(), a.organizationId()),
				a.from(), a.to(), a.reason()));
	}

	@GetMapping("/api/v1/slots/search")
	List<Bookings.Slot> search(@RequestParam(required = false) @Nullable String profession, @RequestParam(required = false) @Nullable String commune,
			@RequestParam(required = false) @Nullable Double radiusKm, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit) {
		return bookings.search(new Bookings.Query(profession, commune, radiusKm, from, to, limit));
	}

	/**
	 * The slots of named professionals (national ids "8" + RPPS, comma-separated) over a window, as an
	 * agenda consumer reads them: the same search as the FHIR API's SAS query, in this API's JSON.
	 */
	@GetMapping("/api/v1/slots/of-professionals")
	SlotFeed.Page ofProfessionals(@RequestParam List<String> ids, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Boolean free,
			@RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
		return feed.find(new SlotFeed.Query(directory.idsOf(ids.stream().map(String::strip).toList()), from, to, free, Math.clamp(limit, 1, 100),
				Math.clamp(offset, 0, 10_000)));
	}

	@PostMapping("/api/v1/slots/{id}/booking")
	ResponseEntity<Bookings.Booking> book(@PathVariable UUID id, @RequestBody Bookings.BookingForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(bookings.book(id, form));
	}

	@ExceptionHandler(Bookings.SlotTakenException.class)
	ResponseEntity<Taken> taken(Bookings.SlotTakenException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(new Taken(409, "creneau_pris", messages.get("snp.booking.taken"), ex.alternatives()));
	}

	@GetMapping("/api/v1/bookings/{id}")
	Bookings.Booking booking(@PathVariable UUID id) {
		return bookings.get(id);
	}

	@PostMapping("/api/v1/bookings/{id}/cancel")
	Bookings.Booking cancel(@PathVariable UUID id, @RequestBody Reason reason) {
		bookings.cancel(id, reason.reason());
		return bookings.get(id);
	}

	@PostMapping("/api/v1/bookings/{id}/outcome")
	Bookings.Booking outcome(@PathVariable UUID id, @RequestBody Outcome outcome) {
		bookings.outcome(id, outcome.outcome(), outcome.note());
		return bookings.get(id);
	}

	@GetMapping("/api/v1/cpts/{id}/unscheduled-care/indicators")
	fr.maillage.unscheduledcare.SnpIndicators.Indicators indicators(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return indicators.compute(id, from, to);
	}

	@GetMapping("/api/v1/me/bookings")
	List<Bookings.Booking> mine() {
		return bookings.myBookings();
	}

	@GetMapping("/api/v1/me/slot-bookings")
	List<Bookings.Booking> mySlots(@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to) {
		Instant start = from == null ? Instant.now().minus(Duration.ofDays(7)) : from;
		return bookings.bookingsOfMySlots(start, to == null ? start.plus(Duration.ofDays(38)) : to);
	}
}
