package fr.maillage.platform.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** French by default; English for whoever picks it (kept in a cookie). */
@Configuration
class WebConfiguration {

	static final Locale FRENCH = Locale.FRENCH;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(fr.maillage.platform.LocaleFilter.COOKIE);
		resolver.setDefaultLocale(FRENCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(fr.maillage.platform.LocaleFilter::localeOf);
		return resolver;
	}
}
