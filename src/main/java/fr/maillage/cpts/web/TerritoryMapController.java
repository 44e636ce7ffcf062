package fr.maillage.cpts.web;

import fr.maillage.cpts.CptsService;
import fr.maillage.reference.CommuneContours;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The contours of a CPTS's communes, as GeoJSON, for the territory map (territory.js). */
@Controller
class TerritoryMapController {

	private final CptsService service;
	private final CommuneContours contours;

	TerritoryMapController(CptsService service, CommuneContours contours) {
		this.service = service;
		this.contours = contours;
	}

	@GetMapping("/cpts/{id}/territoire/contours")
	ResponseEntity<String> contours(@PathVariable UUID id) {
		var codes = service.territory(id).communes().stream().map(c -> c.inseeCode()).toList();
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).header("Cache-Control", "private, max-age=300")
			.body(contours.featureCollection(codes));
	}
}
