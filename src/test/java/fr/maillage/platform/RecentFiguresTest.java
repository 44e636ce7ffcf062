package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A costly figure is counted once per CPTS within its maximum age, and again after it. */
class RecentFiguresTest {

	@Test
	void aFigureIsCountedOnceWithinItsAgeForEachCptsAndAgainAfter() {
		RecentFigures recent = new RecentFigures(Duration.ofMillis(300));
		AtomicInteger counted = new AtomicInteger();
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		assertThat(recent.<Integer>of("ruptures", a, counted::incrementAndGet)).isEqualTo(1);
		assertThat(recent.<Integer>of("ruptures", a, counted::incrementAndGet)).isEqualTo(1);
		assertThat(recent.<Integer>of("ruptures", b, counted::incrementAndGet)).as("another CPTS has its own count").isEqualTo(2);
		assertThat(recent.<Integer>of("autre", a, counted::incrementAndGet)).as("another figure too").isEqualTo(3);
		await().atMost(Duration.ofSeconds(5)).until(() -> recent.<Integer>of("ruptures", a, counted::incrementAndGet) > 1);
	}

	@Test
	void withNoAgeEveryLoadCounts() {
		RecentFigures recent = new RecentFigures(Duration.ZERO);
		AtomicInteger counted = new AtomicInteger();
		UUID a = UUID.randomUUID();
		recent.of("ruptures", a, counted::incrementAndGet);
		recent.of("ruptures", a, counted::incrementAndGet);
		assertThat(counted).hasValue(2);
	}
}
