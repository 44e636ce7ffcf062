package fr.maillage.directory.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.Partnership;
import fr.maillage.directory.Partnerships;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A CPTS's partnerships: the table of its projet de santé, generated, with the signed conventions. */
@Controller
class PartnershipPagesController {

	static final String VIEW = "directory/partnerships";

	private final Partnerships partnerships;
	private final Organizations organizations;
	private final CptsService cpts;
	private final CptsAccess access;
	private final Messages messages;

	PartnershipPagesController(Partnerships partnerships, Organizations organizations, CptsService cpts, CptsAccess access, Messages messages) {
		this.partnerships = partnerships;
		this.organizations = organizations;
		this.cpts = cpts;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/partenariats")
	String list(@PathVariable UUID id, Model model) {
		fill(id, model);
		return VIEW;
	}

	private void fill(UUID id, Model model) {
		Cpts c = cpts.get(id);
		model.addAttribute("cpts", c);
		model.addAttribute("partnerships", partnerships.of(id));
		model.addAttribute("canManage", access.requireUser().coordinates(id));
		model.addAttribute("statuses", Partnership.Status.values());
		model.addAttribute("organizations", organizations.search(null, null, null, 0, 200).items());
	}

	@PostMapping("/cpts/{id}/partenariats")
	String save(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID organizationId,
			@RequestParam(required = false) Partnership.@Nullable Status status, @RequestParam(required = false) @Nullable String representative,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate metOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate signedOn,
			@RequestParam(defaultValue = "false") boolean governance, @RequestParam(required = false) @Nullable String notes,
			@RequestParam(required = false) @Nullable MultipartFile document, Model model, RedirectAttributes redirect) throws IOException {
		var form = new Partnerships.Form(organizationId, status, representative, metOn, signedOn, governance, notes);
		Partnerships.Document doc = document == null || document.isEmpty() ? null
				: new Partnerships.Document(document.getOriginalFilename() == null ? "convention.pdf" : document.getOriginalFilename(), document.getBytes());
		try {
			partnerships.save(id, form, doc);
			redirect.addFlashAttribute("success", messages.get("directory.partnership.saved"));
			return "redirect:/cpts/" + id + "/partenariats";
		}
		catch (Problems.RejectedException ex) {
			fill(id, model);
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("form", form);
			return VIEW;
		}
	}

	@GetMapping({ "/cpts/{id}/partenariats/export.csv", "/cpts/{id}/partenariats/export.xlsx" })
	void export(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		List<Partnership> list = partnerships.of(id);
		var format = request.getRequestURI().endsWith(".xlsx") ? TabularExport.Format.XLSX : TabularExport.Format.CSV;
		List<String> header = java.util.stream.Stream.of("structure", "kind", "commune", "status", "representative", "metOn", "signedOn",
				"governance", "notes").map(k -> messages.get("directory.partnership.export." + k)).toList();
		TabularExport.write(response, format, "partenariats", messages.get("directory.partnership.title"), header, sink -> list.forEach(p ->
			sink.accept(Arrays.asList(p.organization().name(), messages.get("directory.kind." + p.organization().kind().name()),
					p.organization().communeName(), messages.get("directory.partnership.status." + p.status().name()), p.representative(),
					p.metOn(), p.signedOn(), p.governance() ? messages.get("directory.edit.yes") : messages.get("directory.edit.no"), p.notes()))));
	}

	@GetMapping("/cpts/{id}/partenariats/{partnershipId}/convention")
	ResponseEntity<byte[]> convention(@PathVariable UUID id, @PathVariable UUID partnershipId) {
		Partnerships.Document doc = partnerships.document(id, partnershipId);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.attachment().filename(doc.name(), StandardCharsets.UTF_8).build().toString())
			.body(doc.content());
	}
}
