package fr.maillage.cpts.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.web.MapPoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of a CPTS at /{slug}: name, contact, territory (on a map when the communes have
 * coordinates, over their contours when imported), then what the modules offer (sections).
 */
@Controller
class PublicPageController {

	/** A section ready to render: its fragment and its model. */
	record RenderedSection(String template, String name, java.util.Map<String, Object> model) {
		static RenderedSection of(String fragment, java.util.Map<String, Object> model) {
			String[] parts = fragment.split("::");
			return new RenderedSection(parts[0].strip(), parts[1].strip(), model);
		}
	}

	private final CptsService service;
	private final fr.maillage.platform.Messages messages;
	private final fr.maillage.cpts.CptsIdentity identity;
	private final java.util.List<fr.maillage.cpts.PublicPageSection> sections;

	PublicPageController(CptsService service, java.util.List<fr.maillage.cpts.PublicPageSection> sections, fr.maillage.platform.Messages messages,
			fr.maillage.cpts.CptsIdentity identity) {
		this.identity = identity;
		this.service = service;
		this.messages = messages;
		this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(fr.maillage.cpts.PublicPageSection::order)).toList();
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}")
	String page(@PathVariable String slug, Model model) {
		var cpts = service.publicPage(slug).orElseThrow(NotFoundException::new);
		var territory = service.publicTerritory(slug);
		model.addAttribute("cpts", cpts);
		model.addAttribute("territory", territory);
		model.addAttribute("look", identity.look(cpts.id()));
		java.util.List<MapPoint> points = territory.communes().stream().filter(c -> c.latitude() != null && c.longitude() != null)
			.map(c -> new MapPoint(c.latitude(), c.longitude(), messages.get("public.map.point", c.name(), c.population()), c.population(), null, null))
			.toList();
		model.addAttribute("mapPoints", points.isEmpty() ? null : MapPoint.json(points));
		model.addAttribute("mapContours", MapPoint.contoursPath(territory.communes().stream().map(c -> c.inseeCode()).toList()));
		model.addAttribute("sections", sections.stream().map(s -> RenderedSection.of(s.fragment(), s.model(cpts, territory)))
			.filter(r -> !r.model().isEmpty()).toList());
		return "cpts/public";
	}
}
