package fr.maillage.association.web;

import fr.maillage.association.Applications;
import fr.maillage.association.Board;
import fr.maillage.association.Colleges;
import fr.maillage.association.Fees;
import fr.maillage.association.Members;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.platform.Messages;
import fr.maillage.platform.TabularExport;
import fr.maillage.platform.web.ListView;
import fr.maillage.shared.Euros;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two long lists of the association, searched, filtered, sorted, paginated and exported with
 * the shared list ({@link ListView}): the members (filters: status, college) and who paid the
 * year's fee (filters: college, paid or not). The lists are one CPTS's, a few hundred rows: they
 * are filtered in memory.
 */
@Controller
class AssociationListsController {

	private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);
	private static final Map<String, Comparator<Members.Member>> MEMBER_ORDERS = Map.of(
			"name", Comparator.comparing(Members.Member::name, FRENCH),
			"college", Comparator.comparing(Members.Member::collegeName, FRENCH),
			"since", Comparator.comparing(Members.Member::since),
			"status", Comparator.comparing(Members.Member::status));
	private static final Map<String, Comparator<Fees.Standing>> STANDING_ORDERS = Map.of(
			"name", Comparator.comparing((Fees.Standing s) -> s.member().name(), FRENCH),
			"college", Comparator.comparing((Fees.Standing s) -> s.member().collegeName(), FRENCH),
			"due", Comparator.comparingLong(Fees.Standing::dueCents),
			"paid", Comparator.comparingLong(Fees.Standing::paidCents),
			"balance", Comparator.comparingLong(Fees.Standing::balanceCents));

	private final Members members;
	private final Colleges colleges;
	private final Applications applications;
	private final Fees fees;
	private final Board board;
	private final CptsService cpts;
	private final DirectorySearch directory;
	private final Messages messages;

	AssociationListsController(Members members, Colleges colleges, Applications applications, Fees fees, Board board, CptsService cpts,
			DirectorySearch directory, Messages messages) {
		this.members = members;
		this.colleges = colleges;
		this.applications = applications;
		this.fees = fees;
		this.board = board;
		this.cpts = cpts;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/adherents")
	String members(@PathVariable UUID id, @RequestParam(required = false) @Nullable String chercher,
			@RequestParam(required = false) @Nullable String statut, @RequestParam(required = false) @Nullable UUID college,
			HttpServletRequest request, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		boolean manage = board.may(id);
		ListView list = memberView(request).exportable(manage);
		Members.@Nullable Status status = status(statut);
		model.addAttribute("members", list.apply(members.list(id, status, college), named(list, Members.Member::name), MEMBER_ORDERS));
		model.addAttribute("list", list);
		model.addAttribute("status", status);
		model.addAttribute("statuses", Members.Status.values());
		model.addAttribute("college", college);
		model.addAttribute("colleges", colleges.list(id));
		model.addAttribute("manage", manage);
		model.addAttribute("chercher", chercher == null ? "" : chercher);
		model.addAttribute("today", LocalDate.now(Board.PARIS));
		if (manage) {
			model.addAttribute("applications", applications.pending(id));
			model.addAttribute("found", chercher == null || chercher.isBlank() ? List.of()
					: directory.practitioners(new DirectorySearch.Query(chercher, null, null, null, 0, 10)).items());
		}
		return "association/members";
	}

	/** The members as the board sees them, with e-mail addresses: the board only. */
	@GetMapping("/cpts/{id}/adherents/export.{format:csv|xlsx}")
	void exportMembers(@PathVariable UUID id, @PathVariable String format, @RequestParam(required = false) @Nullable String statut,
			@RequestParam(required = false) @Nullable UUID college, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!board.may(id)) {
			throw new AccessDeniedException("members export is the board's");
		}
		ListView list = memberView(request);
		List<Members.Member> rows = sortedWhole(members.list(id, status(statut), college), list, named(list, Members.Member::name), MEMBER_ORDERS);
		TabularExport.write(response, format(format), "adherents", messages.get("association.members.title"),
				List.of(messages.get("association.members.name"), messages.get("association.members.profession"), messages.get("association.export.email"),
						messages.get("association.members.college"), messages.get("association.members.since"), messages.get("association.members.status"),
						messages.get("association.members.honorary")),
				sink -> rows.forEach(m -> sink.accept(Arrays.asList(m.name(), m.profession(), m.email(), m.collegeName(), m.since(),
						messages.get(m.status().labelKey()), m.honorary() ? messages.get("association.export.yes") : ""))));
	}

	@GetMapping("/cpts/{id}/cotisations")
	String fees(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer annee, @RequestParam(required = false) @Nullable UUID college,
			@RequestParam(required = false) @Nullable String situation, HttpServletRequest request, Model model) {
		int year = annee == null ? LocalDate.now(Board.PARIS).getYear() : annee;
		ListView list = standingView(request);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("year", year);
		model.addAttribute("manage", true);
		model.addAttribute("rates", fees.rates(id, year));
		model.addAttribute("standings", list.apply(fees.standings(id, year), standing(list, college, situation), STANDING_ORDERS));
		model.addAttribute("list", list);
		model.addAttribute("college", college);
		model.addAttribute("situation", situation);
		model.addAttribute("colleges", colleges.list(id));
		model.addAttribute("statement", fees.statement(id, year));
		return "association/fees";
	}

	/** Who paid the year's fee, with the same filters and order as the page. */
	@GetMapping("/cpts/{id}/cotisations/export.{format:csv|xlsx}")
	void exportStandings(@PathVariable UUID id, @PathVariable String format, @RequestParam(required = false) @Nullable Integer annee,
			@RequestParam(required = false) @Nullable UUID college, @RequestParam(required = false) @Nullable String situation,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		int year = annee == null ? LocalDate.now(Board.PARIS).getYear() : annee;
		ListView list = standingView(request);
		List<Fees.Standing> rows = sortedWhole(fees.standings(id, year), list, standing(list, college, situation), STANDING_ORDERS);
		TabularExport.write(response, format(format), "situations-cotisations-" + year, messages.get("association.export.sheet"),
				List.of(messages.get("association.export.member"), messages.get("association.export.college"), messages.get("association.export.year"),
						messages.get("association.export.due"), messages.get("association.export.paid"), messages.get("association.export.balance")),
				sink -> rows.forEach(s -> sink.accept(Arrays.asList(s.member().name(), s.member().collegeName(), year, Euros.plain(s.dueCents()),
						Euros.plain(s.paidCents()), Euros.plain(s.balanceCents())))));
	}

	private static ListView memberView(HttpServletRequest request) {
		return ListView.of(request, MEMBER_ORDERS.keySet(), "name", false, 50);
	}

	private static ListView standingView(HttpServletRequest request) {
		return ListView.of(request, STANDING_ORDERS.keySet(), "name", false, 50);
	}

	/** Every row that matches, in the list's order: what an export writes. */
	private static <T> List<T> sortedWhole(List<T> all, ListView list, Predicate<T> matches, Map<String, Comparator<T>> orders) {
		Comparator<T> order = orders.get(list.sort());
		List<T> kept = all.stream().filter(matches).toList();
		return order == null ? kept : kept.stream().sorted(list.desc() ? order.reversed() : order).toList();
	}

	private static <T> Predicate<T> named(ListView list, java.util.function.Function<T, String> name) {
		String words = fold(list.q());
		return row -> words.isEmpty() || Arrays.stream(words.split("\\s+")).allMatch(fold(name.apply(row))::contains);
	}

	private static Predicate<Fees.Standing> standing(ListView list, @Nullable UUID college, @Nullable String situation) {
		Predicate<Fees.Standing> byName = named(list, s -> s.member().name());
		return s -> byName.test(s) && (college == null || college.equals(s.member().collegeId()))
				&& (situation == null || situation.isBlank() || ("paye".equals(situation) == (s.balanceCents() <= 0)));
	}

	private static String fold(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
	}

	private static Members.@Nullable Status status(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(Members.Status.values()).filter(s -> s.name().equalsIgnoreCase(value.strip())).findFirst().orElse(null);
	}

	private static TabularExport.Format format(String format) {
		return TabularExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
	}
}
