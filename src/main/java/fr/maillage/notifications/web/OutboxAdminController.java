package fr.maillage.notifications.web;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.notifications.internal.Outbox;
import fr.maillage.platform.Messages;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** For administrators: how the outbox is doing, the sends that fail, and a button to try one again. */
@Controller
class OutboxAdminController {

	private final Outbox outbox;
	private final CptsAccess access;
	private final Messages messages;

	OutboxAdminController(Outbox outbox, CptsAccess access, Messages messages) {
		this.outbox = outbox;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/administration/envois")
	String page(Model model) {
		access.requireAdmin();
		model.addAttribute("counts", outbox.counts());
		model.addAttribute("troubled", outbox.troubled(200));
		return "notifications/outbox";
	}

	@PostMapping("/administration/envois/{id}/relance")
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		access.requireAdmin();
		outbox.retry(id);
		redirect.addFlashAttribute("success", messages.get("notifications.outbox.retried"));
		return "redirect:/administration/envois";
	}
}
