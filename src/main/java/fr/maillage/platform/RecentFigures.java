package fr.maillage.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Figures that are the same for everyone of a CPTS and costly to count at region scale (the open
 * ruptures of 300,000 patients: 208,000 steps, 300 ms of three cores), counted at most once per
 * {@code maillage.home.figures-max-age} (a minute by default) and remembered meanwhile: many
 * coordinators opening their home at once wait for one count. A figure shown is never older than
 * that age. Caffeine, the cache Spring Boot manages the version of: expiry, a bound, one load per key.
 */
@Component
public class RecentFigures {

	private final Cache<String, Object> figures;

	RecentFigures(@Value("${maillage.home.figures-max-age:PT1M}") Duration maxAge) {
		this.figures = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(10_000).build();
	}

	/** The figure {@code what} of a CPTS, counted now or at most the maximum age ago. */
	@SuppressWarnings("unchecked")
	public <T> T of(String what, UUID cptsId, Supplier<T> count) {
		return (T) figures.get(what + ':' + cptsId, k -> count.get());
	}
}
