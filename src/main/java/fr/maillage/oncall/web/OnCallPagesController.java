package fr.maillage.oncall.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.AccountLinks;
import fr.maillage.oncall.RosterKind;
import fr.maillage.oncall.RosterPattern;
import fr.maillage.oncall.Rosters;
import fr.maillage.oncall.Swaps;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.web.Flash;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** On-call duty in the browser: the month's planning grid, a roster's turns and who holds them, swaps, one's own turns. */
@Controller
class OnCallPagesController {

	private final Rosters rosters;
	private final Swaps swaps;
	private final CptsService cpts;
	private final CptsAccess access;
	private final AccountLinks links;
	private final Messages messages;

	OnCallPagesController(Rosters rosters, Swaps swaps, CptsService cpts, CptsAccess access, AccountLinks links, Messages messages) {
		this.rosters = rosters;
		this.swaps = swaps;
		this.cpts = cpts;
		this.access = access;
		this.links = links;
		this.messages = messages;
	}

	static YearMonth month(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return YearMonth.now(RosterPattern.PARIS);
		}
		try {
			return YearMonth.parse(typed.strip());
		} catch (DateTimeParseException ex) {
			return YearMonth.now(RosterPattern.PARIS);
		}
	}

	@GetMapping("/cpts/{id}/gardes")
	String grid(@PathVariable UUID id, @RequestParam(required = false) @Nullable String mois, Model model) {
		CurrentUser user = access.requireMember(id);
		YearMonth month = month(mois);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("grid", rosters.grid(id, month));
		model.addAttribute("coordinator", user.coordinates(id));
		model.addAttribute("kinds", RosterKind.values());
		model.addAttribute("patterns", RosterPattern.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", usual(RosterKind.PHARMACIE));
		}
		return "oncall/grid";
	}

	private static Map<String, String> usual(RosterKind kind) {
		Map<String, String> form = new HashMap<>();
		form.put("kind", kind.name());
		form.put("pattern", kind.usualPattern().name());
		form.put("shiftStart", kind.usualStart());
		form.put("shiftEnd", kind.usualEnd());
		form.put("publicPhone", kind.usualPhone() == null ? "" : kind.usualPhone());
		return form;
	}

	static Rosters.RosterForm form(Map<String, String> p) {
		return new Rosters.RosterForm(TypedValues.enumOf(RosterKind.class, p.get("kind")), p.get("name"), p.get("sector"), TypedValues.enumOf(RosterPattern.class, p.get("pattern")),
				TypedValues.time(p.get("shiftStart")), TypedValues.time(p.get("shiftEnd")), p.get("publicPhone"), p.get("publicNote"));
	}

	@PostMapping("/cpts/{id}/gardes")
	String create(@PathVariable UUID id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		try {
			Rosters.Roster r = rosters.create(id, form(p));
			redirect.addFlashAttribute("success", messages.get("oncall.roster.created", r.name()));
			return "redirect:/cpts/" + id + "/gardes/" + r.id();
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("form", p);
			return grid(id, null, model);
		}
	}

	@GetMapping("/cpts/{id}/gardes/{rosterId}")
	String roster(@PathVariable UUID id, @PathVariable UUID rosterId, @RequestParam(required = false) @Nullable String mois, Model model) {
		Rosters.Roster r = rosters.get(rosterId);
		if (!r.cptsId().equals(id)) {
			throw new CptsAccess.NotVisibleException();
		}
		YearMonth month = month(mois);
		boolean manager = rosters.manages(rosterId);
		List<Rosters.Shift> shifts = rosters.shifts(rosterId, Rosters.monthStart(month), Rosters.monthEnd(month));
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("roster", r);
		model.addAttribute("month", month);
		model.addAttribute("shifts", shifts);
		model.addAttribute("gaps", shifts.stream().filter(Rosters.Shift::gap).count());
		model.addAttribute("manager", manager);
		model.addAttribute("candidates", manager ? rosters.candidates(rosterId) : List.of());
		model.addAttribute("swaps", swaps.openOn(rosterId));
		model.addAttribute("managers", rosters.managers(rosterId));
		model.addAttribute("coordinator", access.requireUser().coordinates(id));
		model.addAttribute("kinds", RosterKind.values());
		model.addAttribute("patterns", RosterPattern.values());
		if (!model.containsAttribute("form")) {
			Map<String, String> form = new HashMap<>();
			form.put("kind", r.kind().name());
			form.put("name", r.name());
			form.put("sector", String.join("\n", r.sectorCommunes()));
			form.put("pattern", r.pattern().name());
			form.put("shiftStart", r.shiftStart().toString());
			form.put("shiftEnd", r.shiftEnd().toString());
			form.put("publicPhone", r.publicPhone() == null ? "" : r.publicPhone());
			form.put("publicNote", r.publicNote() == null ? "" : r.publicNote());
			model.addAttribute("form", form);
		}
		return "oncall/roster";
	}

	private String back(UUID id, UUID rosterId, @Nullable String mois) {
		return "redirect:/cpts/" + id + "/gardes/" + rosterId + (mois == null || mois.isBlank() ? "" : "?mois=" + month(mois));
	}

	@PostMapping("/cpts/{id}/gardes/{rosterId}")
	String update(@PathVariable UUID id, @PathVariable UUID rosterId, @RequestParam Map<String, String> p, Model model,
			RedirectAttributes redirect) {
		try {
			rosters.update(rosterId, form(p));
			redirect.addFlashAttribute("success", messages.get("oncall.roster.saved"));
			return back(id, rosterId, p.get("mois"));
		} catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("form", p);
			return roster(id, rosterId, p.get("mois"), model);
		}
	}

	@PostMapping("/cpts/{id}/gardes/{rosterId}/mois")
	String prepare(@PathVariable UUID id, @PathVariable UUID rosterId, @RequestParam(required = false) @Nullable String mois,
			RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> messages.get("oncall.month.prepared", rosters.prepareMonth(rosterId, parse(mois))));
		return back(id, rosterId, mois);
	}

	@PostMapping("/cpts/{id}/gardes/{rosterId}/tour-de-role")
	String fill(@PathVariable UUID id, @PathVariable UUID rosterId, @RequestParam(required = false) @Nullable String mois,
			RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> messages.get("oncall.month.filled", rosters.fillInTurn(rosterId, parse(mois))));
		return back(id, rosterId, mois);
	}

	@PostMapping("/cpts/{id}/gardes/{rosterId}/delegation")
	String delegate(@PathVariable UUID id, @PathVariable UUID rosterId, @RequestParam(required = false) @Nullable String email,
			RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> {
			rosters.delegate(rosterId, email);
			return messages.get("oncall.delegate.done");
		});
		return back(id, rosterId, null);
	}

	@PostMapping("/cpts/{id}/gardes/tours/{shiftId}")
	String assign(@PathVariable UUID id, @PathVariable UUID shiftId, @RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable String mois, RedirectAttributes redirect) {
		UUID[] roster = new UUID[1];
		Flash.say(messages, redirect, () -> {
			Rosters.Shift s = rosters.assign(shiftId, assignee);
			roster[0] = s.rosterId();
			return messages.get(s.gap() ? "oncall.shift.cleared" : "oncall.shift.assigned", s.gap() ? "" : s.assigneeLabel());
		});
		return roster[0] == null ? "redirect:/cpts/" + id + "/gardes" : back(id, roster[0], mois);
	}

	private static @Nullable YearMonth parse(@Nullable String mois) {
		try {
			return mois == null || mois.isBlank() ? null : YearMonth.parse(mois.strip());
		} catch (DateTimeParseException ex) {
			return null;
		}
	}


	// ---- one's own turns and swaps

	/** The turns a person holds (theirs, their pharmacy's) from now, with the other turns of each roster they could swap with. */
	@GetMapping("/gardes")
	String mine(Model model) {
		CurrentUser user = access.requireUser();
		AccountLinks.Represented me = links.represented(user.id());
		Instant now = Instant.now();
		Instant until = now.plus(java.time.Duration.ofDays(92));
		List<Map<String, Object>> mine = new ArrayList<>();
		Map<UUID, Rosters.Roster> seen = new LinkedHashMap<>();
		for (var c : cpts.visible()) {
			if (!user.roles().containsKey(c.id())) {
				continue;
			}
			for (Rosters.Roster r : rosters.list(c.id())) {
				List<Rosters.Shift> shifts = rosters.shifts(r.id(), now.minus(java.time.Duration.ofDays(7)), until).stream()
					.filter(s -> s.endsAt().isAfter(now)).toList();
				for (Rosters.Shift s : shifts) {
					if (me.holds(s.practitionerId(), s.organizationId())) {
						seen.put(r.id(), r);
						// a turn already started is not swapped any more: no form for it
						mine.add(Map.of("roster", r, "shift", s, "others", s.startsAt().isBefore(now) ? List.of()
								: shifts.stream().filter(o -> !o.gap() && !o.assigneeKey().equals(s.assigneeKey()) && o.startsAt().isAfter(now)).toList()));
					}
				}
			}
		}
		model.addAttribute("mine", mine);
		model.addAttribute("swaps", swaps.mine());
		model.addAttribute("cptsList", cpts.visible().stream().filter(c -> user.roles().containsKey(c.id())).toList());
		return "oncall/mine";
	}

	@PostMapping("/gardes/echanges")
	String propose(@RequestParam(required = false) @Nullable UUID shiftA, @RequestParam(required = false) @Nullable UUID shiftB,
			@RequestParam(required = false) @Nullable String consentNote, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> {
			swaps.propose(shiftA, shiftB, consentNote, note);
			return messages.get("oncall.swap.proposed");
		});
		return back != null && back.startsWith("/cpts/") ? "redirect:" + back : "redirect:/gardes";
	}

	@PostMapping("/gardes/echanges/{swapId}/{decision}")
	String decide(@PathVariable UUID swapId, @PathVariable String decision, @RequestParam(required = false) @Nullable String consentNote,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> switch (decision) {
			case "accepter" -> {
				swaps.accept(swapId, consentNote);
				yield messages.get("oncall.swap.acceptedFlash");
			}
			case "refuser" -> {
				swaps.refuse(swapId, note);
				yield messages.get("oncall.swap.refusedFlash");
			}
			case "annuler" -> {
				swaps.cancel(swapId);
				yield messages.get("oncall.swap.cancelledFlash");
			}
			default -> throw new CptsAccess.NotVisibleException();
		});
		return back != null && back.startsWith("/cpts/") ? "redirect:" + back : "redirect:/gardes";
	}
}
