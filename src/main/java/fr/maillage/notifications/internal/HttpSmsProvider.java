package fr.maillage.notifications.internal;

import fr.maillage.notifications.SmsProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP SMS gateway: POSTs {@code {"to": "+33…", "text": "…"}} as JSON to the configured URL
 * with {@code Authorization: Bearer <key>}; any 2xx answer is a success. Off without a URL. An
 * installation with another provider declares its own {@link SmsProvider} bean as {@code @Primary}.
 */
@Component
class HttpSmsProvider implements SmsProvider {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String url;
	private final String key;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HttpSmsProvider(@Value("${maillage.sms.url:}") String url, @Value("${maillage.sms.key:}") String key) {
		this.url = url.strip();
		this.key = key.strip();
	}

	@Override
	public boolean enabled() {
		return !url.isEmpty();
	}

	@Override
	public void send(String phone, String text) throws Exception {
		if (!enabled()) {
			throw new IllegalStateException("SMS non configuré (maillage.sms.url)");
		}
		String body = JSON.writeValueAsString(Map.of("to", international(phone), "text", text));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("passerelle SMS : HTTP " + response.statusCode());
		}
	}

	/** 06 12 34 56 78 → +33612345678; numbers already international are kept. */
	static String international(String phone) {
		String digits = phone.replaceAll("[^0-9+]", "");
		if (digits.startsWith("+")) {
			return digits;
		}
		if (digits.startsWith("00")) {
			return "+" + digits.substring(2);
		}
		if (digits.startsWith("0") && digits.length() == 10) {
			return "+33" + digits.substring(1);
		}
		return digits;
	}
}
