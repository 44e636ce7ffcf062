package fr.maillage.cpts.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The territory exported as CSV (semicolons, UTF-8 with BOM, as French spreadsheets expect) and XLSX. */
@Controller
class TerritoryExportController {

	private final CptsService service;
	private final Messages messages;

	TerritoryExportController(CptsService service, Messages messages) {
		this.service = service;
		this.messages = messages;
	}

	private List<String> header() {
		return List.of("code_insee", "commune", "departement", "codes_postaux", "population", "epci", "qpv", "zip", "zac", "zone_note")
			.stream().map(k -> messages.get("territory.export." + k)).toList();
	}

	private static List<Object> row(Territory.TerritoryCommune c) {
		return List.of(c.inseeCode(), c.name(), c.departementCode(), String.join(" ", c.postcodes()), c.population(),
				c.epciSiren() == null ? "" : c.epciSiren(), c.qpv() ? "QPV" : "", c.zip() ? "ZIP" : "", c.zac() ? "ZAC" : "",
				c.zoneNote() == null ? "" : c.zoneNote());
	}

	@GetMapping("/cpts/{id}/territoire/export.csv")
	void csv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Cpts cpts = service.get(id);
		Territory t = service.territory(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename("territoire-" + cpts.slug() + ".csv", StandardCharsets.UTF_8).build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
			csv.printRecord(header());
			for (Territory.TerritoryCommune c : t.communes()) {
				csv.printRecord(row(c));
			}
			csv.printRecord(messages.get("territory.export.total"), "", "", "", t.population());
		}
	}

	@GetMapping("/cpts/{id}/territoire/export.xlsx")
	void xlsx(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Cpts cpts = service.get(id);
		Territory t = service.territory(id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename("territoire-" + cpts.slug() + ".xlsx", StandardCharsets.UTF_8).build().toString());
		Workbook wb = new Workbook(response.getOutputStream(), "Maillage", "1.0");
		Worksheet ws = wb.newWorksheet(messages.get("territory.title"));
		List<String> header = header();
		for (int c = 0; c < header.size(); c++) {
			ws.value(0, c, header.get(c));
			ws.style(0, c).bold().set();
		}
		int r = 1;
		for (Territory.TerritoryCommune c : t.communes()) {
			List<Object> row = row(c);
			for (int k = 0; k < row.size(); k++) {
				Object v = row.get(k);
				if (v instanceof Integer i) {
					ws.value(r, k, i);
				}
				else {
					ws.value(r, k, String.valueOf(v));
				}
			}
			r++;
		}
		ws.value(r, 0, messages.get("territory.export.total"));
		ws.value(r, 4, t.population());
		wb.finish();
	}
}
