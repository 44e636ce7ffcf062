package fr.maillage.unscheduledcare.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.Organizations;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.unscheduledcare.Bookings;
import fr.maillage.unscheduledcare.Professions;
import fr.maillage.unscheduledcare.SlotKind;
import fr.maillage.unscheduledcare.Slots;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Unscheduled care in the browser: find and book a slot, publish slots, see the bookings of one's slots. */
@Controller
class SnpPagesController {

	private final Slots slots;
	private final Bookings bookings;
	private final CptsAccess access;
	private final CptsService cpts;
	private final AccountLinks links;
	private final Organizations organizations;
	private final CommuneListResolver resolver;
	private final Messages messages;

	SnpPagesController(Slots slots, Bookings bookings, CptsAccess access, CptsService cpts, AccountLinks links, Organizations organizations,
			CommuneListResolver resolver, Messages messages) {
		this.slots = slots;
		this.bookings = bookings;
		this.access = access;
		this.cpts = cpts;
		this.links = links;
		this.organizations = organizations;
		this.resolver = resolver;
		this.messages = messages;
	}

	@GetMapping("/soins-non-programmes")
	String search(@RequestParam Map<String, String> params, Model model) {
		access.requireUser();
		model.addAttribute("professions", Professions.LABELS);
		model.addAttribute("form", params);
		if (params.containsKey("profession")) {
			try {
				LocalDate day = params.get("date") == null || params.get("date").isBlank() ? null : LocalDate.parse(params.get("date"));
				Instant from = day == null || !day.isAfter(LocalDate.now(Slots.PARIS)) ? Instant.now() : day.atStartOfDay(Slots.PARIS).toInstant();
				Double radius = params.get("radiusKm") == null || params.get("radiusKm").isBlank() ? null
						: Double.valueOf(params.get("radiusKm").replace(',', '.'));
				model.addAttribute("results", bookings.search(new Bookings.Query(params.get("profession"), resolver.codeOrTyped(params.get("commune")), radius,
						from, from.plus(Duration.ofDays(7)), 20)));
			} catch (Problems.RejectedException ex) {
				model.addAttribute("problems", messages.byField(ex.problems()));
			} catch (NumberFormatException | DateTimeParseException ex) {
				model.addAttribute("problems", Map.of("radiusKm", messages.get("snp.search.unreadable")));
			}
		}
		return "unscheduledcare/search";
	}

	@GetMapping("/soins-non-programmes/creneaux/{id}/reserver")
	String bookForm(@PathVariable UUID id, Model model) {
		model.addAttribute("slotId", id);
		model.addAttribute("form", new HashMap<String, String>());
		return "unscheduledcare/book";
	}

	@PostMapping("/soins-non-programmes/creneaux/{id}/reserver")
	String book(@PathVariable UUID id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		LocalDate birth = null;
		try {
			birth = p.get("patientBirthDate") == null || p.get("patientBirthDate").isBlank() ? null : LocalDate.parse(p.get("patientBirthDate"));
		} catch (DateTimeParseException e) {
			// reported as missing
		}
		try {
			Bookings.Booking b = bookings.book(id, new Bookings.BookingForm(p.get("patientName"), birth, p.get("patientPhone"), p.get("reason"),
					"true".equals(p.get("consent"))));
			redirect.addFlashAttribute("success", messages.get("snp.booked", b.slot().ownerLabel()));
			return "redirect:/soins-non-programmes/mes-reservations";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
		} catch (Bookings.SlotTakenException ex) {
			model.addAttribute("failure", messages.get("snp.booking.taken"));
			model.addAttribute("alternatives", ex.alternatives());
		}
		model.addAttribute("slotId", id);
		model.addAttribute("form", p);
		return "unscheduledcare/book";
	}

	@GetMapping("/soins-non-programmes/mes-reservations")
	String myBookings(Model model) {
		model.addAttribute("bookings", bookings.myBookings());
		return "unscheduledcare/my-bookings";
	}

	@GetMapping("/soins-non-programmes/mes-creneaux")
	String mySlots(Model model) {
		Instant from = Instant.now().minus(Duration.ofDays(7));
		model.addAttribute("bookings", bookings.bookingsOfMySlots(from, from.plus(Duration.ofDays(45))));
		model.addAttribute("rules", slots.myRules());
		model.addAttribute("open", slots.mine(Instant.now(), Instant.now().plus(Duration.ofDays(14))).stream().filter(x -> !x.booked()).toList());
		owners(model);
		return "unscheduledcare/my-slots";
	}

	@PostMapping("/soins-non-programmes/reservations/{id}/issue")
	String outcome(@PathVariable UUID id, @RequestParam(required = false) @Nullable String outcome, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> bookings.outcome(id, outcome, note), "snp.outcome.saved");
		return "redirect:/soins-non-programmes/mes-creneaux";
	}

	@PostMapping("/soins-non-programmes/reservations/{id}/annulation")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> bookings.cancel(id, reason), "snp.cancelled");
		return "reservations".equals(back) ? "redirect:/soins-non-programmes/mes-reservations" : "redirect:/soins-non-programmes/mes-creneaux";
	}


	@PostMapping("/soins-non-programmes/creneaux/{id}/retrait")
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> slots.withdraw(id), "snp.withdrawn");
		return "redirect:/soins-non-programmes/mes-creneaux";
	}

	@PostMapping("/soins-non-programmes/regles/{id}/retrait")
	String withdrawRule(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Slots.RuleWithdrawn r = slots.withdrawRule(id);
			redirect.addFlashAttribute("success", messages.get("snp.rule.withdrawn", r.removed(), r.stillBooked()));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
		}
		return "redirect:/soins-non-programmes/mes-creneaux";
	}

	@PostMapping("/soins-non-programmes/absences")
	String absence(@RequestParam Map<String, String> p, RedirectAttributes redirect) {
		String owner = p.getOrDefault("owner", "");
		UUID practitioner = owner.startsWith("p:") ? TypedValues.uuid(owner.substring(2)) : null;
		UUID organization = owner.startsWith("o:") ? TypedValues.uuid(owner.substring(2)) : null;
		UUID cptsId = TypedValues.uuid(p.get("cptsId"));
		try {
			Slots.AbsenceResult r = slots.declareAbsence(cptsId, new Slots.Owner(practitioner, organization), TypedValues.date(p.get("from")), TypedValues.date(p.get("to")),
					p.get("reason"));
			redirect.addFlashAttribute("success", messages.get("snp.absence.done", r.removed(), r.stillBooked()));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
		}
		return "redirect:/soins-non-programmes/mes-creneaux";
	}

	/** For whom the user publishes or declares absences (themselves, their structures), and in which CPTS. */
	private void owners(Model model) {
		CurrentUser user = access.requireUser();
		Map<String, String> owners = new LinkedHashMap<>();
		links.practitionerOf(user.id()).ifPresent(p -> owners.put("p:" + p, messages.get("snp.publish.myself")));
		for (UUID o : links.organizationsOf(user.id())) {
			owners.put("o:" + o, organizations.get(o).name());
		}
		model.addAttribute("owners", owners);
		model.addAttribute("cptsList", cpts.visible().stream().filter(c -> user.roles().containsKey(c.id())).toList());
	}

	@GetMapping("/soins-non-programmes/publier")
	String publishForm(Model model) {
		Map<String, String> form = new HashMap<>();
		form.put("mode", "rule");
		form.put("dayStart", "08:00");
		form.put("dayEnd", "12:00");
		form.put("slotMinutes", "20");
		form.put("validFrom", LocalDate.now(Slots.PARIS).plusDays(1).toString());
		return publishPage(model, form, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
	}

	private String publishPage(Model model, Map<String, String> form, Set<DayOfWeek> days) {
		owners(model);
		model.addAttribute("kinds", SlotKind.values());
		model.addAttribute("professions", Professions.LABELS);
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("days", days);
		model.addAttribute("form", form);
		return "unscheduledcare/publish";
	}

	@PostMapping("/soins-non-programmes/publier")
	String publish(@RequestParam Map<String, String> p, @RequestParam(required = false) @Nullable List<DayOfWeek> days, Model model,
			RedirectAttributes redirect) {
		String owner = p.getOrDefault("owner", "");
		UUID practitioner = owner.startsWith("p:") ? TypedValues.uuid(owner.substring(2)) : null;
		UUID organization = owner.startsWith("o:") ? TypedValues.uuid(owner.substring(2)) : null;
		UUID cptsId = TypedValues.uuid(p.get("cptsId"));
		SlotKind kind = TypedValues.enumOf(SlotKind.class, p.get("kind"));
		Set<DayOfWeek> chosen = days == null ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
		try {
			Slots.Published published;
			if ("single".equals(p.get("mode"))) {
				published = slots.publish(new Slots.SlotForm(cptsId, new Slots.Owner(practitioner, organization), kind, p.get("profession"),
						p.get("siteLabel"), resolver.codeOrTyped(p.get("commune")), TypedValues.dateTime(p.get("startsAt")), TypedValues.dateTime(p.get("endsAt"))));
			} else {
				published = slots.publish(new Slots.RuleForm(cptsId, new Slots.Owner(practitioner, organization), kind, p.get("profession"),
						p.get("siteLabel"), resolver.codeOrTyped(p.get("commune")), chosen, TypedValues.time(p.get("dayStart")), TypedValues.time(p.get("dayEnd")),
						TypedValues.integer(p.get("slotMinutes")), TypedValues.integer(p.get("perDay")), TypedValues.date(p.get("validFrom")), TypedValues.date(p.get("validUntil")),
						!"false".equals(p.get("skipHolidays"))));
			}
			redirect.addFlashAttribute("success", messages.get("snp.published", published.count()));
			return "redirect:/soins-non-programmes/mes-creneaux";
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
		}
		return publishPage(model, p, chosen);
	}

}
