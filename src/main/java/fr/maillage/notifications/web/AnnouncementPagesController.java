package fr.maillage.notifications.web;

import fr.maillage.notifications.Announcements;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Announcements in the browser: writing one, the live dashboard, and what recipients see and answer. */
@Controller
class AnnouncementPagesController {

	private final Announcements announcements;
	private final Messages messages;

	AnnouncementPagesController(Announcements announcements, Messages messages) {
		this.announcements = announcements;
		this.messages = messages;
	}

	@GetMapping("/cpts/{id}/annonces")
	String list(@PathVariable UUID id, Model model) {
		model.addAttribute("cptsId", id);
		model.addAttribute("list", announcements.of(id));
		return "notifications/announcements";
	}

	@GetMapping("/cpts/{id}/annonces/nouvelle")
	String form(@PathVariable UUID id, Model model) {
		announcements.of(id); // coordinators only
		model.addAttribute("cptsId", id);
		model.addAttribute("draft", Announcements.Draft.empty());
		model.addAttribute("audiences", announcements.audiences());
		return "notifications/announcement-new";
	}

	@PostMapping("/cpts/{id}/annonces/nouvelle")
	String publish(@PathVariable UUID id, @ModelAttribute("draft") Announcements.Draft draft, Model model, RedirectAttributes redirect) {
		try {
			UUID announcement = announcements.publish(id, draft);
			redirect.addFlashAttribute("success", messages.get("announcement.published"));
			return "redirect:/annonces/" + announcement + "/suivi";
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("cptsId", id);
			model.addAttribute("audiences", announcements.audiences());
			model.addAttribute("problems", messages.byField(ex.problems()));
			return "notifications/announcement-new";
		}
	}

	/** The dashboard; htmx fetches only the board again on every "announcement" live event. */
	@GetMapping("/annonces/{id}/suivi")
	String dashboard(@PathVariable UUID id, HtmxRequest htmx, Model model) {
		model.addAttribute("d", announcements.dashboard(id));
		return htmx.isHtmxRequest() ? "notifications/announcement-dashboard :: board" : "notifications/announcement-dashboard";
	}

	@PostMapping("/annonces/{id}/relance")
	String remind(@PathVariable UUID id, RedirectAttributes redirect) {
		int n = announcements.remind(id);
		redirect.addFlashAttribute("success", messages.get("announcement.reminded", n));
		return "redirect:/annonces/" + id + "/suivi";
	}

	@GetMapping("/annonces/{id}")
	String open(@PathVariable UUID id, Model model) {
		model.addAttribute("r", announcements.open(id));
		return "notifications/announcement";
	}

	@PostMapping("/annonces/{id}/lu")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		announcements.acknowledge(id);
		redirect.addFlashAttribute("success", messages.get("announcement.acknowledged"));
		return "redirect:/annonces/" + id;
	}

	@PostMapping("/annonces/{id}/disponibilite")
	String answer(@PathVariable UUID id, @RequestParam(required = false) Announcements.@Nullable Availability availability,
			@RequestParam(required = false) @Nullable String availableFrom, Model model, RedirectAttributes redirect) {
		LocalDateTime from = null;
		if (availableFrom != null && !availableFrom.isBlank()) {
			try {
				from = LocalDateTime.parse(availableFrom.strip());
			}
			catch (DateTimeParseException ex) {
				from = null;
			}
		}
		try {
			announcements.answer(id, availability, from);
			redirect.addFlashAttribute("success", messages.get("announcement.answered"));
			return "redirect:/annonces/" + id;
		}
		catch (Problems.RejectedException ex) {
			model.addAttribute("r", announcements.open(id));
			model.addAttribute("problems", messages.byField(ex.problems()));
			model.addAttribute("typedAvailability", availability);
			model.addAttribute("typedFrom", availableFrom);
			return "notifications/announcement";
		}
	}

	@GetMapping("/annonces/accuse/{secret}")
	String ackPage(@PathVariable String secret, Model model) {
		model.addAttribute("secret", secret);
		return "notifications/announcement-ack";
	}

	@PostMapping("/annonces/accuse/{secret}")
	String ackByLink(@PathVariable String secret, Model model) {
		model.addAttribute("announcement", announcements.acknowledgeByToken(secret).orElse(null));
		model.addAttribute("done", true);
		return "notifications/announcement-ack";
	}
}
