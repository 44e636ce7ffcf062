package fr.maillage.cpts.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.cpts.TerritoryEntry;
import fr.maillage.cpts.TerritoryPreviews;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.reference.ListResolution;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The territory pages: the list with totals, chart and map; its editing in three ways (pasted
 * or uploaded list, EPCI with exclusions and additions, commune by commune), always through a
 * preview where ambiguities are settled before anything is saved.
 */
@Controller
class TerritoryPagesController {

	static final String VIEW = "cpts/territory";
	static final String EDIT_VIEW = "cpts/territory-edit";
	static final String PREVIEW_VIEW = "cpts/territory-preview";

	private final CptsService service;
	private final TerritoryPreviews previews;
	private final CptsAccess access;
	private final Messages messages;

	private final fr.maillage.reference.CommuneContours contours;
	private final String tilesUrl;
	private final String tilesAttribution;

	TerritoryPagesController(CptsService service, TerritoryPreviews previews, CptsAccess access, Messages messages,
			fr.maillage.reference.CommuneContours contours, @org.springframework.beans.factory.annotation.Value("${maillage.map.tiles-url:}") String tilesUrl,
			@org.springframework.beans.factory.annotation.Value("${maillage.map.tiles-attribution:}") String tilesAttribution) {
		this.contours = contours;
		this.tilesUrl = tilesUrl;
		this.tilesAttribution = tilesAttribution;
		this.service = service;
		this.previews = previews;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/territoire")
	String territory(@PathVariable UUID id, Model model) {
		Cpts cpts = service.get(id);
		Territory territory = service.territory(id);
		model.addAttribute("cpts", cpts);
		model.addAttribute("territory", territory);
		model.addAttribute("canManage", access.requireUser().coordinates(id));
		model.addAttribute("chart", TerritoryCharts.populationChart(territory));
		model.addAttribute("mapPoints", TerritoryCharts.mapPoints(territory));
		model.addAttribute("contoursCount", contours.countAmong(territory.communes().stream().map(c -> c.inseeCode()).toList()));
		model.addAttribute("tilesUrl", tilesUrl.isBlank() ? null : tilesUrl);
		model.addAttribute("tilesAttribution", tilesAttribution);
		return VIEW;
	}

	@GetMapping("/cpts/{id}/territoire/modifier")
	String edit(@PathVariable UUID id, Model model) {
		access.requireCoordinator(id);
		model.addAttribute("cpts", service.get(id));
		model.addAttribute("territory", service.territory(id));
		return EDIT_VIEW;
	}

	/** A pasted or uploaded list, or the commune-by-commune form (kept codes plus additions). */
	@PostMapping("/cpts/{id}/territoire/apercu")
	String previewList(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(required = false) @Nullable List<String> keep,
			@RequestParam(defaultValue = "") String add, @RequestParam MultiValueMap<String, String> params, Model model) {
		Cpts cpts = service.get(id);
		access.requireCoordinator(id);
		StringBuilder list = new StringBuilder(text);
		if (file != null && file.getSize() > fr.maillage.platform.UploadLimits.LIST_BYTES) {
			model.addAttribute("cpts", cpts);
			model.addAttribute("territory", service.territory(id));
			model.addAttribute("failure", messages.get("error.tooLarge", fr.maillage.platform.UploadLimits.describe()));
			model.addAttribute("text", text);
			return EDIT_VIEW;
		}
		if (file != null && !file.isEmpty()) {
			String content = decode(file);
			if (content == null) {
				model.addAttribute("cpts", cpts);
				model.addAttribute("territory", service.territory(id));
				model.addAttribute("failure", messages.get("territory.file.notText", file.getOriginalFilename()));
				model.addAttribute("text", text);
				return EDIT_VIEW;
			}
			list.append('\n').append(content);
		}
		Map<String, Zone> carried = new LinkedHashMap<>();
		if (keep != null) {
			Map<String, Zone> current = currentZones(id);
			for (String code : keep) {
				if (code.isBlank()) {
					continue;
				}
				list.append('\n').append(code);
				if (current.containsKey(code)) {
					carried.put(code, current.get(code));
				}
			}
			list.append('\n').append(add);
		}
		if (list.toString().isBlank()) {
			model.addAttribute("cpts", cpts);
			model.addAttribute("territory", service.territory(id));
			model.addAttribute("failure", messages.get("territory.list.empty"));
			return EDIT_VIEW;
		}
		return showPreview(cpts, previews.fromText(id, list.toString()), carried, null, model);
	}

	@PostMapping("/cpts/{id}/territoire/apercu-epci")
	String previewEpci(@PathVariable UUID id, @RequestParam(defaultValue = "") String epci, @RequestParam(defaultValue = "") String remove,
			@RequestParam(defaultValue = "") String add, Model model) {
		Cpts cpts = service.get(id);
		var resolution = previews.fromEpci(id, epci.strip(), lines(add), lines(remove));
		if (resolution.isEmpty()) {
			model.addAttribute("cpts", cpts);
			model.addAttribute("territory", service.territory(id));
			model.addAttribute("failure", messages.get("territory.epci.unknown", epci));
			model.addAttribute("epci", epci);
			model.addAttribute("add", add);
			model.addAttribute("remove", remove);
			return EDIT_VIEW;
		}
		return showPreview(cpts, resolution.get(), Map.of(), null, model);
	}

	/**
	 * The preview form, posted back: "réexaminer" resolves it again with the choices and
	 * corrections made; "enregistrer" saves it, all or nothing, once every ambiguous line has a
	 * choice and every unresolved line is corrected or dropped.
	 */
	@PostMapping("/cpts/{id}/territoire")
	String confirm(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Cpts cpts = service.get(id);
		access.requireCoordinator(id);
		PreviewForm form = PreviewForm.parse(params);
		boolean save = params.containsKey("save");
		String blocking = save ? form.blockingProblem() : null;
		if (save && blocking == null) {
			try {
				Territory saved = service.replaceTerritory(id, form.entries());
				redirect.addFlashAttribute("success", messages.get("territory.saved", saved.communeCount(), saved.population()));
				return "redirect:/cpts/" + id + "/territoire";
			}
			catch (Problems.RejectedException ex) {
				blocking = "territory.save.rejected";
			}
		}
		ListResolution again = previews.fromText(id, form.textToResolveAgain());
		return showPreview(cpts, again, form.zonesByCode(), blocking == null ? null : messages.get(blocking), model);
	}

	private String showPreview(Cpts cpts, ListResolution resolution, Map<String, Zone> carried, @Nullable String failure, Model model) {
		PreviewView view = PreviewView.of(resolution, messages.source(), messages.locale());
		model.addAttribute("cpts", cpts);
		model.addAttribute("preview", view);
		model.addAttribute("zones", zonesFor(view, carried));
		model.addAttribute("failure", failure);
		return PREVIEW_VIEW;
	}

	/** Zone flags per resolved code: from the line itself, or carried from an earlier step. */
	private static Map<String, Zone> zonesFor(PreviewView view, Map<String, Zone> carried) {
		Map<String, Zone> zones = new LinkedHashMap<>(carried);
		for (PreviewView.LineView l : view.resolved()) {
			if (l.qpv() || l.zip() || l.zac() || l.zoneNote() != null) {
				zones.merge(l.inseeCode(), new Zone(l.qpv(), l.zip(), l.zac(), l.zoneNote()), Zone::or);
			}
		}
		for (PreviewView.LineView l : view.ambiguous()) {
			zones.putIfAbsent("line-" + l.line(), new Zone(l.qpv(), l.zip(), l.zac(), l.zoneNote()));
		}
		return zones;
	}

	private Map<String, Zone> currentZones(UUID id) {
		Map<String, Zone> zones = new LinkedHashMap<>();
		for (Territory.TerritoryCommune c : service.territory(id).communes()) {
			zones.put(c.inseeCode(), new Zone(c.qpv(), c.zip(), c.zac(), c.zoneNote()));
		}
		return zones;
	}

	/** UTF-8, else Latin-1 if the bytes are text; null for a binary file. */
	static @Nullable String decode(MultipartFile file) {
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			return null;
		}
		int controls = 0;
		for (byte b : bytes) {
			if (b == 0) {
				return null;
			}
			if (b >= 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
				controls++;
			}
		}
		if (controls > bytes.length / 100 + 2) {
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	private static List<String> lines(String s) {
		List<String> out = new ArrayList<>();
		for (String l : s.split("[\\r\\n,;]+")) {
			if (!l.isBlank()) {
				out.add(l.strip());
			}
		}
		return out;
	}

	/** Zone flags of a commune in a territory. */
	record Zone(boolean qpv, boolean zip, boolean zac, @Nullable String note) {
		Zone or(Zone other) {
			return new Zone(qpv || other.qpv, zip || other.zip, zac || other.zac, note != null ? note : other.note);
		}
	}

	/** The preview form as posted: kept codes with zones, choices for ambiguous lines, corrections for unresolved ones. */
	record PreviewForm(List<String> kept, Map<String, Zone> zonesByCode, Map<Integer, String> choices, Map<Integer, String> originals,
			Map<Integer, String> corrections, Set<Integer> dropped, boolean dropAllUnresolved, List<Integer> ambiguousLines,
			List<Integer> unresolvedLines, List<String> moreAmbiguous, List<String> moreUnresolved) {

		static PreviewForm parse(MultiValueMap<String, String> p) {
			List<String> kept = new ArrayList<>(new LinkedHashSet<>(p.getOrDefault("code", List.of())));
			Map<String, Zone> zones = new LinkedHashMap<>();
			Map<Integer, String> choices = new LinkedHashMap<>();
			Map<Integer, String> originals = new LinkedHashMap<>();
			Map<Integer, String> corrections = new LinkedHashMap<>();
			Set<Integer> dropped = new LinkedHashSet<>();
			List<Integer> ambiguous = ints(p.get("ambiguous"));
			List<Integer> unresolved = ints(p.get("unresolved"));
			for (String key : p.keySet()) {
				if (key.startsWith("zone-")) {
					String code = key.substring(5);
					zones.put(code, zone(p, code));
				}
			}
			for (Integer n : ambiguous) {
				String choice = p.getFirst("choice-" + n);
				if (choice != null && !choice.isBlank()) {
					choices.put(n, choice);
					if (!"-".equals(choice)) {
						zones.merge(choice, zone(p, "line-" + n), Zone::or);
					}
				}
				originals.put(n, p.getFirst("text-" + n) == null ? "" : p.getFirst("text-" + n));
			}
			for (Integer n : unresolved) {
				corrections.put(n, p.getFirst("text-" + n) == null ? "" : p.getFirst("text-" + n));
				if (p.containsKey("drop-" + n)) {
					dropped.add(n);
				}
			}
			// Lines beyond the 500 shown of each group travel in one field, so re-examining loses none.
			return new PreviewForm(kept, zones, choices, originals, corrections, dropped, p.containsKey("dropUnresolved"), ambiguous, unresolved,
					lines(p.getFirst("moreAmbiguous")), lines(p.getFirst("moreUnresolved")));
		}

		private static List<String> lines(@Nullable String text) {
			return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
		}

		private static Zone zone(MultiValueMap<String, String> p, String key) {
			String flags = p.getFirst("zone-" + key) == null ? "" : p.getFirst("zone-" + key);
			String note = p.getFirst("note-" + key);
			return new Zone(flags.contains("QPV"), flags.contains("ZIP"), flags.contains("ZAC"), note == null || note.isBlank() ? null : note);
		}

		private static List<Integer> ints(@Nullable List<String> values) {
			List<Integer> out = new ArrayList<>();
			if (values != null) {
				for (String v : values) {
					try {
						out.add(Integer.parseInt(v));
					}
					catch (NumberFormatException ignored) {
						// a tampered field: the line is simply not considered
					}
				}
			}
			return out;
		}

		/** Why the form cannot be saved yet, as a message key; null when it can. */
		@Nullable String blockingProblem() {
			for (Integer n : ambiguousLines) {
				if (!choices.containsKey(n)) {
					return "territory.confirm.chooseAmbiguous";
				}
			}
			if (!moreAmbiguous.isEmpty()) {
				return "territory.confirm.chooseAmbiguous";
			}
			if (!dropAllUnresolved && !moreUnresolved.isEmpty()) {
				return "territory.confirm.fixUnresolved";
			}
			if (!dropAllUnresolved) {
				for (Integer n : unresolvedLines) {
					if (!dropped.contains(n)) {
						return "territory.confirm.fixUnresolved";
					}
				}
			}
			if (entries().isEmpty()) {
				return "territory.confirm.empty";
			}
			return null;
		}

		List<TerritoryEntry> entries() {
			Set<String> codes = new LinkedHashSet<>(kept);
			choices.values().stream().filter(c -> !"-".equals(c)).forEach(codes::add);
			List<TerritoryEntry> out = new ArrayList<>();
			for (String code : codes) {
				Zone z = zonesByCode.getOrDefault(code, new Zone(false, false, false, null));
				out.add(new TerritoryEntry(code, z.qpv(), z.zip(), z.zac(), z.note()));
			}
			return out;
		}

		/** The list again: kept codes, chosen codes (or the line as typed), corrected lines. */
		String textToResolveAgain() {
			List<String> lines = new ArrayList<>(kept);
			for (Integer n : ambiguousLines) {
				String choice = choices.get(n);
				if (choice == null) {
					lines.add(originals.getOrDefault(n, ""));
				}
				else if (!"-".equals(choice)) {
					lines.add(choice);
				}
			}
			lines.addAll(moreAmbiguous);
			for (Integer n : unresolvedLines) {
				if (!dropped.contains(n) && !dropAllUnresolved) {
					lines.add(corrections.getOrDefault(n, ""));
				}
			}
			if (!dropAllUnresolved) {
				lines.addAll(moreUnresolved);
			}
			return String.join("\n", lines);
		}
	}
}
