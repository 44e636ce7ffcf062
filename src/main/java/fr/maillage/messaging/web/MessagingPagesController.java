package fr.maillage.messaging.web;

import fr.maillage.messaging.Conversations;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The messaging pages: one's conversations, starting one, a conversation with its live thread, attachments. */
@Controller
class MessagingPagesController {

	private final Conversations conversations;
	private final Messages messages;

	MessagingPagesController(Conversations conversations, Messages messages) {
		this.conversations = conversations;
		this.messages = messages;
	}

	@GetMapping("/messages")
	String list(@RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("list", conversations.mine(q));
		return "messaging/list";
	}

	@PostMapping("/messages/direct")
	String direct(@RequestParam(defaultValue = "") String email, Model model) {
		try {
			return "redirect:/messages/" + conversations.startDirect(email);
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("directEmail", email);
			model.addAttribute("list", conversations.mine(null));
			return "messaging/list";
		}
	}

	@PostMapping("/messages/groupe")
	String group(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String emails, Model model) {
		try {
			return "redirect:/messages/" + conversations.startGroup(title, Arrays.asList(emails.split("[,;\\s]+")));
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("groupTitle", title);
			model.addAttribute("groupEmails", emails);
			model.addAttribute("list", conversations.mine(null));
			return "messaging/list";
		}
	}

	@GetMapping("/messages/{id}")
	String thread(@PathVariable UUID id, HtmxRequest htmx, Model model) {
		model.addAttribute("t", conversations.open(id));
		// the thread alone for the live refresh
		return htmx.isHtmxRequest() ? "messaging/thread :: messages" : "messaging/thread";
	}

	@PostMapping("/messages/{id}")
	String post(@PathVariable UUID id, @RequestParam(required = false) @Nullable String body, @RequestParam(defaultValue = "false") boolean urgent,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, HtmxRequest htmx, Model model) throws IOException {
		List<Upload> uploads = Upload.of(files);
		try {
			conversations.post(id, body, urgent, uploads);
			if (htmx.isHtmxRequest()) {
				// a blank form; the message reaches the thread through the live event every participant gets
				model.addAttribute("t", conversations.open(id));
				return "messaging/thread :: form";
			}
			return "redirect:/messages/" + id + "#bas";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("t", conversations.open(id));
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("typed", body);
			model.addAttribute("typedUrgent", urgent);
			return htmx.isHtmxRequest() ? "messaging/thread :: form" : "messaging/thread";
		}
	}

	@PostMapping("/messages/{id}/quitter")
	String leave(@PathVariable UUID id, RedirectAttributes redirect) {
		conversations.leave(id);
		redirect.addFlashAttribute("success", messages.get("messaging.left"));
		return "redirect:/messages";
	}

	@GetMapping("/messages/pieces/{attachmentId}/{token}")
	ResponseEntity<byte[]> download(@PathVariable UUID attachmentId, @PathVariable String token) {
		Conversations.Download d = conversations.download(attachmentId, token);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(d.content());
	}
}
