package fr.maillage.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Switches the interface language and goes back where the user was. */
@Controller
class LanguageController {

	private final LocaleResolver locales;

	LanguageController(LocaleResolver locales) {
		this.locales = locales;
	}

	@PostMapping("/langue")
	String change(@RequestParam String lang, HttpServletRequest request, HttpServletResponse response) {
		locales.setLocale(request, response, "en".equals(lang) ? Locale.ENGLISH : Locale.FRENCH);
		String referer = request.getHeader("Referer");
		String host = request.getScheme() + "://" + request.getServerName();
		return "redirect:" + (referer != null && referer.startsWith(host) ? referer : "/");
	}
}
