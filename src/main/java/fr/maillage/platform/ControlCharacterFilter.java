package fr.maillage.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One place that refuses control characters (NUL and the other C0 codes but tab and line breaks,
 * and DEL) in every request parameter and every JSON body, with a 400 in French: PostgreSQL
 * cannot store a NUL, and no person types the others. A JSON body is read once here (it is
 * already bounded by {@link RequestSizeFilter}) and handed on unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ControlCharacterFilter extends OncePerRequestFilter {

	private final Messages messages;

	ControlCharacterFilter(Messages messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String field = forbiddenParameter(request.getParameterMap());
		HttpServletRequest next = request;
		if (field == null && isJson(request)) {
			byte[] body = request.getInputStream().readAllBytes();
			if (hasEscapedControl(new String(body, StandardCharsets.UTF_8))) {
				field = "body";
			}
			next = new CachedBody(request, body);
		}
		if (field != null) {
			FilterRefusal.write(request, response, messages, 400, "caractere_interdit",
					messages.get(LocaleFilter.localeOf(request), "error.controlCharacter", field));
			return;
		}
		chain.doFilter(next, response);
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
	}

	static @Nullable String forbiddenParameter(Map<String, String[]> parameters) {
		for (var e : parameters.entrySet()) {
			if (isForbidden(e.getKey())) {
				return "?";
			}
			for (String v : e.getValue()) {
				if (v != null && isForbidden(v)) {
					return e.getKey();
				}
			}
		}
		return null;
	}

	static boolean isForbidden(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (isForbidden(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isForbidden(int c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
	}

	/** Control characters written as JSON escapes (raw ones make the JSON invalid, which the parser refuses). */
	static boolean hasEscapedControl(String json) {
		for (int i = 0; i < json.length() - 1; i++) {
			if (json.charAt(i) != '\\') {
				continue;
			}
			char e = json.charAt(i + 1);
			if (e == 'b' || e == 'f') {
				return true;
			}
			if (e == 'u' && i + 5 < json.length()) {
				try {
					if (isForbidden(Integer.parseInt(json.substring(i + 2, i + 6), 16))) {
						return true;
					}
				}
				catch (NumberFormatException ex) {
					// not a valid escape: the parser will refuse the body
				}
			}
			i++; // skip the escaped character, so that "\\u0000" (a backslash, then text) is not taken for an escape
		}
		return false;
	}

	/** The request with its body already read. */
	private static final class CachedBody extends HttpServletRequestWrapper {
		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
