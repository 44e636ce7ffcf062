package fr.maillage.directory.web;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.PdfDocuments;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable directory a CPTS hands to newly installed professionals: the professionals
 * practising in its communes, grouped by profession then commune.
 */
@Controller
class PrintedDirectoryController {

	/** One line of the printed directory. */
	record Entry(String name, String site, String address, String phone, String skill) {
	}

	private final CptsService cpts;
	private final DirectorySearch search;
	private final PdfDocuments pdf;

	PrintedDirectoryController(CptsService cpts, DirectorySearch search, PdfDocuments pdf) {
		this.cpts = cpts;
		this.search = search;
		this.pdf = pdf;
	}

	@GetMapping("/cpts/{id}/annuaire.pdf")
	void print(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Cpts c = cpts.get(id);
		Territory territory = cpts.territory(id);
		List<Practitioner> people = search.practisingIn(territory.communes().stream().map(Territory.TerritoryCommune::inseeCode).toList());
		// profession → commune → entries, in French alphabetical order
		java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.FRENCH);
		Map<String, Map<String, List<Entry>>> grouped = new TreeMap<>(collator);
		for (Practitioner p : people) {
			String profession = p.professionLabel() == null ? "—" : p.professionLabel();
			for (Practitioner.Activity a : p.activities()) {
				String commune = a.communeName() == null ? "—" : a.communeName();
				grouped.computeIfAbsent(profession, k -> new TreeMap<>(collator)).computeIfAbsent(commune, k -> new ArrayList<>())
					.add(new Entry(p.lastName() + (p.firstName() == null ? "" : " " + p.firstName()), nz(a.siteName()),
							(nz(a.address()) + " " + nz(a.postcode())).strip(), nz(a.phone()), nz(a.skillLabel())));
			}
		}
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename("annuaire-" + c.slug() + ".pdf", StandardCharsets.UTF_8).build().toString());
		pdf.render("directory/print", Map.of("cpts", c, "grouped", grouped, "count", people.size(), "date", LocalDate.now()),
				response.getOutputStream());
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
