package fr.maillage.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the JSON API over real HTTP. */
public final class Api {

	public record Response(int status, String body) {
		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The French message refusing {@code name}, or the whole body when there is none (so a failing assertion shows it). */
		public String field(String name) {
			JsonNode errors = json().get("errors");
			if (errors != null && errors.isArray()) {
				for (JsonNode e : errors) {
					if (name.equals(e.get("field").asString())) {
						return e.get("message").asString();
					}
				}
			}
			return body;
		}
	}

	public static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;
	private final String token;
	private String forwardedFor;

	/** The same client, as if it came through the trusted proxy from {@code address} (each its own limit on public forms). */
	public Api from(String address) {
		Api other = new Api(base, token, address);
		return other;
	}

	private Api(String base, String token, String forwardedFor) {
		this.base = base;
		this.token = token;
		this.forwardedFor = forwardedFor;
	}

	public Api(int port, String token) {
		this.base = "http://127.0.0.1:" + port;
		this.token = token;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response post(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), body, "POST"));
	}

	public Response put(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), body, "PUT"));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	public Response postText(String path, String text) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(text)));
	}

	public Response postBytes(String path, byte[] bytes, String contentType) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	/** A multipart/form-data upload of one file under {@code field}. */
	public Response postFile(String path, String field, String fileName, byte[] content) {
		String boundary = "----maillage" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A file of a multipart form: its field, name and content. */
	public record Part(String field, String fileName, byte[] content) {
	}

	/** A multipart/form-data form: text fields and files. */
	public Response postForm(String path, Map<String, String> fields, List<Part> files) {
		String boundary = "----maillage" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		for (Part f : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\"" + f.fileName()
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			body.writeBytes(f.content());
			body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static HttpRequest.Builder json(HttpRequest.Builder b, Object body, String method) {
		String text = body instanceof String s ? s : JSON.writeValueAsString(body);
		return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
	}

	/** A file's bytes (a PDF, a workbook); fails when the answer is not 200. */
	public byte[] bytes(String method, String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (r.statusCode() != 200) {
				throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
			}
			return r.body();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(HttpRequest.Builder b) {
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		if (forwardedFor != null) {
			b.header("X-Forwarded-For", forwardedFor);
		}
		b.header("Accept", "application/json").timeout(Duration.ofSeconds(60));
		try {
			HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
