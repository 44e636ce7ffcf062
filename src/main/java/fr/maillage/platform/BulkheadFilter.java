package fr.maillage.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lets the requests of each {@link Bulkhead} through a fair semaphore before anything else runs
 * for them (authentication included: it reads the database too).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BulkheadFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BulkheadFilter.class);

	private record Compartment(Bulkhead bulkhead, List<PathPattern> patterns, Semaphore turns) {
	}

	private final List<Compartment> compartments;
	private final Messages messages;

	BulkheadFilter(List<Bulkhead> bulkheads, Messages messages) {
		this.messages = messages;
		this.compartments = bulkheads.stream()
			.map(b -> new Compartment(b, b.patterns().stream().map(PathPatternParser.defaultInstance::parse).toList(),
					new Semaphore(b.permits(), true)))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Compartment c = compartmentOf(request);
		if (c == null) {
			chain.doFilter(request, response);
			return;
		}
		boolean turn;
		try {
			turn = c.turns().tryAcquire(c.bulkhead().patience().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			turn = false;
		}
		if (!turn) {
			log.warn("Bulkhead {}: a request waited {} without its turn", c.bulkhead().name(), c.bulkhead().patience());
			response.setHeader("Retry-After", "5");
			FilterRefusal.write(request, response, messages, 503, "surcharge",
					messages.get(LocaleFilter.localeOf(request), "error.busy"));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			c.turns().release();
		}
	}

	private Compartment compartmentOf(HttpServletRequest request) {
		if (compartments.isEmpty() || !"POST".equals(request.getMethod())) {
			return null;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		for (Compartment c : compartments) {
			for (PathPattern p : c.patterns()) {
				if (p.matches(path)) {
					return c;
				}
			}
		}
		return null;
	}
}
