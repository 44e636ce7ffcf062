package fr.maillage.reference.web;

import fr.maillage.platform.Messages;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.platform.UploadLimits;
import fr.maillage.reference.CoordinatesImport;
import fr.maillage.reference.ReferenceUpdate;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of the reference data: commune coordinates from a CSV, through the import
 * pipeline (preview, confirm, apply all or nothing, report). Administrators only.
 */
@Controller
class ReferenceAdminController {

	static final String VIEW = "reference/admin";
	private static final String PENDING = "maillage.coordinates.pending";
	private static final String PENDING_PACKAGE = "maillage.reference.pending";

	private final CoordinatesImport coordinates;
	private final fr.maillage.reference.CommuneContours contours;
	private final CommuneDirectory directory;
	private final Messages messages;
	private final ReferenceUpdate update;

	ReferenceAdminController(CoordinatesImport coordinates, CommuneDirectory directory, Messages messages, ReferenceUpdate update,
			fr.maillage.reference.CommuneContours contours) {
		this.contours = contours;
		this.update = update;
		this.coordinates = coordinates;
		this.directory = directory;
		this.messages = messages;
	}

	private static void requireAdmin() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
			throw new AccessDeniedException("administrators only");
		}
	}

	@GetMapping("/administration/reference")
	String page(Model model) {
		requireAdmin();
		model.addAttribute("communeCount", directory.communeCount());
		model.addAttribute("withCoordinates", coordinates.communesWithCoordinates());
		model.addAttribute("withContours", contours.communesWithContours());
		return VIEW;
	}

	/** Contours of the communes from a GeoJSON file: applied at once, all or nothing, with the report by feature. */
	@PostMapping("/administration/reference/contours")
	String contours(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
		requireAdmin();
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", messages.get("reference.coordinates.noFile"));
		} else if (file.getSize() > UploadLimits.LIST_BYTES) {
			model.addAttribute("failure", messages.get("error.tooLarge", UploadLimits.describe()));
		} else {
			fr.maillage.reference.CommuneContours.Report report = contours.apply(file.getBytes());
			model.addAttribute("contoursReport", report);
			model.addAttribute("contoursFile", file.getOriginalFilename());
			if (report.applied()) {
				model.addAttribute("success", messages.get("reference.contours.applied", report.stored(), report.unknownCount()));
			}
		}
		return page(model);
	}

	@PostMapping("/administration/reference/coordonnees")
	String preview(@RequestParam(required = false) @Nullable MultipartFile file, HttpSession session, Model model) throws IOException {
		requireAdmin();
		model.addAttribute("communeCount", directory.communeCount());
		model.addAttribute("withCoordinates", coordinates.communesWithCoordinates());
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", messages.get("reference.coordinates.noFile"));
			return VIEW;
		}
		if (file.getSize() > UploadLimits.LIST_BYTES) {
			model.addAttribute("failure", messages.get("error.tooLarge", UploadLimits.describe()));
			return VIEW;
		}
		String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
		if (csv.indexOf('\0') >= 0) {
			model.addAttribute("failure", messages.get("territory.file.notText", file.getOriginalFilename()));
			return VIEW;
		}
		CoordinatesImport.Report report = coordinates.preview(csv);
		if (report.acceptable()) {
			session.setAttribute(PENDING, csv);
		}
		model.addAttribute("report", report);
		model.addAttribute("fileName", file.getOriginalFilename());
		return VIEW;
	}

	@PostMapping("/administration/reference/coordonnees/confirmer")
	String confirm(HttpSession session, Model model, RedirectAttributes redirect) {
		requireAdmin();
		String csv = (String) session.getAttribute(PENDING);
		if (csv == null) {
			redirect.addFlashAttribute("failure", messages.get("reference.coordinates.expired"));
			return "redirect:/administration/reference";
		}
		session.removeAttribute(PENDING);
		CoordinatesImport.Report report = coordinates.apply(csv);
		redirect.addFlashAttribute(report.applied() ? "success" : "failure", report.applied()
				? messages.get("reference.coordinates.applied", report.placed(), report.unknownCount())
				: messages.get("reference.coordinates.refused"));
		return "redirect:/administration/reference";
	}

	@PostMapping(UploadLimits.REFERENCE_PATH)
	String previewPackage(@RequestParam(required = false) @Nullable MultipartFile communes, @RequestParam(required = false) @Nullable MultipartFile epci,
			@RequestParam(required = false) @Nullable MultipartFile departements, @RequestParam(required = false) @Nullable MultipartFile regions,
			HttpSession session, Model model) throws IOException {
		requireAdmin();
		model.addAttribute("communeCount", directory.communeCount());
		model.addAttribute("withCoordinates", coordinates.communesWithCoordinates());
		for (MultipartFile f : new MultipartFile[] { communes, epci, departements, regions }) {
			if (f == null || f.isEmpty()) {
				model.addAttribute("failure", messages.get("reference.update.fourFiles"));
				return VIEW;
			}
			if (f.getSize() > ReferenceUpdate.MAX_FILE_BYTES) {
				model.addAttribute("failure", messages.get("error.tooLarge", UploadLimits.megabytes(ReferenceUpdate.MAX_FILE_BYTES)));
				return VIEW;
			}
		}
		ReferenceUpdate.Files files = new ReferenceUpdate.Files(communes.getBytes(), epci.getBytes(), departements.getBytes(), regions.getBytes());
		ReferenceUpdate.Report report = update.preview(files);
		if (report.acceptable()) {
			session.setAttribute(PENDING_PACKAGE, update.keep(files));
		}
		model.addAttribute("update", report);
		return VIEW;
	}

	@PostMapping(UploadLimits.REFERENCE_PATH + "/confirmer")
	String confirmPackage(HttpSession session, RedirectAttributes redirect) {
		requireAdmin();
		java.util.Optional<ReferenceUpdate.Report> applied = session.getAttribute(PENDING_PACKAGE) instanceof java.util.UUID id
				? update.applyKept(id) : java.util.Optional.empty();
		session.removeAttribute(PENDING_PACKAGE);
		if (applied.isEmpty()) {
			redirect.addFlashAttribute("failure", messages.get("reference.coordinates.expired"));
			return "redirect:/administration/reference";
		}
		ReferenceUpdate.Report report = applied.get();
		redirect.addFlashAttribute(report.applied() ? "success" : "failure", report.applied()
				? messages.get("reference.update.applied", report.communes(), report.added(), report.removed(), report.renamed())
				: messages.get("reference.update.refused"));
		return "redirect:/administration/reference";
	}

	/** The same import for scripts: {@code ?dryRun=true} previews without applying. */
	@PostMapping(path = "/api/v1/reference/coordinates", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@ResponseBody
	org.springframework.http.ResponseEntity<CoordinatesImport.Report> api(@RequestBody String csv,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		requireAdmin();
		CoordinatesImport.Report report = dryRun ? coordinates.preview(csv) : coordinates.apply(csv);
		return report.errors().isEmpty() ? org.springframework.http.ResponseEntity.ok(report)
				: org.springframework.http.ResponseEntity.badRequest().body(report);
	}
}
