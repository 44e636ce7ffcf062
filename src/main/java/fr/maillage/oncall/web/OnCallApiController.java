package fr.maillage.oncall.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.CptsService;
import fr.maillage.oncall.OnDuty;
import fr.maillage.oncall.RosterKind;
import fr.maillage.oncall.RosterPattern;
import fr.maillage.oncall.Rosters;
import fr.maillage.oncall.Swaps;
import fr.maillage.platform.Problems;
import fr.maillage.reference.CommuneListResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** On-call duty in the JSON API: who is on duty (public), rosters, turns, assignments, swaps. */
@RestController
class OnCallApiController {

	record RosterJson(@Nullable RosterKind kind, @Nullable String name, @Nullable List<String> sectorCommunes, @Nullable RosterPattern pattern,
			@Nullable LocalTime shiftStart, @Nullable LocalTime shiftEnd, @Nullable String publicPhone, @Nullable String publicNote) {

		Rosters.RosterForm form() {
			return new Rosters.RosterForm(kind, name, sectorCommunes == null ? null : String.join("\n", sectorCommunes), pattern, shiftStart, shiftEnd,
					publicPhone, publicNote);
		}
	}

	record Assignee(@Nullable String assignee) {
	}

	record SwapJson(@Nullable UUID shiftA, @Nullable UUID shiftB, @Nullable String consentNote, @Nullable String note) {
	}

	record Decision(@Nullable String consentNote, @Nullable String note) {
	}

	record OnDutyAnswer(@Nullable Instant at, @Nullable LocalDate date, @Nullable String commune, Map<RosterKind, List<OnDuty.Entry>> entries) {
	}

	private final Rosters rosters;
	private final Swaps swaps;
	private final OnDuty onDuty;
	private final CptsService cpts;
	private final CommuneListResolver resolver;

	OnCallApiController(Rosters rosters, Swaps swaps, OnDuty onDuty, CptsService cpts, CommuneListResolver resolver) {
		this.rosters = rosters;
		this.swaps = swaps;
		this.onDuty = onDuty;
		this.cpts = cpts;
		this.resolver = resolver;
	}

	/** Public, as the "qui est de garde ?" page: the turns at {@code at} (default now), or during {@code date}. */
	@GetMapping("/api/v1/cpts/{id}/oncall")
	OnDutyAnswer onDuty(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable Instant at, @RequestParam(required = false) @Nullable String commune) {
		if (cpts.publicIdentity(id).isEmpty()) {
			throw new CptsAccess.NotVisibleException();
		}
		String code = null;
		if (commune != null && !commune.isBlank()) {
			code = resolver.resolveOne(commune.strip()).map(c -> c.inseeCode()).orElseThrow(() -> Problems.rejected("commune", "oncall.commune.unknown"));
		}
		if (date != null && at == null) {
			return new OnDutyAnswer(null, date, code, onDuty.onDay(id, date, code));
		}
		Instant when = at == null ? Instant.now() : at;
		return new OnDutyAnswer(when, null, code, onDuty.at(id, when, code));
	}

	@GetMapping("/api/v1/cpts/{id}/rosters")
	List<Rosters.Roster> list(@PathVariable UUID id) {
		return rosters.list(id);
	}

	@PostMapping("/api/v1/cpts/{id}/rosters")
	ResponseEntity<Rosters.Roster> create(@PathVariable UUID id, @RequestBody RosterJson json) {
		return ResponseEntity.status(HttpStatus.CREATED).body(rosters.create(id, json.form()));
	}

	@GetMapping("/api/v1/rosters/{id}")
	Rosters.Roster get(@PathVariable UUID id) {
		return rosters.get(id);
	}

	@PutMapping("/api/v1/rosters/{id}")
	Rosters.Roster update(@PathVariable UUID id, @RequestBody RosterJson json) {
		return rosters.update(id, json.form());
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		} catch (DateTimeParseException ex) {
			throw Problems.rejected("month", "oncall.month.unreadable");
		}
	}

	@GetMapping("/api/v1/rosters/{id}/shifts")
	List<Rosters.Shift> shifts(@PathVariable UUID id, @RequestParam(required = false) @Nullable String month) {
		YearMonth m = month == null ? YearMonth.now(RosterPattern.PARIS) : month(month);
		return rosters.shifts(id, Rosters.monthStart(m), Rosters.monthEnd(m));
	}

	@GetMapping("/api/v1/rosters/{id}/candidates")
	List<Rosters.Candidate> candidates(@PathVariable UUID id) {
		rosters.get(id);
		if (!rosters.manages(id)) {
			throw new org.springframework.security.access.AccessDeniedException("roster managers only");
		}
		return rosters.candidates(id);
	}

	record Prepared(int added, int filled) {
	}

	/** Writes the month's turns; {@code fill=true} also puts candidates on the empty ones in turn. */
	@PostMapping("/api/v1/rosters/{id}/months/{month}")
	ResponseEntity<Prepared> prepare(@PathVariable UUID id, @PathVariable String month, @RequestParam(defaultValue = "false") boolean fill) {
		YearMonth m = month(month);
		int added = rosters.prepareMonth(id, m);
		int filled = fill ? rosters.fillInTurn(id, m) : 0;
		return ResponseEntity.status(HttpStatus.CREATED).body(new Prepared(added, filled));
	}

	@PutMapping("/api/v1/shifts/{id}/assignee")
	Rosters.Shift assign(@PathVariable UUID id, @RequestBody Assignee a) {
		return rosters.assign(id, a.assignee());
	}

	@GetMapping("/api/v1/cpts/{id}/oncall/gaps")
	List<Rosters.Shift> gaps(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer days) {
		return rosters.gaps(id, Instant.now().plus(java.time.Duration.ofDays(days == null ? 31 : Math.clamp(days, 1, 366))));
	}

	@PostMapping("/api/v1/swaps")
	ResponseEntity<Swaps.Swap> propose(@RequestBody SwapJson j) {
		return ResponseEntity.status(HttpStatus.CREATED).body(swaps.propose(j.shiftA(), j.shiftB(), j.consentNote(), j.note()));
	}

	@GetMapping("/api/v1/swaps/{id}")
	Swaps.Swap swap(@PathVariable UUID id) {
		return swaps.get(id);
	}

	@PostMapping("/api/v1/swaps/{id}/accept")
	Swaps.Swap accept(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision d) {
		return swaps.accept(id, d == null ? null : d.consentNote());
	}

	@PostMapping("/api/v1/swaps/{id}/refuse")
	Swaps.Swap refuse(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision d) {
		return swaps.refuse(id, d == null ? null : d.note());
	}

	@PostMapping("/api/v1/swaps/{id}/cancel")
	Swaps.Swap cancel(@PathVariable UUID id) {
		return swaps.cancel(id);
	}

	@GetMapping("/api/v1/me/swaps")
	List<Swaps.Swap> mine() {
		return swaps.mine();
	}
}
