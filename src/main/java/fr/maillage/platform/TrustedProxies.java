package fr.maillage.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Behind a reverse proxy: {@code maillage.proxy.trusted} lists the proxies' addresses; only a
 * request coming from one of them has its {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * believed (Tomcat's RemoteIpValve), so the client's real address keys the rate limits and the
 * audit log, and HTTPS gives HSTS and {@code Secure} cookies. Without the list, no forwarded header
 * is believed.
 */
public class TrustedProxies implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String list = environment.getProperty("maillage.proxy.trusted", "");
		if (!StringUtils.hasText(list)) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource("maillageTrustedProxies", Map.of(
				"server.forward-headers-strategy", "native", "server.tomcat.remoteip.internal-proxies", regex(list),
				"server.tomcat.remoteip.trusted-proxies", "")));
	}

	/** "127.0.0.1, ::1" → a pattern matching exactly those addresses. */
	static String regex(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(TrustedProxies::expand)
			.map(Pattern::quote).collect(Collectors.joining("|"));
	}

	/** Tomcat writes IPv6 addresses in full: ::1 is 0:0:0:0:0:0:0:1. */
	private static String expand(String address) {
		return "::1".equals(address) ? "0:0:0:0:0:0:0:1" : address;
	}
}
