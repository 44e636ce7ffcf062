package fr.maillage.directory.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectoryImports;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.ImportStatus;
import fr.maillage.platform.Messages;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory's pages: search, and the RPPS import with its progress and report. */
@Controller
class DirectoryPagesController {

	static final String SEARCH_VIEW = "directory/search";
	static final String IMPORT_VIEW = "directory/import";
	static final String STATUS_VIEW = "directory/import-status";

	private final DirectorySearch search;
	private final DirectoryImports imports;
	private final CptsService cpts;
	private final CptsAccess access;
	private final Messages messages;
	private final fr.maillage.directory.DirectoryEditing editing;
	private final fr.maillage.reference.CommuneListResolver resolver;
	private final fr.maillage.reference.CommuneDirectory communes;
	private final DirectoryMap map;

	DirectoryPagesController(DirectorySearch search, DirectoryImports imports, CptsService cpts, CptsAccess access, Messages messages,
			fr.maillage.directory.DirectoryEditing editing, fr.maillage.reference.CommuneListResolver resolver,
			fr.maillage.reference.CommuneDirectory communes, DirectoryMap map) {
		this.map = map;
		this.editing = editing;
		this.communes = communes;
		this.resolver = resolver;
		this.search = search;
		this.imports = imports;
		this.cpts = cpts;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/annuaire")
	String search(@ModelAttribute("form") SearchForm form, jakarta.servlet.http.HttpServletRequest request, Model model) {
		// communes are typed by name ("Manosque", "Manosque (04)") or chosen in the suggestions (INSEE code)
		fr.maillage.platform.web.ListView list = listView(request, form.cards() ? 24 : 25);
		DirectorySearch.Query query = form.withCommunes(resolver.codeOrTyped(form.commune()), resolver.codeOrTyped(form.near()))
			.query(list.page(), list.size());
		model.addAttribute("query", query);
		model.addAttribute("list", list);
		model.addAttribute("approximate", query.near() != null && communes.find(query.near()).filter(c -> !c.hasCoordinates()).isPresent());
		try {
			DirectorySearch.Page result = search.practitioners(query, order(list), list.desc());
			list.total(result.total());
			model.addAttribute("result", result);
			if (form.map()) {
				map.addTo(model, search.countByCommune(query), list);
			}
		}
		catch (fr.maillage.platform.Problems.RejectedException ex) {
			var p = ex.problems().all().getFirst();
			model.addAttribute("failure", messages.get(p.key(), p.args().toArray()));
			model.addAttribute("result", new DirectorySearch.Page(java.util.List.of(), 0, 0, 25));
			if (form.map()) {
				map.addTo(model, java.util.Map.of(), list);
			}
		}
		model.addAttribute("canEdit", editing.canEdit());
		model.addAttribute("coordinated", access.current().map(u -> cpts.visible().stream().filter(c -> u.coordinates(c.id())).toList())
			.orElse(java.util.List.of()));
		model.addAttribute("today", java.time.LocalDate.now());
		return SEARCH_VIEW;
	}

	private static fr.maillage.platform.web.ListView listView(jakarta.servlet.http.HttpServletRequest request, int size) {
		return fr.maillage.platform.web.ListView.of(request, java.util.Set.of("name", "profession"), "name", false, size);
	}

	private static DirectorySearch.Order order(fr.maillage.platform.web.ListView list) {
		return DirectorySearch.Order.valueOf(list.sort().toUpperCase(java.util.Locale.ROOT));
	}

	@GetMapping({ "/annuaire/export.csv", "/annuaire/export.xlsx" })
	void export(@ModelAttribute SearchForm form, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws IOException {
		var format = request.getRequestURI().endsWith(".xlsx") ? fr.maillage.platform.TabularExport.Format.XLSX
				: fr.maillage.platform.TabularExport.Format.CSV;
		var query = form.withCommunes(resolver.codeOrTyped(form.commune()), resolver.codeOrTyped(form.near())).query(0, 200);
		var list = listView(request, 200);
		java.util.List<String> header = java.util.stream.Stream.of("nationalId", "lastName", "firstName", "profession", "skill", "site", "address",
				"postcode", "commune", "phone").map(k -> messages.get("directory.export." + k)).toList();
		fr.maillage.platform.TabularExport.write(response, format, "annuaire", messages.get("directory.title"), header, sink ->
			search.forEach(query, order(list), list.desc(), p -> {
				if (p.activities().isEmpty()) {
					sink.accept(java.util.Arrays.asList(p.nationalId(), p.lastName(), p.firstName(), p.professionLabel(), null, null, null, null, null, null));
				}
				for (var a : p.activities()) {
					sink.accept(java.util.Arrays.asList(p.nationalId(), p.lastName(), p.firstName(), p.professionLabel(), a.skillLabel(), a.siteName(),
							a.address(), a.postcode(), a.communeName(), a.phone()));
				}
			}));
	}

	@GetMapping("/cpts/{id}/annuaire/import")
	String importForm(@PathVariable UUID id, Model model) {
		access.requireCoordinator(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("annuaire", imports.annuaireAvailable());
		return IMPORT_VIEW;
	}

	@PostMapping("/cpts/{id}/annuaire/import-api")
	String startAnnuaireImport(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			return "redirect:/annuaire/imports/" + imports.startAnnuaire(id);
		}
		catch (fr.maillage.platform.Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", String.join(" ", messages.byField(ex.problems()).values()));
			return "redirect:/cpts/" + id + "/annuaire/import";
		}
	}

	@PostMapping("/cpts/{id}/annuaire/import")
	String startImport(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		access.requireCoordinator(id);
		model.addAttribute("annuaire", imports.annuaireAvailable());
		if (file == null || file.isEmpty()) {
			model.addAttribute("cpts", cpts.get(id));
			model.addAttribute("failure", messages.get("directory.import.noFile"));
			return IMPORT_VIEW;
		}
		try {
			UUID importId = imports.startRpps(id, file.getOriginalFilename() == null ? "rpps" : file.getOriginalFilename(), file.getInputStream());
			return "redirect:/annuaire/imports/" + importId;
		}
		catch (DirectoryImports.TooLargeException ex) {
			model.addAttribute("cpts", cpts.get(id));
			model.addAttribute("failure", messages.get("directory.import.tooLarge"));
			return IMPORT_VIEW;
		}
	}

	/** The status page; htmx polls its progress fragment until the import is finished. */
	@GetMapping("/annuaire/imports/{id}")
	String status(@PathVariable UUID id, HtmxRequest htmx, Model model) {
		ImportStatus status = imports.status(id);
		model.addAttribute("status", status);
		return htmx.isHtmxRequest() ? STATUS_VIEW + " :: progress" : STATUS_VIEW;
	}
}
