package fr.maillage.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * French first: every request, including what filters answer before Spring MVC (security, size
 * limits), speaks French unless the user chose English (cookie) or an API client asks for it
 * (Accept-Language: en).
 */
@Component
@Order(LocaleFilter.ORDER)
public class LocaleFilter extends OncePerRequestFilter {

	public static final String COOKIE = "maillage-langue";
	/** After Spring Boot's request context filter (-105), which would set the JVM's locale, before security (-100). */
	static final int ORDER = -104;

	public static Locale localeOf(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (COOKIE.equals(c.getName())) {
					return c.getValue().startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
				}
			}
		}
		String accept = request.getHeader("Accept-Language");
		return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(localeOf(request));
		try {
			chain.doFilter(request, response);
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}
}
