package fr.maillage.cpts.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsIdentity;
import fr.maillage.cpts.CptsService;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
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

/**
 * The CPTS's logo and colour: chosen by its coordinators on {@code /cpts/{id}/identite} (refused
 * with the reason in French, the colour typed kept), the logo served publicly at
 * {@code /{slug}/logo} for its public page.
 */
@Controller
class CptsLookController {

	static final String VIEW = "cpts/look";

	private final CptsService cpts;
	private final CptsAccess access;
	private final CptsIdentity identity;
	private final Messages messages;

	CptsLookController(CptsService cpts, CptsAccess access, CptsIdentity identity, Messages messages) {
		this.cpts = cpts;
		this.access = access;
		this.identity = identity;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/identite")
	String page(@PathVariable UUID id, Model model) {
		access.requireCoordinator(id);
		CptsIdentity.Look look = identity.look(id);
		model.addAttribute("colour", look.colour() == null ? "" : look.colour());
		return show(id, look, model);
	}

	@PostMapping("/cpts/{id}/identite")
	String change(@PathVariable UUID id, @RequestParam(required = false) @Nullable String colour,
			@RequestParam(required = false) @Nullable MultipartFile logo, @RequestParam(required = false) @Nullable String removeLogo,
			Model model, RedirectAttributes redirect) throws IOException {
		access.requireCoordinator(id);
		boolean sent = logo != null && !logo.isEmpty();
		CptsIdentity.Change change = new CptsIdentity.Change(colour, sent ? logo.getBytes() : null, sent ? logo.getOriginalFilename() : null,
				"on".equals(removeLogo) || "true".equals(removeLogo));
		try {
			identity.change(id, change);
			redirect.addFlashAttribute("success", messages.get("cpts.look.saved"));
			return "redirect:/cpts/" + id + "/identite";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("colour", colour == null ? "" : colour);
			model.addAttribute("fileLost", sent);
			return show(id, identity.look(id), model);
		}
	}

	private String show(UUID id, CptsIdentity.Look look, Model model) {
		Cpts c = cpts.get(id);
		model.addAttribute("cpts", c);
		model.addAttribute("look", look);
		return VIEW;
	}

	@GetMapping("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String slug) {
		Cpts c = cpts.publicPage(slug).orElseThrow(NotFoundException::new);
		CptsIdentity.Logo logo = identity.logo(c.id()).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.type()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).eTag(Long.toString(logo.updatedAt().toEpochMilli()))
			.header("X-Content-Type-Options", "nosniff").body(logo.content());
	}
}
