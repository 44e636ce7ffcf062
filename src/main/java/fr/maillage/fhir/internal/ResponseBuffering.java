package fr.maillage.fhir.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HAPI's JSON writer flushes after every field it writes, and each flush of the servlet's writer
 * sends a chunk down the socket: a 70-slot bundle went out in thousands of writes. The FHIR
 * responses are written into a 64 KB buffer whose flushes wait for the end of the request.
 */
class ResponseBuffering extends OncePerRequestFilter {

	static final int BUFFER = 64 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setBufferSize(BUFFER);
		Buffered buffered = new Buffered(response);
		try {
			chain.doFilter(request, buffered);
		} finally {
			buffered.finish();
		}
	}

	private static final class Buffered extends HttpServletResponseWrapper {
		private @Nullable Writer writer;

		Buffered(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new Writer(super.getWriter());
			}
			return writer;
		}

		void finish() {
			if (writer != null) {
				writer.reallyFlush();
			}
		}
	}

	/** Flushes only when the request is over (or the servlet's own buffer is full). */
	private static final class Writer extends PrintWriter {
		Writer(PrintWriter target) {
			super(target, false);
		}

		@Override
		public void flush() {
			// held until the request is over
		}

		void reallyFlush() {
			super.flush();
		}
	}
}
