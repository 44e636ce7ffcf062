package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BulkheadFilterUnitTest {

	private final BulkheadFilter filter = new BulkheadFilter(
			List.of(new Bulkhead("answers", List.of("/api/v1/crises/{c}/alerts/{a}/answer"), 1, Duration.ofMillis(300))), messages());

	@Test
	void aRequestBeyondThePermitsWaitsItsTurnThenIsToldToTryAgainInFrench() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> run(answer(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
				inside.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}));
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

		long t0 = System.nanoTime();
		MockHttpServletResponse refused = run(answer(), new MockFilterChain());
		assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
		assertThat(refused.getContentAsString()).contains("\"code\":\"surcharge\"").contains("réessayez dans quelques secondes");

		// the other paths and the reads of the same path are not held
		MockHttpServletRequest board = new MockHttpServletRequest("GET", "/api/v1/crises/c1/availability");
		MockFilterChain passed = new MockFilterChain();
		assertThat(run(board, passed).getStatus()).isEqualTo(200);
		assertThat(passed.getRequest()).isNotNull();
		MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/crises/c1/alerts/a1/answer");
		MockFilterChain readPassed = new MockFilterChain();
		run(read, readPassed);
		assertThat(readPassed.getRequest()).isNotNull();

		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		MockFilterChain next = new MockFilterChain();
		assertThat(run(answer(), next).getStatus()).isEqualTo(200);
		assertThat(next.getRequest()).as("the permit came back: the next answer goes through").isNotNull();
	}

	private static MockHttpServletRequest answer() {
		return new MockHttpServletRequest("POST", "/api/v1/crises/c1/alerts/a1/answer");
	}

	private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			filter.doFilter(request, response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static Messages messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setAlwaysUseMessageFormat(true);
		source.setFallbackToSystemLocale(false);
		return new Messages(source);
	}
}
