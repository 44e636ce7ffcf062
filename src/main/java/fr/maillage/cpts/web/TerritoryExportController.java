package fr.maillage.cpts.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.platform.Messages;
import fr.maillage.platform.TabularExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The territory exported as CSV or XLSX, with a total line. */
@Controller
class TerritoryExportController {

	private final CptsService service;
	private final Messages messages;

	TerritoryExportController(CptsService service, Messages messages) {
		this.service = service;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/territoire/export.csv")
	void csv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		export(id, TabularExport.Format.CSV, response);
	}

	@GetMapping("/cpts/{id}/territoire/export.xlsx")
	void xlsx(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		export(id, TabularExport.Format.XLSX, response);
	}

	private void export(UUID id, TabularExport.Format format, HttpServletResponse response) throws IOException {
		Cpts cpts = service.get(id);
		Territory t = service.territory(id);
		List<String> header = List.of("code_insee", "commune", "departement", "codes_postaux", "population", "epci", "qpv", "zip", "zac", "zone_note")
			.stream().map(k -> messages.get("territory.export." + k)).toList();
		TabularExport.write(response, format, "territoire-" + cpts.slug(), messages.get("territory.title"), header, sink -> {
			for (Territory.TerritoryCommune c : t.communes()) {
				sink.accept(Arrays.asList(c.inseeCode(), c.name(), c.departementCode(), String.join(" ", c.postcodes()), c.population(),
						c.epciSiren() == null ? "" : c.epciSiren(), c.qpv() ? "QPV" : "", c.zip() ? "ZIP" : "", c.zac() ? "ZAC" : "",
						c.zoneNote() == null ? "" : c.zoneNote()));
			}
			List<Object> total = new ArrayList<>(Arrays.asList(messages.get("territory.export.total"), "", "", "", t.population()));
			sink.accept(total);
		});
	}
}
