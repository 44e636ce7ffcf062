package fr.maillage.reference.web;

import fr.maillage.reference.CommuneContours;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contours of some communes as GeoJSON, for the maps of the pages (map.js): public reference
 * data (IGN open data), for at most 500 communes at a time; codes that are not INSEE codes are
 * ignored.
 */
@RestController
class CommuneContoursController {

	static final int MOST = 500;

	private final CommuneContours contours;

	CommuneContoursController(CommuneContours contours) {
		this.contours = contours;
	}

	@GetMapping("/communes/contours")
	ResponseEntity<String> contours(@RequestParam(defaultValue = "") String codes) {
		List<String> wanted = Arrays.stream(codes.split(",")).map(String::strip).filter(c -> c.matches("\\d{5}|2[AB]\\d{3}")).distinct()
			.limit(MOST).toList();
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).header("Cache-Control", "public, max-age=3600")
			.body(contours.featureCollection(wanted));
	}
}
