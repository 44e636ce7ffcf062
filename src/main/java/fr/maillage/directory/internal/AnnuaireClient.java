package fr.maillage.directory.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Annuaire Santé FHIR API (ANS, {@code maillage.annuaire.url}, the key of the application
 * declared on the ANS API portal in the {@code ESANTE-API-KEY} header). The gateway allows 17 calls a
 * second per application: calls are spaced by 60 ms, and a 429 (or 503) is waited out as its
 * {@code Retry-After} says, else 1 s, 2 s, 4 s… (60 s at most each), up to
 * {@code maillage.annuaire.max-wait} in all for one page.
 */
@Component
class AnnuaireClient {

	private static final Logger log = LoggerFactory.getLogger(AnnuaireClient.class);
	private static final long SPACING_MS = 60;

	/** Why a page could not be had: a message key and its arguments; {@code gone}: the page address expired. */
	static final class Failure extends Exception {
		final String problem;
		final List<String> args;
		final boolean gone;

		Failure(String problem, List<String> args, boolean gone) {
			super(problem, null, false, false);
			this.problem = problem;
			this.args = args;
			this.gone = gone;
		}
	}

	private final String url;
	private final String key;
	private final int pageSize;
	private final Duration maxWait;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final JsonMapper json = JsonMapper.builder().build();
	private long lastCall;

	AnnuaireClient(@Value("${maillage.annuaire.url:https://gateway.api.esante.gouv.fr/fhir/v2}") String url,
			@Value("${maillage.annuaire.api-key:}") String key, @Value("${maillage.annuaire.page-size:500}") int pageSize,
			@Value("${maillage.annuaire.max-wait:PT5M}") Duration maxWait) {
		this.url = url.replaceAll("/+$", "");
		this.key = key;
		this.pageSize = Math.clamp(pageSize, 1, 1000);
		this.maxWait = maxWait;
	}

	boolean configured() {
		return !key.isBlank();
	}

	/** The first page: the open situations with their professional and their organisation. */
	String firstPage() {
		return url + "/PractitionerRole?active=true&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization&_count="
				+ pageSize;
	}

	/** One page, waiting out the gateway's limits. */
	JsonNode get(String pageUrl) throws Failure, InterruptedException {
		long waited = 0;
		int attempt = 0;
		while (true) {
			HttpResponse<byte[]> response;
			try {
				space();
				response = http.send(HttpRequest.newBuilder(URI.create(pageUrl)).timeout(Duration.ofSeconds(60)).header("ESANTE-API-KEY", key)
					.header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException | IllegalArgumentException ex) {
				response = null;
				if (attempt >= 3) {
					throw new Failure("directory.import.annuaire.unreachable", List.of(String.valueOf(ex.getMessage())), false);
				}
			}
			int status = response == null ? 0 : response.statusCode();
			if (status == 200) {
				try {
					return json.readTree(response.body());
				}
				catch (RuntimeException ex) {
					throw new Failure("directory.import.annuaire.unreadable", List.of(), false);
				}
			}
			if (status == 401 || status == 403) {
				throw new Failure("directory.import.annuaire.key", List.of(String.valueOf(status)), false);
			}
			if (status == 404 || status == 410) {
				throw new Failure("directory.import.annuaire.gone", List.of(), true);
			}
			boolean busy = status == 429 || status == 503;
			if (!busy && status != 0 && !(status >= 500 && attempt < 3)) {
				throw new Failure("directory.import.annuaire.status", List.of(String.valueOf(status)), false);
			}
			long wait = retryAfter(response).orElse(Math.min(60_000, 1000L << Math.min(attempt, 6)));
			if (waited + wait > maxWait.toMillis()) {
				throw new Failure("directory.import.annuaire.tooManyRequests", List.of(String.valueOf(maxWait.toSeconds())), false);
			}
			log.info("Annuaire Santé : réponse {}, nouvel essai dans {} ms", status, wait);
			Thread.sleep(wait);
			waited += wait;
			attempt++;
		}
	}

	private static java.util.OptionalLong retryAfter(@org.jspecify.annotations.Nullable HttpResponse<byte[]> response) {
		if (response == null) {
			return java.util.OptionalLong.empty();
		}
		return response.headers().firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,4}"))
			.map(v -> java.util.OptionalLong.of(Math.min(60_000, Long.parseLong(v.strip()) * 1000))).orElse(java.util.OptionalLong.empty());
	}

	private synchronized void space() throws InterruptedException {
		long gap = lastCall + SPACING_MS - System.currentTimeMillis();
		if (gap > 0) {
			Thread.sleep(gap);
		}
		lastCall = System.currentTimeMillis();
	}
}
