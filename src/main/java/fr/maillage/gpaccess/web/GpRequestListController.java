package fr.maillage.gpaccess.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.Role;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.gpaccess.GpCapacities;
import fr.maillage.gpaccess.GpRequest;
import fr.maillage.gpaccess.GpRequestList;
import fr.maillage.gpaccess.GpRequests;
import fr.maillage.gpaccess.RequestStatus;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import fr.maillage.platform.web.ListView;
import fr.maillage.reference.CommuneDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hub of the GP-access mission: for coordinators the register of requests (status filter,
 * search by number or name, sort by column, pages, export with the same filters); for the others
 * the way to file a request and, for GPs, their proposals.
 */
@Controller
class GpRequestListController {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final java.util.Set<String> SORTS = Arrays.stream(GpRequestList.Sort.values()).map(GpRequestList.Sort::key)
		.collect(Collectors.toSet());

	private final CptsService cpts;
	private final CptsAccess access;
	private final GpRequestList list;
	private final GpCapacities capacities;
	private final CommuneDirectory communes;
	private final Messages messages;

	GpRequestListController(CptsService cpts, CptsAccess access, GpRequestList list, GpCapacities capacities, CommuneDirectory communes,
			Messages messages) {
		this.cpts = cpts;
		this.access = access;
		this.list = list;
		this.capacities = capacities;
		this.communes = communes;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/medecin-traitant")
	String hub(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status, HttpServletRequest request, Model model) {
		Cpts c = cpts.get(id);
		boolean coordinator = access.requireMember(id).has(id, Role.COORDINATOR);
		model.addAttribute("cpts", c);
		model.addAttribute("coordinator", coordinator);
		model.addAttribute("myPractitioner", capacities.myPractitioner().orElse(null));
		if (coordinator) {
			ListView view = view(request);
			RequestStatus s = parse(status);
			GpRequests.Page page = list.page(id, query(s, view), view.page(), view.size());
			view.total(page.total());
			model.addAttribute("list", view);
			model.addAttribute("status", s);
			model.addAttribute("statuses", RequestStatus.values());
			model.addAttribute("page", page);
			model.addAttribute("communeNames", communeNames(page.items().stream().map(r -> r.patient().contact().communeCode()).toList()));
		}
		return "gpaccess/hub";
	}

	@GetMapping("/cpts/{id}/medecin-traitant/export.{format:csv|xlsx}")
	void export(@PathVariable UUID id, @PathVariable String format, @RequestParam(required = false) @Nullable String status,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		access.requireCoordinatorForPatients(id);
		GpRequestList.Query query = query(parse(status), view(request));
		List<GpRequest> rows = new ArrayList<>();
		list.forEach(id, query, rows::add);
		Map<String, String> names = communeNames(rows.stream().map(r -> r.patient().contact().communeCode()).toList());
		LocalDate today = LocalDate.now(PARIS);
		List<String> header = List.of(messages.get("gpaccess.hub.number"), messages.get("gpaccess.hub.filedAt"), messages.get("gpaccess.hub.status"),
				messages.get("gpaccess.export.waitingDays"), messages.get("gpaccess.hub.patient"), messages.get("gpaccess.export.birthDate"),
				messages.get("gpaccess.hub.commune"), messages.get("gpaccess.hub.criteria"), messages.get("gpaccess.hub.gp"));
		TabularExport.write(response, TabularExport.Format.valueOf(format.toUpperCase(Locale.ROOT)), "demandes-medecin-traitant",
				messages.get("gpaccess.title"), header, sink -> rows.forEach(r -> {
					LocalDate filed = r.filedAt().atZone(PARIS).toLocalDate();
					String code = r.patient().contact().communeCode();
					sink.accept(Arrays.asList(r.number(), filed, messages.get(r.status().labelKey()),
							r.status() == RequestStatus.PENDING ? ChronoUnit.DAYS.between(filed, today) : null, r.patient().identity().displayName(),
							r.patient().identity().birthDate(), names.getOrDefault(code, code), criteria(r), r.practitionerName()));
				}));
	}

	private static ListView view(HttpServletRequest request) {
		return ListView.of(request, SORTS, GpRequestList.Sort.FILED.key(), true, 50);
	}

	private static GpRequestList.Query query(@Nullable RequestStatus status, ListView view) {
		return new GpRequestList.Query(status, view.like(), GpRequestList.Sort.valueOf(view.sort().toUpperCase(Locale.ROOT)), view.desc());
	}

	private String criteria(GpRequest r) {
		List<String> out = new ArrayList<>();
		if (r.ald()) {
			out.add(messages.get("gpaccess.criterion.ALD"));
		}
		if (r.c2s()) {
			out.add(messages.get("gpaccess.criterion.C2S"));
		}
		if (r.homeVisit()) {
			out.add(messages.get("gpaccess.criterion.HOME_VISIT"));
		}
		return String.join(", ", out);
	}

	private Map<String, String> communeNames(Collection<String> codes) {
		Map<String, String> names = new HashMap<>();
		communes.findAll(codes.stream().distinct().toList()).forEach(c -> names.put(c.inseeCode(), c.name()));
		return names;
	}

	private static @Nullable RequestStatus parse(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw Problems.rejected("status", "gpaccess.status.unknown", status);
		}
	}
}
