package fr.maillage.directory.web;

import fr.maillage.platform.Messages;
import fr.maillage.platform.web.ListView;
import fr.maillage.platform.web.MapPoint;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The directory's results on a map: a circle per commune sized by how many practitioners that
 * match work there, a click narrows the search to that commune; beside it the same counts as a
 * table, by commune. The communes' contours are drawn when imported.
 */
@Component
class DirectoryMap {

	/** A commune of the results: its name, how many work there, the search narrowed to it. */
	record Row(String code, String name, long count, String href) {
	}

	private final CommuneDirectory communes;
	private final Messages messages;

	DirectoryMap(CommuneDirectory communes, Messages messages) {
		this.communes = communes;
		this.messages = messages;
	}

	void addTo(Model model, Map<String, Long> counts, ListView list) {
		List<Row> rows = new ArrayList<>();
		List<MapPoint> points = new ArrayList<>();
		for (Commune c : communes.findAll(List.copyOf(counts.keySet()))) {
			long n = counts.getOrDefault(c.inseeCode(), 0L);
			String href = list.with("commune", c.inseeCode(), "view", "");
			rows.add(new Row(c.inseeCode(), c.name(), n, href));
			if (c.hasCoordinates()) {
				points.add(new MapPoint(c.latitude(), c.longitude(), messages.get("directory.map.point", c.name(), n), n, href, null));
			}
		}
		rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::name, Collator.getInstance(Locale.FRENCH)));
		model.addAttribute("mapRows", rows);
		model.addAttribute("mapPoints", MapPoint.json(points));
		model.addAttribute("mapContours", MapPoint.contoursPath(rows.stream().map(Row::code).toList()));
		model.addAttribute("mapWithoutPlace", rows.size() - points.size());
	}
}
