package fr.maillage.notifications.web;

import fr.maillage.notifications.DeliveryMode;
import fr.maillage.notifications.Notifications;
import fr.maillage.notifications.internal.LiveBus;
import fr.maillage.platform.Messages;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bell and its counter, the list of one's notifications, the choices per kind, and the live stream. */
@Controller
class NotificationPagesController {

	private final Notifications notifications;
	private final LiveBus live;
	private final Messages messages;
	private final fr.maillage.accounts.CptsAccess access;

	NotificationPagesController(Notifications notifications, LiveBus live, Messages messages, fr.maillage.accounts.CptsAccess access) {
		this.notifications = notifications;
		this.live = live;
		this.messages = messages;
		this.access = access;
	}

	@GetMapping(path = "/live", produces = "text/event-stream")
	@ResponseBody
	SseEmitter live() {
		return live.open(access.requireUser().id());
	}

	/** The bell's text, swapped in by htmx on load and on every "notification" event. */
	@GetMapping("/notifications/compteur")
	@ResponseBody
	String counter() {
		long unread = notifications.unreadCount();
		String label = "<span class=\"bell-label\">" + org.springframework.web.util.HtmlUtils.htmlEscape(messages.get("layout.notifications")) + "</span>";
		return unread == 0 ? label
				: label + " <mark id=\"non-lues\" aria-label=\""
						+ org.springframework.web.util.HtmlUtils.htmlEscape(messages.get("notifications.unread", unread)) + "\">" + unread + "</mark>";
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", notifications.mine(page, 30));
		return "notifications/list";
	}

	/** Opens a notification: marked read, then its link. */
	@GetMapping("/notifications/{id}")
	String open(@PathVariable UUID id) {
		return "redirect:" + notifications.open(id).orElse("/notifications");
	}

	@PostMapping("/notifications/tout-lu")
	String allRead(RedirectAttributes redirect) {
		notifications.markAllRead();
		redirect.addFlashAttribute("success", messages.get("notifications.allRead"));
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/preferences")
	String preferences(Model model) {
		model.addAttribute("preferences", notifications.preferences());
		model.addAttribute("delivery", notifications.myDelivery().orElse(null));
		model.addAttribute("modes", DeliveryMode.values());
		return "notifications/preferences";
	}

	@PostMapping("/notifications/preferences")
	String choose(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		// every value read before any is saved: one that is not a mode refuses the whole form, nothing half-saved
		Map<String, DeliveryMode> chosen = new java.util.LinkedHashMap<>();
		for (var p : notifications.preferences()) {
			String value = form.get("mode-" + p.kind().code());
			if (value != null) {
				DeliveryMode mode = fr.maillage.platform.TypedValues.enumOf(DeliveryMode.class, value);
				if (mode == null) {
					throw fr.maillage.platform.Problems.rejected("mode-" + p.kind().code(), "error.unreadableFormValue");
				}
				chosen.put(p.kind().code(), mode);
			}
		}
		notifications.chooseAll(chosen);
		redirect.addFlashAttribute("success", messages.get("notifications.preferences.saved"));
		return "redirect:/notifications/preferences";
	}
}
